package vn.lantoa.importing.structure;

/**
 * Trimming of punctuation at either end of a text without a regular expression (they ran once per line and item,
 * compiled anew each time). In {@code chars} a space stands for any white space, as {@code \s} does.
 */
final class Strip {

    private Strip() {
    }

    /** The text without the run of {@code chars} at its end: {@code end(t, " ;,.")} is {@code [\s;,.]+$} gone. */
    static String end(String text, String chars) {
        int end = text.length();
        while (end > 0 && in(text.charAt(end - 1), chars)) {
            end--;
        }
        return end == text.length() ? text : text.substring(0, end);
    }

    /** The text without the run of {@code chars} at its start. */
    static String start(String text, String chars) {
        int start = 0;
        while (start < text.length() && in(text.charAt(start), chars)) {
            start++;
        }
        return start == 0 ? text : text.substring(start);
    }

    private static boolean in(char c, String chars) {
        if (c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r') {
            return chars.indexOf(' ') >= 0;
        }
        return chars.indexOf(c) >= 0;
    }

    /** Every run of white space one space ({@code replaceAll("\\s+", " ")}). */
    static String spaces(String text) {
        StringBuilder out = null;
        int n = text.length();
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            boolean space = c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
            if (space && (c != ' ' || i + 1 < n && isSpace(text.charAt(i + 1)))) {
                if (out == null) {
                    out = new StringBuilder(n).append(text, 0, i);
                }
                out.append(' ');
                while (i + 1 < n && isSpace(text.charAt(i + 1))) {
                    i++;
                }
                continue;
            }
            if (out != null) {
                out.append(c);
            }
        }
        return out == null ? text : out.toString();
    }

    /** {@code text.split(" ").length} without the array: the pieces between single spaces, trailing empty ones dropped. */
    static int words(String text) {
        if (text.isEmpty()) {
            return 1;
        }
        int end = text.length();
        while (end > 0 && text.charAt(end - 1) == ' ') {
            end--;
        }
        if (end == 0) {
            return 0;
        }
        int n = 1;
        for (int i = 0; i < end; i++) {
            if (text.charAt(i) == ' ') {
                n++;
            }
        }
        return n;
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }
}
