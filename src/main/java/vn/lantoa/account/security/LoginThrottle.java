package vn.lantoa.account.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Component;

/**
 * The per-address brake on password guessing (S-10): more than {@code lantoa.security.login-throttle.per-minute}
 * (20) failed logins from one address within a minute refuse further attempts from it, before any hashing, until
 * the minute has passed. Complements the per-account lock, which an attacker spraying many accounts never trips.
 * In memory, per instance; bounded to the most recent {@value #MAX_ADDRESSES} addresses.
 */
@Component
class LoginThrottle {

    static final int MAX_ADDRESSES = 10_000;
    private static final Duration WINDOW = Duration.ofMinutes(1);

    /** Thrown instead of checking the password while an address is throttled. */
    static final class Throttled extends AuthenticationException {
        Throttled() {
            super("too many failed logins from this address");
        }
    }

    private final Clock clock;
    private final int perMinute;
    private final Map<String, Deque<Instant>> failures = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Deque<Instant>> eldest) {
            return size() > MAX_ADDRESSES;
        }
    };

    LoginThrottle(Clock clock, @Value("${lantoa.security.login-throttle.per-minute:20}") int perMinute) {
        this.clock = clock;
        this.perMinute = perMinute;
    }

    /** Throws {@link Throttled} if the address has too many recent failures. */
    synchronized void check(String address) {
        if (perMinute <= 0 || address == null) {
            return;
        }
        Deque<Instant> recent = recent(address);
        if (recent != null && recent.size() >= perMinute) {
            throw new Throttled();
        }
    }

    synchronized void failed(String address) {
        if (perMinute <= 0 || address == null) {
            return;
        }
        failures.computeIfAbsent(address, a -> new ArrayDeque<>()).addLast(clock.instant());
        recent(address);
    }

    private Deque<Instant> recent(String address) {
        Deque<Instant> times = failures.get(address);
        if (times == null) {
            return null;
        }
        Instant since = clock.instant().minus(WINDOW);
        for (Iterator<Instant> it = times.iterator(); it.hasNext();) {
            if (it.next().isBefore(since)) {
                it.remove();
            } else {
                break;
            }
        }
        if (times.isEmpty()) {
            failures.remove(address);
            return null;
        }
        return times;
    }
}
