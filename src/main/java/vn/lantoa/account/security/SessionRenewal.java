package vn.lantoa.account.security;

import java.time.Clock;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.user.CurrentUsers;

/**
 * Keeps the current session after the user's own password change, which ended all their sessions (raised the
 * epoch): the session gets a new id and a login under the new epoch. Other sessions stay ended.
 */
@Component
public class SessionRenewal {

    private final CurrentUsers currentUsers;
    private final Clock clock;
    private final SecurityContextRepository repository = new HttpSessionSecurityContextRepository();
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    SessionRenewal(CurrentUsers currentUsers, Clock clock) {
        this.currentUsers = currentUsers;
        this.clock = clock;
    }

    /** Logs the user in again on this request's session under {@code epoch}; no-op for a session-less request. */
    public void renew(HttpServletRequest request, HttpServletResponse response, long userId, int epoch) {
        if (request.getSession(false) == null) {
            return;
        }
        CurrentUser user = currentUsers.load(userId).orElseThrow();
        request.changeSessionId();
        SecurityContext context = holder.createEmptyContext();
        context.setAuthentication(new AccountAuthentication(user, epoch));
        holder.setContext(context);
        repository.saveContext(context, request, response);
        SessionCheckFilter.started(request.getSession(), clock.instant());
    }
}
