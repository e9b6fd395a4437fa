package vn.lantoa.account.security;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.shared.Problem;
import vn.lantoa.shell.ProblemResponses;

/**
 * A user with a one-time password (the first administrator, a reset) must change it before anything else (S-24):
 * every page redirects to the change-password page, every API call answers 403 {@code PASSWORD_CHANGE_REQUIRED},
 * except the change itself, the logout and the public resources.
 */
final class PasswordChangeGate extends OncePerRequestFilter {

    static final Problem REQUIRED = Problem.forbidden("PASSWORD_CHANGE_REQUIRED",
            "Bạn cần đổi mật khẩu một lần trước khi tiếp tục.");

    private static final List<String> ALLOWED = List.of(LoginResponses.PASSWORD_PAGE, "/api/v1/me", "/logout",
            "/login", "/error", "/webjars/", "/css/", "/js/", "/img/", "/favicon.ico");

    private final ProblemResponses problems;

    PasswordChangeGate(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        boolean mustChange = CurrentUser.current().map(CurrentUser::passwordChangeRequired).orElse(false);
        if (mustChange && !allowed(request)) {
            if (ProblemResponses.isApiRequest(request)) {
                problems.write(REQUIRED, request, response);
            } else {
                response.sendRedirect(request.getContextPath() + LoginResponses.PASSWORD_PAGE);
            }
            return;
        }
        chain.doFilter(request, response);
    }

    private static boolean allowed(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return ALLOWED.stream().anyMatch(prefix -> prefix.endsWith("/") ? path.startsWith(prefix)
                : path.equals(prefix) || path.startsWith(prefix + "/"));
    }
}
