package vn.lantoa.account.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.WebAuthenticationDetails;
import org.springframework.stereotype.Component;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.user.CurrentUsers;
import vn.lantoa.account.user.UserRecord;
import vn.lantoa.account.user.Users;
import vn.lantoa.audit.AuditActor;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.shared.VietnameseText;

/**
 * Đăng nhập bằng mật khẩu, for the login form and HTTP Basic alike, with the temporary lockout (S-10):
 * <ul>
 * <li>{@value #MAX_FAILURES} consecutive failures lock the account for 15 minutes; each further lock before a
 * successful login doubles the time (30, 60 … at most 24 hours). The lock belongs to the account, not to the unit
 * or the address. When it expires, the right password works again (S-11).</li>
 * <li>An unknown user, a wrong password, a locked or a disabled account all fail with the same
 * {@link BadCredentialsException}, hence the same message; an unknown user still costs one Argon2 hash, so that the
 * time does not tell either (no user enumeration).</li>
 * <li>More than 20 failures a minute from one address refuse that address for the rest of the minute, before any
 * hashing ({@link LoginThrottle}).</li>
 * <li>Every failure is audited (LOGIN_FAILED, LOGIN_LOCKED, LOGIN_REFUSED); the successful form login is audited by
 * {@link LoginResponses}.</li>
 * </ul>
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    static final int MAX_FAILURES = 5;
    /** A password longer than this is not hashed at all (a cheap denial of service otherwise); it cannot be valid. */
    static final int MAX_PASSWORD_CHARS = 1024;

    private final Users users;
    private final LoginThrottle throttle;
    private final CurrentUsers currentUsers;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration firstLock;
    private final Duration maxLock;
    private final String dummyHash;

    PasswordLogin(Users users, LoginThrottle throttle, CurrentUsers currentUsers, PasswordEncoder encoder, AuditLog audit, Clock clock,
            @Value("${lantoa.security.lockout.first:15m}") Duration firstLock,
            @Value("${lantoa.security.lockout.max:24h}") Duration maxLock) {
        this.users = users;
        this.throttle = throttle;
        this.currentUsers = currentUsers;
        this.encoder = encoder;
        this.audit = audit;
        this.clock = clock;
        this.firstLock = firstLock;
        this.maxLock = maxLock;
        this.dummyHash = encoder.encode(UUID.randomUUID().toString());
    }

    /** User names are stored in lower case, NFC; what a person types is brought to that form. */
    public static String normalizeUsername(String typed) {
        return typed == null ? "" : VietnameseText.nfc(typed.strip()).toLowerCase(Locale.ROOT);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String username = normalizeUsername(authentication.getName());
        Object credentials = authentication.getCredentials();
        String password = credentials == null ? "" : credentials.toString();
        Instant now = clock.instant();
        String address = authentication.getDetails() instanceof WebAuthenticationDetails web
                ? web.getRemoteAddress() : null;
        try {
            throttle.check(address);
        } catch (LoginThrottle.Throttled throttled) {
            audit.record(AuditEvent.of("LOGIN_THROTTLED", AuditOutcome.DENIED).details("address throttled")
                    .actor(AuditActor.of(null, null, username)));
            throw throttled;
        }
        try {
            return check(authentication, username, password, now);
        } catch (BadCredentialsException failed) {
            throttle.failed(address);
            throw failed;
        }
    }

    private Authentication check(Authentication authentication, String username, String password, Instant now) {
        Optional<UserRecord> found = username.isEmpty() || username.length() > 64 ? Optional.empty()
                : users.findByUsername(username);
        boolean tooLong = password.length() > MAX_PASSWORD_CHARS;
        String hash = found.map(UserRecord::passwordHash).orElse(dummyHash);
        boolean matches = !tooLong && encoder.matches(password, hash);

        if (found.isEmpty()) {
            fail("LOGIN_FAILED", AuditOutcome.FAILED, AuditActor.of(null, null, username), "unknown user");
        }
        UserRecord user = found.get();
        AuditActor actor = AuditActor.of(user.id(), user.unitId(), user.username());
        if (!user.enabled()) {
            fail("LOGIN_REFUSED", AuditOutcome.DENIED, actor, "disabled");
        }
        if (user.lockedAt(now)) {
            fail("LOGIN_REFUSED", AuditOutcome.DENIED, actor, "locked until " + user.lockedUntil());
        }
        if (!matches) {
            int failures = users.countFailure(user.id());
            if (failures >= MAX_FAILURES) {
                Duration lock = lockDuration(user.lockCount());
                if (users.lock(user.id(), MAX_FAILURES, now.plus(lock))) {
                    fail("LOGIN_LOCKED", AuditOutcome.DENIED, actor,
                            failures + " consecutive failures, locked for " + lock.toMinutes() + " min");
                }
            }
            fail("LOGIN_FAILED", AuditOutcome.FAILED, actor, "wrong password, failure " + failures);
        }
        Optional<CurrentUser> principal = currentUsers.of(user);
        if (principal.isEmpty()) {
            fail("LOGIN_REFUSED", AuditOutcome.DENIED, actor, "unit " + user.unitId() + " not found");
        }
        if (user.failedLogins() > 0 || user.lockCount() > 0 || user.lastLoginAt() == null
                || user.lastLoginAt().isBefore(now.minusSeconds(60))) {
            users.recordLogin(user.id(), now);
        }
        AccountAuthentication result = new AccountAuthentication(principal.get(), user.sessionEpoch());
        result.setDetails(authentication.getDetails());
        return result;
    }

    /** 15 min, then 30, 60 … for the locks that follow without a successful login in between; at most 24 h. */
    Duration lockDuration(int previousLocks) {
        Duration lock = firstLock.multipliedBy(1L << Math.min(previousLocks, 16));
        return lock.compareTo(maxLock) > 0 ? maxLock : lock;
    }

    private void fail(String action, AuditOutcome outcome, AuditActor actor, String details) {
        audit.record(AuditEvent.of(action, outcome).object("user", actor.auditUserId()).details(details).actor(actor));
        throw new BadCredentialsException("bad credentials");
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
