package vn.lantoa.account.security;

import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.web.header.HeaderWriter;

/**
 * H-07: every text response names its charset. Pages and JSON already do; static text files (CSS, JavaScript,
 * SVG) are served by Spring's resource handler without one, so a browser would guess. All of ours, and the
 * webjars', are UTF-8. Runs when the response is committed, once its content type is known.
 */
final class Utf8TextHeaderWriter implements HeaderWriter {

    @Override
    public void writeHeaders(HttpServletRequest request, HttpServletResponse response) {
        String type = response.getContentType();
        if (type == null || type.toLowerCase(Locale.ROOT).contains("charset")) {
            return;
        }
        String lower = type.toLowerCase(Locale.ROOT);
        if (lower.startsWith("text/") || lower.startsWith("application/javascript") || lower.startsWith("image/svg+xml")) {
            response.setContentType(type + ";charset=UTF-8");
        }
    }
}
