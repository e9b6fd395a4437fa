package vn.lantoa.importing.structure;

import java.text.Normalizer;

/**
 * Folding that keeps every character in its place: lower case, no tone or vowel marks, đ → d, one character for one.
 * Patterns run on the folded text and the positions they find cut the original text.
 */
public final class Fold {

    private static final char[] TABLE = new char[0x2000];

    static {
        for (char c = 0; c < TABLE.length; c++) {
            char f = c;
            if (c >= 0x80) {
                String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                f = d.isEmpty() ? c : d.charAt(0);
            }
            if (f == 'đ' || f == 'Đ' || f == 'ð' || f == 'Ð') {
                f = 'd';
            }
            TABLE[c] = Character.toLowerCase(f);
        }
    }

    private Fold() {
    }

    /** The folded text, of the same length as the text. */
    public static String of(String text) {
        char[] out = new char[text.length()];
        for (int i = 0; i < out.length; i++) {
            char c = text.charAt(i);
            out[i] = c < TABLE.length ? TABLE[c] : Character.toLowerCase(c);
        }
        return new String(out);
    }

    /** Whether a folded text has {@code phrase} at {@code at}, beginning and ending on word boundaries. */
    public static boolean wordAt(String folded, int at, String phrase) {
        if (at < 0 || !folded.startsWith(phrase, at)) {
            return false;
        }
        return (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1)))
                && (at + phrase.length() == folded.length()
                        || !Character.isLetterOrDigit(folded.charAt(at + phrase.length())));
    }

    /** The first position from {@code from} where {@code phrase} stands as whole words, or -1. */
    public static int findWord(String folded, String phrase, int from) {
        int at = folded.indexOf(phrase, Math.max(0, from));
        while (at >= 0) {
            if (wordAt(folded, at, phrase)) {
                return at;
            }
            at = folded.indexOf(phrase, at + 1);
        }
        return -1;
    }

    /** The first position from {@code from} where any of the phrases stands as whole words, or -1. */
    public static int findAny(String folded, int from, String... phrases) {
        int best = -1;
        for (String p : phrases) {
            int at = findWord(folded, p, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** Whether the folded text contains {@code phrase} as whole words. */
    public static boolean hasWord(String folded, String phrase) {
        return findWord(folded, phrase, 0) >= 0;
    }

    /** Whether a character is an upper-case letter (Vietnamese included). */
    public static boolean isUpper(char c) {
        return Character.isUpperCase(c);
    }

    /** Whether a text's letters are (nearly) all capitals and there are enough of them to be a heading. */
    public static boolean isCaps(String text) {
        int upper = 0;
        int lower = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isUpperCase(c)) {
                upper++;
            } else if (Character.isLowerCase(c)) {
                lower++;
            }
        }
        return upper >= 4 && lower * 10 <= upper;
    }
}
