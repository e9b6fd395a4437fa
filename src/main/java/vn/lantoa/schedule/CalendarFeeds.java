package vn.lantoa.schedule;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Units;

/**
 * Lịch đăng ký: iCalendar feeds of a unit's calendar that a phone subscribes to. The secret in the URL is the only
 * credential (a phone calendar cannot log in), so it is long (256 bits), shown once, kept only as its SHA-256, and
 * revocable; a user has one live feed, of their unit (a new one revokes the old).
 */
@Service
public class CalendarFeeds {

    /** A feed just made: its secret, to put in the URL, shown once. */
    public record NewFeed(long id, String token) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Feeds feeds;
    private final Schedule schedule;
    private final Units units;
    private final Clock clock;

    CalendarFeeds(Feeds feeds, Schedule schedule, Units units, Clock clock) {
        this.feeds = feeds;
        this.schedule = schedule;
        this.units = units;
        this.clock = clock;
    }

    /** Makes a feed of the user's unit (with its subtree on request), revoking the user's previous one. */
    @Transactional
    public NewFeed create(CurrentUser user, boolean subtree) {
        feeds.revokeOf(user.id(), clock.instant());
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        long id = feeds.insert(user.id(), user.unitId(), subtree, hash(token), clock.instant());
        return new NewFeed(id, token);
    }

    /** Revokes the user's feed; whether there was one. */
    @Transactional
    public boolean revoke(CurrentUser user) {
        return feeds.revokeOf(user.id(), clock.instant()) > 0;
    }

    /** Whether the user has a live feed, and whether it covers the subtree. */
    @Transactional(readOnly = true)
    public Optional<Boolean> live(CurrentUser user) {
        return feeds.liveOf(user.id()).map(Feeds.Feed::subtree);
    }

    /**
     * The iCalendar text of the feed with this secret, from a year back to two years ahead; empty when the secret
     * is unknown or revoked, or its unit is closed.
     */
    @Transactional(readOnly = true)
    public Optional<String> ics(String token) {
        if (token == null || token.length() < 20 || token.length() > 100) {
            return Optional.empty();
        }
        return feeds.liveByHash(hash(token)).filter(f -> units.byId(f.unitId()).map(u -> !u.closed()).orElse(false))
                .map(f -> {
                    LocalDate today = LocalDate.now(clock.withZone(ZONE));
                    CalendarSheet sheet = schedule.forUnit(f.unitId(), f.subtree(), today.minusYears(1),
                            today.plusYears(2));
                    return ICalendar.write(sheet.entries(), units.get(f.unitId()).name(), clock.instant());
                });
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
