package vn.lantoa.importing;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Whether a word is spelled as a Vietnamese syllable can be: one initial consonant (or none), a vowel nucleus, one
 * final consonant (or none), at most one tone mark. Text converted with the wrong legacy table (TCVN3 read as VNI,
 * Windows-1258 read as UTF-8…) yields words that fail this test, which is how {@link LegacyEncoding} picks the
 * right table.
 */
final class VietnameseSyllables {

    private static final Pattern SYLLABLE = Pattern.compile(
            "(ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdđghklmnpqrstvx])?"
                    + "(uyê|uyu|uya|uây|uôi|ươi|ươu|oai|oay|oao|oeo|iêu|yêu|"
                    + "ai|ao|au|ay|âu|ây|eo|êu|ia|iê|iu|oa|oă|oe|oi|ôi|ơi|ua|uâ|uê|ui|uô|uơ|uy|ưa|ưi|ươ|ưu|yê|"
                    + "[aăâeêioôơuưy])"
                    + "(ch|ng|nh|[cmnpt])?");

    private VietnameseSyllables() {
    }

    /** Whether a lower- or upper-case word (letters only) is a possible Vietnamese syllable. */
    static boolean isSyllable(String word) {
        String decomposed = Normalizer.normalize(word.toLowerCase(java.util.Locale.ROOT), Normalizer.Form.NFD);
        StringBuilder base = new StringBuilder(decomposed.length());
        int tones = 0;
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            switch (c) {
                case '\u0300', '\u0301', '\u0303', '\u0309', '\u0323' -> tones++;
                default -> base.append(c);
            }
        }
        if (tones > 1) {
            return false;
        }
        String letters = Normalizer.normalize(base, Normalizer.Form.NFC);
        return SYLLABLE.matcher(letters).matches();
    }

    /**
     * Of the words that carry a non-ASCII character, the share that are Vietnamese syllables; a word with a symbol
     * inside it ("hoµ", "x·") counts as not a syllable. Returns -1 when there are fewer than {@code minWords} such
     * words.
     */
    static double score(String text, int minWords) {
        int words = 0;
        int good = 0;
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isSeparator(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isSeparator(text.charAt(i))) {
                i++;
            }
            if (start == i) {
                continue;
            }
            String token = trimAsciiPunctuation(text.substring(start, i));
            boolean nonAscii = false;
            boolean lettersOnly = true;
            for (int k = 0; k < token.length(); k++) {
                char c = token.charAt(k);
                if (c > 0x7f) {
                    nonAscii = true;
                }
                if (!Character.isLetter(c) && Character.getType(c) != Character.NON_SPACING_MARK) {
                    lettersOnly = false;
                }
            }
            if (!nonAscii) {
                continue;
            }
            words++;
            if (lettersOnly && isSyllable(token)) {
                good++;
            }
        }
        return words < minWords ? -1 : (double) good / words;
    }

    private static boolean isSeparator(char c) {
        return c <= ' ' || c == 0xa0;
    }

    private static String trimAsciiPunctuation(String token) {
        int s = 0;
        int e = token.length();
        while (s < e && isAsciiPunctuation(token.charAt(s))) {
            s++;
        }
        while (e > s && isAsciiPunctuation(token.charAt(e - 1))) {
            e--;
        }
        return token.substring(s, e);
    }

    private static boolean isAsciiPunctuation(char c) {
        return c < 0x80 && !Character.isLetterOrDigit(c);
    }
}
