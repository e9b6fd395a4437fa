package vn.lantoa.importing.structure;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The numbering label at the start of a line ("II.", "1.", "2.2.1.", "a)", "-", "+") and its style, which decides the
 * outline: a style already open is a sibling, a new style nests.
 *
 * @param raw    the label as printed ("2.2.1.")
 * @param style  its style; decimal labels carry their depth ({@code DECIMAL} with {@code depth} 3 for "2.2.1.")
 * @param depth  number of components of a decimal label, 1 otherwise
 * @param value  the last component's value (II → 2, c → 3), 0 for bullets
 * @param number the decimal components joined by "." ("2.2.1"), the roman or letter itself otherwise
 * @param length how many characters of the line the label and its following spaces take
 */
public record Label(String raw, Style style, int depth, int value, String number, int length) {

    public enum Style {
        /** An unnumbered capitals heading: ranks with roman numerals. */
        /** "A.", "B.", "C.": parts above the roman sections in some plans ("A. MỤC ĐÍCH, YÊU CẦU" over "I. Mục đích"). */
        UPPER_LETTER(-1),
        CAPS(0), ROMAN(0), DECIMAL(1), LETTER(20), PAREN(21), DASH(30), PLUS(31), BULLET(32);

        final int rank;

        Style(int rank) {
            this.rank = rank;
        }

        public boolean numbered() {
            return this == ROMAN || this == DECIMAL || this == LETTER || this == PAREN || this == UPPER_LETTER;
        }
    }

    /** The deepest decimal numbering read as a label; deeper "1.1.1.1…" is text (and cannot nest without end). */
    static final int MAX_DECIMAL_DEPTH = 6;

    private static final Pattern ROMAN = Pattern.compile("^([IVXLC]{1,7})\\s{0,3}[.)]\\s*");
    private static final Pattern DECIMAL = Pattern.compile("^(\\d{1,2}(?:\\.\\d{1,2}){0,5})(\\.|\\)|\\s)\\s*");
    private static final Pattern LETTER = Pattern.compile("^([a-zđ])\\s{0,2}[.)]\\s+");
    private static final Pattern UPPER_LETTER = Pattern.compile("^([A-ZĐ])\\s{0,2}\\.\\s+");
    private static final Pattern PAREN = Pattern.compile("^\\((\\d{1,2}|[a-zđ])\\)\\s+");
    private static final Pattern BULLET = Pattern.compile("^([-–—−+•●○◦▪■□►➢✓·*](?:\\s{0,3}[-–—−+•●○◦▪■□►➢✓·*]){0,3})\\s*");

