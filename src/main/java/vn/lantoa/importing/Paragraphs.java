package vn.lantoa.importing;

import java.util.regex.Pattern;

/** What the readers of hard-wrapped text (TXT, PDF) share: where a paragraph starts, how two lines join. */
final class Paragraphs {

    /**
     * A line that starts a list item or a numbered heading: "1.", "2.1.", "IV.", "a)", "-", "•", "+", "Đợt 1:",
     * "Giai đoạn 2". Such a line starts a new paragraph even without a blank line before it.
     */
    static final Pattern ITEM_START = Pattern.compile(
            "^(?:[-–—•●▪◦*+]\\s|\\d{1,3}[.)]\\s|\\d{1,3}(?:\\.\\d{1,3})+\\.?[)\\s]|[IVXLC]{1,6}[.)]\\s|"
                    + "[a-zđ][)]\\s|(?:Đợt|Giai đoạn|Phần|Mục|Chương|Điều)\\s+[\\dIVX]+\\b)");

    /** A bullet glyph at the start of a line, made "-" so that every format shows the same thing. */
    private static final Pattern BULLET = Pattern.compile("^[•●▪◦∙·\u2022\uf0b7\uf0a7\uf0d8–—*]\\s*");

    private Paragraphs() {
    }

    static boolean startsItem(String line) {
        if (line.isEmpty()) {
            return false;
        }
        // what ITEM_START's alternatives can open with; a lower-case letter only before ")"
        char c = line.charAt(0);
        if (c >= 'a' && c <= 'z' || c == 'đ') {
            if (line.length() < 2 || line.charAt(1) != ')') {
                return false;
            }
        } else if (!(c >= '0' && c <= '9') && "-–—•●▪◦*+IVXLCĐGPM".indexOf(c) < 0) {
            return false;
        }
        return ITEM_START.matcher(line).find();
    }

    static String normalizeBullet(String line) {
        if (line.isEmpty() || line.charAt(0) < 0x80 && line.charAt(0) != '*') {
            return line;
        }
        var m = BULLET.matcher(line);
        return m.find() ? "- " + line.substring(m.end()) : line;
    }

    /** A line in capitals (a heading, an issuer's name): it has letters and none of them is lower case. */
    static boolean isUpperCase(String line) {
        boolean letters = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (Character.isLowerCase(c)) {
                return false;
            }
            letters |= Character.isLetter(c);
        }
        return letters;
    }

    static boolean endsSentence(String line) {
        if (line.isEmpty()) {
            return false;
        }
        char last = line.charAt(line.length() - 1);
        return last == '.' || last == ':' || last == ';' || last == '!' || last == '?' || last == '”' || last == '"';
    }

    /** Joins a wrapped line to what came before it: "2025-" + "2030" stays "2025-2030"; otherwise one space. */
    static void join(StringBuilder paragraph, String line) {
        int n = paragraph.length();
        if (n == 0) {
            paragraph.append(line);
            return;
        }
        if (n >= 2 && paragraph.charAt(n - 1) == '-' && Character.isDigit(paragraph.charAt(n - 2)) && !line.isEmpty()
                && Character.isDigit(line.charAt(0))) {
            paragraph.append(line);
            return;
        }
        if (paragraph.charAt(n - 1) != ' ') {
            paragraph.append(' ');
        }
        paragraph.append(line);
    }
}
