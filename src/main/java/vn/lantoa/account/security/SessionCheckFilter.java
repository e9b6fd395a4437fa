package vn.lantoa.account.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.user.CurrentUsers;
import vn.lantoa.account.user.UserRecord;
import vn.lantoa.account.user.Users;

/**
 * Checks a logged-in session on every request, after the security context is loaded and before authorisation:
 * <ol>
 * <li><b>Idle and absolute timeouts</b> (S-05, S-06), measured with the application's {@link Clock}: more than
 * {@code server.servlet.session.timeout} (15 min) since the last request, or more than
 * {@code lantoa.security.session.absolute-timeout} (10 h) since the login, ends the session. The servlet container
 * applies the idle timeout too; this check makes it exact and testable.</li>
 * <li><b>The user as now</b> (A-12, S-07): the principal is reloaded from the database. A disabled or deleted user,
 * ended sessions (a raised session epoch) or a vanished unit end the session; a changed role, name or unit (or a
 * moved unit) replaces the principal for this request.</li>
 * </ol>
 * An ended session leaves the request anonymous: the API answers 401, a page redirects to the login.
 */
final class SessionCheckFilter extends OncePerRequestFilter {

    static final String STARTED = "lantoa.session.started";
    static final String LAST_SEEN = "lantoa.session.lastSeen";

    private final Users users;
    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final Duration idleTimeout;
    private final Duration absoluteTimeout;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionCheckFilter(Users users, CurrentUsers currentUsers, Clock clock, Duration idleTimeout,
            Duration absoluteTimeout) {
        this.users = users;
        this.currentUsers = currentUsers;
        this.clock = clock;
        this.idleTimeout = idleTimeout;
        this.absoluteTimeout = absoluteTimeout;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Authentication authentication = holder.getContext().getAuthentication();
        if (authentication instanceof AccountAuthentication login) {
            HttpSession session = request.getSession(false);
            if (session != null && !withinTimeouts(session)) {
                end(request);
            } else if (request.getAttribute(ApiTokenFilter.LOADED) != login) { // a token's user is loaded already
                Optional<CurrentUser> now = users.findById(login.getPrincipal().id())
                        .filter(UserRecord::enabled)
                        .filter(user -> user.sessionEpoch() == login.sessionEpoch())
                        .flatMap(currentUsers::of);
                if (now.isEmpty()) {
                    end(request);
                } else if (!now.get().equals(login.getPrincipal())) {
                    SecurityContext context = holder.createEmptyContext();
                    context.setAuthentication(login.refreshed(now.get()));
                    holder.setContext(context);
                }
            }
        }
        chain.doFilter(request, response);
    }

    /** Whether the session is within both timeouts; records this request as its last activity. */
    private boolean withinTimeouts(HttpSession session) {
        Instant now = clock.instant();
        Instant started = (Instant) session.getAttribute(STARTED);
        Instant lastSeen = (Instant) session.getAttribute(LAST_SEEN);
        if (started == null) {
            session.setAttribute(STARTED, now);
            started = now;
        }
        if (lastSeen != null && now.isAfter(lastSeen.plus(idleTimeout))) {
            return false;
        }
        if (now.isAfter(started.plus(absoluteTimeout))) {
            return false;
        }
        session.setAttribute(LAST_SEEN, now);
        return true;
    }

    private void end(HttpServletRequest request) {
        holder.clearContext();
        HttpSession session = request.getSession(false);
        if (session != null) {
            session.invalidate();
        }
    }

    /** Marks the start of a logged-in session (called on login). */
    static void started(HttpSession session, Instant now) {
        session.setAttribute(STARTED, now);
        session.setAttribute(LAST_SEEN, now);
    }
}
