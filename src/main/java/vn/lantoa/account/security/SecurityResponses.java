package vn.lantoa.account.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import org.springframework.security.web.access.AccessDeniedHandlerImpl;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.stereotype.Component;

import vn.lantoa.shared.Problem;
import vn.lantoa.shell.ProblemResponses;

/**
 * How the security filters refuse: the API answers {@code application/problem+json} (401 {@code UNAUTHENTICATED},
 * 403 {@code FORBIDDEN}, 403 {@code CSRF_INVALID}), never a redirect; a page sends an anonymous person to the login
 * page, and shows the error page for a refusal. A login form posted with a stale token (the session expired while
 * the form stood open) goes back to the login page with a note instead of an error page.
 */
@Component
class SecurityResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    static final Problem UNAUTHENTICATED = new Problem(401, "UNAUTHENTICATED", "Bạn cần đăng nhập để tiếp tục.");
    static final Problem FORBIDDEN = Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    static final Problem TOO_MANY_LOGIN_ATTEMPTS = new Problem(429, "TOO_MANY_LOGIN_ATTEMPTS",
            "Có quá nhiều lần đăng nhập sai từ địa chỉ này. Vui lòng thử lại sau ít phút.");
    static final Problem CSRF_INVALID = Problem.forbidden("CSRF_INVALID",
            "Phiên làm việc đã hết hạn hoặc yêu cầu không hợp lệ. Hãy tải lại trang rồi thử lại.");

    private final ProblemResponses problems;
    private final LoginUrlAuthenticationEntryPoint loginPage = new LoginUrlAuthenticationEntryPoint("/login");
    private final AccessDeniedHandler errorPage = new AccessDeniedHandlerImpl();

    SecurityResponses(ProblemResponses problems) {
        this.problems = problems;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException, jakarta.servlet.ServletException {
        if (answersInJson(request)) {
            problems.write(e instanceof LoginThrottle.Throttled ? TOO_MANY_LOGIN_ATTEMPTS : UNAUTHENTICATED, request,
                    response);
        } else {
            loginPage.commence(request, response, e);
        }
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException, jakarta.servlet.ServletException {
        boolean csrf = e instanceof CsrfException;
        if (answersInJson(request)) {
            problems.write(csrf ? CSRF_INVALID : FORBIDDEN, request, response);
        } else if (csrf && "/login".equals(path(request))) {
            response.sendRedirect(request.getContextPath() + "/login?expired");
        } else {
            errorPage.handle(request, response, e);
        }
    }

    /** The API and the actuator answer machines: JSON, never a login page. */
    static boolean answersInJson(HttpServletRequest request) {
        return ProblemResponses.isApiRequest(request) || path(request).startsWith("/actuator/");
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }
}
