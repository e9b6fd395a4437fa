package vn.lantoa.shell;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.NoSuchMessageException;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.View;

import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.shared.Problem;

/**
 * Turns a {@link Problem} into what the caller understands: {@code application/problem+json} (RFC 9457) with a stable
 * {@code code} and a Vietnamese {@code detail} for the API, or the error page for a person in the browser. Both say
 * the same words, taken from the message files under {@code problem.<CODE>}.
 */
@Component
public class ProblemResponses {

    public static final String PROBLEM_JSON = "application/problem+json";

    private final MessageSource messages;
    private final JsonMapper json;

    ProblemResponses(MessageSource messages, JsonMapper json) {
        this.messages = messages;
        this.json = json;
    }

    /** Whether the request is a call of the HTTP API (answered in JSON) rather than a page. */
    public static boolean isApiRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/api/");
    }

    /** The Vietnamese text of a problem. */
    public String detail(Problem problem) {
        try {
            return messages.getMessage(problem.messageKey(), problem.args(), ShellConfiguration.VIETNAMESE);
        } catch (NoSuchMessageException e) {
            String fallback = problem.defaultMessage();
            return fallback != null ? fallback
                    : messages.getMessage("problem.INTERNAL_ERROR", null, ShellConfiguration.VIETNAMESE);
        }
    }

    /** The problem document as a map, ready to serialise. */
    public Map<String, Object> body(Problem problem, HttpServletRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title(problem.status()));
        body.put("status", problem.status());
        body.put("code", problem.code());
        body.put("detail", detail(problem));
        body.put("instance", URI.create(request.getRequestURI()).getPath());
        problem.properties().forEach(body::putIfAbsent);
        return body;
    }

    /** Writes the problem straight to a response (for filters, where no view resolution happens). */
    public void write(Problem problem, HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setStatus(problem.status());
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentType(PROBLEM_JSON + ";charset=UTF-8");
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        json.writeValue(response.getOutputStream(), body(problem, request));
    }

    /** The answer to a problem: JSON for the API, the error page for a person. */
    public ModelAndView answer(Problem problem, HttpServletRequest request) {
        if (isApiRequest(request)) {
            View view = (model, req, res) -> write(problem, req, res);
            return new ModelAndView(view);
        }
        ModelAndView page = new ModelAndView("error/problem");
        page.addObject("status", problem.status());
        page.addObject("code", problem.code());
        page.addObject("detail", detail(problem));
        page.setStatus(org.springframework.http.HttpStatusCode.valueOf(problem.status()));
        return page;
    }

    private String title(int status) {
        try {
            return messages.getMessage("shell.status." + status, null, ShellConfiguration.VIETNAMESE);
        } catch (NoSuchMessageException e) {
            return messages.getMessage("shell.status.other", null, "Lỗi", Locale.forLanguageTag("vi"));
        }
    }
}
