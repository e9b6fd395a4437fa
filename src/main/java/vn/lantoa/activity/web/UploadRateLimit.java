package vn.lantoa.activity.web;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpHeaders;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.shared.Problem;

/**
 * B-EV-10: at most {@code lantoa.upload.rate-limit.max} uploads (recording an activity with its files, a bulk file)
 * per user within {@code lantoa.upload.rate-limit.window} (120 a minute by default: far above what a person types,
 * far below a script's flood). Every attempt counts, accepted or not, so that a flood of bad files is stopped too.
 * Over the limit: 429 {@code UPLOAD_RATE_LIMITED} with {@code Retry-After} (seconds) and a Vietnamese message; nothing
 * of the request is read or stored, and what was uploaded before is untouched. A sliding window per user, in memory:
 * each application instance counts its own requests (with N instances a user may reach N times the limit).
 */
@Configuration
class UploadRateLimit implements HandlerInterceptor, WebMvcConfigurer {

    /** The routes that take uploads (POST only). */
    static final String[] ROUTES = {"/api/v1/activities", "/activities", "/api/v1/activities/bulk",
        "/activities/bulk"};

    private final int max;
    private final Duration window;
    private final Clock clock;
    private final AuditLog audit;
    private final Map<Long, Deque<Long>> recent = new ConcurrentHashMap<>();

    @Autowired
    UploadRateLimit(@Value("${lantoa.upload.rate-limit.max:120}") int max,
            @Value("${lantoa.upload.rate-limit.window:PT1M}") Duration window, Clock clock, AuditLog audit) {
        if (max < 1 || window.isNegative() || window.isZero()) {
            throw new IllegalArgumentException("lantoa.upload.rate-limit: max >= 1 and a positive window");
        }
        this.max = max;
        this.window = window;
        this.clock = clock;
        this.audit = audit;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        registry.addInterceptor(this).addPathPatterns(ROUTES);
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        if (!"POST".equals(request.getMethod())) {
            return true;
        }
        Optional<CurrentUser> user = CurrentUser.current();
        if (user.isEmpty()) {
            return true; // the security filters answer anonymous callers
        }
        long wait = acquire(user.get().id());
        if (wait == 0) {
            return true;
        }
        response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(wait));
        audit.record(AuditEvent.of("UPLOAD_RATE_LIMITED", AuditOutcome.FAILED).object("user", user.get().id())
                .details("max=" + max + " window=" + window));
        throw new Problem(429, "UPLOAD_RATE_LIMITED", "Bạn đã tải lên quá nhiều lần trong thời gian ngắn (tối đa {0} "
                + "lần trong {1} giây). Hãy thử lại sau {2} giây; những gì đã tải lên trước đó vẫn được giữ nguyên.",
                Map.of("retryAfter", wait), max, window.toSeconds(), wait);
    }

    /** Counts an upload of the user: 0 when allowed, otherwise the seconds until the next one is (at least 1). */
    long acquire(long userId) {
        long now = clock.millis();
        long horizon = now - window.toMillis();
        if (recent.size() > 10_000) {
            // users who stopped uploading: forget them (their window has passed)
            recent.values().removeIf(d -> {
                synchronized (d) {
                    return d.isEmpty() || d.peekLast() <= horizon;
                }
            });
        }
        Deque<Long> times = recent.computeIfAbsent(userId, k -> new ArrayDeque<>());
        synchronized (times) {
            while (!times.isEmpty() && times.peekFirst() <= horizon) {
                times.pollFirst();
            }
            if (times.size() >= max) {
                long wait = times.peekFirst() + window.toMillis() - now;
                return Math.max(1, (wait + 999) / 1000);
            }
            times.addLast(now);
            return 0;
        }
    }

    /** The configured number of uploads per window. */
    int max() {
        return max;
    }
}
