package vn.lantoa.account.security;

import java.io.IOException;
import java.time.Clock;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;
import org.springframework.stereotype.Component;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;

/** Where the login form and the logout lead, and their audit entries. */
@Component
class LoginResponses implements AuthenticationSuccessHandler, AuthenticationFailureHandler, LogoutSuccessHandler {

    static final String PASSWORD_PAGE = "/account/password";

    private final AuditLog audit;
    private final Clock clock;
    private final SavedRequestAwareAuthenticationSuccessHandler saved = new SavedRequestAwareAuthenticationSuccessHandler();

    LoginResponses(AuditLog audit, Clock clock) {
        this.audit = audit;
        this.clock = clock;
        saved.setDefaultTargetUrl("/");
        saved.setAlwaysUseDefaultTargetUrl(false);
    }

    /** Audits the login, then goes to the page asked for before, or to the forced password change. */
    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException, ServletException {
        SessionCheckFilter.started(request.getSession(), clock.instant());
        if (authentication.getPrincipal() instanceof CurrentUser user) {
            audit.record(AuditEvent.of("LOGIN", AuditOutcome.OK).object("user", user.id()).actor(user));
            if (user.passwordChangeRequired()) {
                response.sendRedirect(request.getContextPath() + PASSWORD_PAGE);
                return;
            }
        }
        saved.onAuthenticationSuccess(request, response, authentication);
    }

    /** Back to the form with one message for every reason (the reason was audited by {@link PasswordLogin}). */
    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        boolean throttled = exception instanceof LoginThrottle.Throttled;
        response.sendRedirect(request.getContextPath() + (throttled ? "/login?throttled" : "/login?error"));
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        if (authentication != null && authentication.getPrincipal() instanceof CurrentUser user) {
            audit.record(AuditEvent.of("LOGOUT", AuditOutcome.OK).object("user", user.id()).actor(user));
        }
        response.sendRedirect(request.getContextPath() + "/login?logout");
    }
}