    /** The label at the start of a cleaned line, or null. */
    public static Label of(String text) {
        if (text.isEmpty()) {
            return null;
        }
        char first = text.charAt(0);
        Matcher m;
        if (first >= '0' && first <= '9') {
            m = DECIMAL.matcher(text);
            if (m.find()) {
                String number = m.group(1);
                String end = m.group(2);
                boolean dotted = number.indexOf('.') >= 0 || end.equals(".") || end.equals(")");
                // "1.1 Text" and "1. Text" are labels; "2025 - 2030" and "03 chủ đề" are not
                if (dotted && m.end() < text.length() && startsText(text.charAt(m.end()))) {
                    String[] parts = number.split("\\.");
                    return new Label(number + (end.isBlank() ? "" : end), Style.DECIMAL, parts.length,
                            Integer.parseInt(parts[parts.length - 1]), number, m.end());
                }
            }
            return null;
        }
        if (first == '(') {
            m = PAREN.matcher(text);
            if (m.find()) {
                String v = m.group(1);
                int value = Character.isDigit(v.charAt(0)) ? Integer.parseInt(v) : letterValue(v.charAt(0));
                return new Label(m.group().trim(), Style.PAREN, 1, value, v, m.end());
            }
            return null;
        }
        if (first >= 'A' && first <= 'Z' && "IVXLC".indexOf(first) < 0 || first == 'Đ') {
            // "A. MỤC ĐÍCH …", "B. NỘI DUNG …"; "C." reads as roman 100 and the outline tells it apart
            if (!dotOrSpaceAt(text, 1)) {
                return null; // most lines: a word ("Tuyên truyền …")
            }
            m = UPPER_LETTER.matcher(text);
            if (m.find() && m.end() < text.length() && startsText(text.charAt(m.end()))
                    && text.indexOf(' ', m.end()) > 0) {
                char c = m.group(1).charAt(0);
                return new Label(m.group().trim(), Style.UPPER_LETTER, 1, letterValue(Character.toLowerCase(c)),
                        m.group(1), m.end());
            }
            return null;
        }
        if (first >= 'I' && first <= 'X' || first == 'L' || first == 'C') {
            if (text.length() < 2 || "IVXLC.) \t\n\u000B\f\r".indexOf(text.charAt(1)) < 0) {
                return null; // a word ("Chủ trì", "Xây dựng")
            }
            m = ROMAN.matcher(text);
            if (m.find() && m.end() < text.length()) {
                int value = Roman.value(m.group(1));
                if (value > 0 && startsText(text.charAt(m.end()))) {
                    return new Label(m.group().trim(), Style.ROMAN, 1, value, m.group(1), m.end());
                }
            }
            return null;
        }
        if (first >= 'a' && first <= 'z' || first == 'đ') {
            if (text.length() < 2 || ".) \t\n\u000B\f\r".indexOf(text.charAt(1)) < 0) {
                return null;
            }
            m = LETTER.matcher(text);
            if (m.find()) {
                return new Label(m.group().trim(), Style.LETTER, 1, letterValue(m.group(1).charAt(0)), m.group(1),
                        m.end());
            }
            return null;
        }
        if (BULLETS.indexOf(first) < 0) {
            return null; // a bullet label starts with one of its marks
        }
        m = BULLET.matcher(text);
        if (m.find() && m.group(1).length() > 0) {
            String marks = m.group(1).replace(" ", "");
            char last = marks.charAt(marks.length() - 1);
            Style style = last == '+' ? Style.PLUS : "-–—−".indexOf(last) >= 0 ? Style.DASH : Style.BULLET;
            // a dash that joins numbers or words ("-2025") is no bullet
            if (m.end() == m.group(1).length() && style == Style.DASH && text.length() > 1
                    && Character.isDigit(text.charAt(1))) {
                return null;
            }
            return new Label(marks, style, 1, 0, marks, m.end());
        }
        return null;
    }

    private static final String BULLETS = "-–—−+•●○◦▪■□►➢✓·*";

    /** Whether the character at {@code i} is a dot or a space (a one-letter label's next character). */
    private static boolean dotOrSpaceAt(String text, int i) {
        return i < text.length() && ". \t\n\u000B\f\r".indexOf(text.charAt(i)) >= 0;
    }

    private static boolean startsText(char c) {
        return Character.isLetter(c) || c == '“' || c == '"' || c == '(' || c == '*' || c == '‘' || c == '\'';
    }

    static int letterValue(char c) {
        // Vietnamese lists run a, b, c, d, đ, e …
        if (c == 'đ') {
            return 5;
        }
        int v = c - 'a' + 1;
        return v >= 5 ? v + 1 : v;
    }

    /** The same label read as a capital letter ("C." after "B." is the third part, not roman 100). */
    Label asUpperLetter() {
        return new Label(raw, Style.UPPER_LETTER, 1, letterValue(Character.toLowerCase(number.charAt(0))), number,
                length);
    }

    /** Whether this label opens its sequence: 1, a, I. */
    public boolean first() {
        return value == 1;
    }

    /** The key under which siblings share a level: the style, with the depth of a decimal. */
    public String key() {
        return style == Style.DECIMAL ? "D" + depth : style.name();
    }

    /** Rank for nesting: smaller ranks hold larger ones. */
    public int rank() {
        return style == Style.DECIMAL ? style.rank + depth : style.rank;
    }
}
