package vn.lantoa.account.user;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Khóa API: personal tokens for programs, an alternative to HTTP Basic (and the way for accounts that later get a
 * second factor). 256 random bits from {@link SecureRandom}, shown once; only the SHA-256 is stored (S-27). A token
 * acts as its user, with the user's current role and unit; it stops working when revoked, expired, or when the
 * user is disabled.
 */
@Service
public class ApiTokens {

    /** Every token starts with this, so that a leaked one is recognisable in logs and by secret scanners. */
    public static final String PREFIX = "lt_";
    private static final int MAX_PER_USER = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    ApiTokens(JdbcClient jdbc, Clock clock, AuditLog audit) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.audit = audit;
    }

    /** A token as its owner sees it later: never the secret. */
    public record TokenInfo(long id, String name, Instant createdAt, Instant expiresAt, Instant lastUsedAt) {
    }

    /** A new token, with its secret (shown this once). */
    public record NewToken(TokenInfo info, String token) {
    }

    @Transactional
    public NewToken create(CurrentUser owner, String name, Integer validDays) {
        String label = name == null ? "" : VietnameseText.nfc(name.strip());
        if (label.isEmpty() || label.length() > 100) {
            throw Problem.badRequest("TOKEN_NAME_INVALID", "Tên khóa API không được để trống và dài không quá 100 ký tự.");
        }
        if (validDays != null && (validDays < 1 || validDays > 366)) {
            throw Problem.badRequest("TOKEN_VALIDITY_INVALID", "Thời hạn khóa API từ 1 đến 366 ngày.");
        }
        if (list(owner).size() >= MAX_PER_USER) {
            throw Problem.conflict("TOKEN_LIMIT", "Mỗi người dùng có tối đa {0} khóa API còn hiệu lực.", MAX_PER_USER);
        }
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant now = clock.instant();
        Instant expires = validDays == null ? null : now.plus(Duration.ofDays(validDays));
        var keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into api_token (user_id, name, token_hash, created_at, expires_at)
                values (:user, :name, :hash, :now, :expires)
                """).param("user", owner.id()).param("name", label).param("hash", hash(token))
                .param("now", utc(now)).param("expires", expires == null ? null : utc(expires)).update(keys, "id");
        long id = keys.getKeyAs(Number.class).longValue();
        audit.ok("API_TOKEN_CREATED", "api_token", id, label);
        return new NewToken(new TokenInfo(id, label, now, expires, null), token);
    }

    /** The owner's tokens that still work, newest first. */
    @Transactional(readOnly = true)
    public List<TokenInfo> list(CurrentUser owner) {
        return jdbc.sql("""
                select id, name, created_at, expires_at, last_used_at from api_token
                where user_id = :user and revoked_at is null and (expires_at is null or expires_at > :now)
                order by created_at desc, id desc
                """).param("user", owner.id()).param("now", utc(clock.instant())).query(ApiTokens::info).list();
    }

    /** Revokes one of the owner's tokens; someone else's token does not exist (404). */
    @Transactional
    public void revoke(CurrentUser owner, long id) {
        int changed = jdbc.sql("update api_token set revoked_at = :now where id = :id and user_id = :user and revoked_at is null")
                .param("now", utc(clock.instant())).param("id", id).param("user", owner.id()).update();
        if (changed == 0) {
            throw Problem.notFound("TOKEN_NOT_FOUND", "Không tìm thấy khóa API.");
        }
        audit.ok("API_TOKEN_REVOKED", "api_token", id, null);
    }

    /**
     * A token's holder: the user's row as it is now, and the principal to act as (null when the user's unit is gone).
     */
    public record Holder(UserRecord user, CurrentUser principal) {
    }

    /**
     * The user a presented token belongs to, as the user's row and its unit's row are now, if the token is valid now
     * (enabled or not: the caller decides); records its use (at most once a minute). One indexed read for the three
     * rows on every request (the unit's path is the principal's, so the unit is read with the user); the write only
     * when the last use is older than a minute (a statement of its own, no transaction around the read).
     */
    public Optional<Holder> ownerOf(String token) {
        if (token == null || !token.startsWith(PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        String hash = hash(token);
        Instant now = clock.instant();
        // the token's and the unit's columns come from derived tables with names of their own: the user's columns stay
        // unqualified
        Optional<Used> used = jdbc.sql("select " + Users.COLUMNS + """
                , token_last_used_at, unit_path, unit_short_name from app_user join (
                    select user_id, last_used_at as token_last_used_at from api_token
                    where token_hash = :hash and revoked_at is null and (expires_at is null or expires_at > :now)
                ) token on token.user_id = app_user.id
                left join (select id as unit_ref, path as unit_path, short_name as unit_short_name from unit) unit_row
                    on unit_row.unit_ref = app_user.unit_id
                """).param("hash", hash).param("now", utc(now))
                .query((rs, i) -> {
                    UserRecord user = Users.map(rs, i);
                    String unitPath = rs.getString("unit_path");
                    CurrentUser principal = unitPath == null ? null
                            : CurrentUsers.of(user, unitPath, rs.getString("unit_short_name"));
                    return new Used(new Holder(user, principal), instant(rs, "token_last_used_at"));
                }).optional();
        Instant minuteAgo = now.minusSeconds(60);
        used.filter(u -> u.lastUsedAt() == null || u.lastUsedAt().isBefore(minuteAgo)).ifPresent(u -> jdbc.sql("""
                update api_token set last_used_at = :now
                where token_hash = :hash and (last_used_at is null or last_used_at < :minuteAgo)
                """).param("now", utc(now)).param("hash", hash).param("minuteAgo", utc(minuteAgo)).update());
        return used.map(Used::holder);
    }

    private record Used(Holder holder, Instant lastUsedAt) {
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static OffsetDateTime utc(Instant instant) {
        return Users.utc(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        return Users.instant(rs, column);
    }

    private static TokenInfo info(ResultSet rs, int row) throws SQLException {
        return new TokenInfo(rs.getLong("id"), rs.getString("name"), instant(rs, "created_at"), instant(rs, "expires_at"),
                instant(rs, "last_used_at"));
    }
}
