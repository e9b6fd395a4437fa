package vn.lantoa.shared;

import java.util.Map;

/**
 * The version a client read, as it sends it back in an {@code If-Match} header, so that a save over someone else's
 * newer version is refused (409) instead of silently overwriting it.
 */
public final class IfMatch {

    private static final String HEADER = "If-Match";

    private IfMatch() {
    }

    /** The version in an If-Match header: {@code "3"}, {@code W/"3"} or {@code 3}; null without the header. */
    public static Long version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank()) {
            return null;
        }
        String v = ifMatch.trim();
        if (v.startsWith("W/")) {
            v = v.substring(2);
        }
        if (v.length() >= 2 && v.startsWith("\"") && v.endsWith("\"")) {
            v = v.substring(1, v.length() - 1);
        }
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw new Problem(400, "INVALID_PARAMETER", "Tham số \"{0}\" thiếu hoặc không hợp lệ.",
                    Map.of("parameter", HEADER), HEADER);
        }
    }
}
