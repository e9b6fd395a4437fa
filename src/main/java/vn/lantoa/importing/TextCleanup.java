package vn.lantoa.importing;

import vn.lantoa.shared.VietnameseText;

/**
 * What every text of a document goes through: NFC (Unikey's "tổ hợp" types NFD, and PDFs may hold either), the
 * invisible characters removed (zero-width spaces, bidi overrides that can make "12/KH" display as something else),
 * other spaces made plain, runs of spaces made one.
 */
final class TextCleanup {

    private TextCleanup() {
    }

    /** A cleaned text and how many invisible characters were taken out of it. */
    record Cleaned(String text, int invisibleRemoved) {
    }

    static Cleaned clean(String raw) {
        if (raw == null || raw.isEmpty()) {
            return new Cleaned("", 0);
        }
        if (alreadyClean(raw)) {
            return new Cleaned(nfc(raw), 0);
        }
        StringBuilder out = new StringBuilder(raw.length() + 16);
        int removed = 0;
        boolean space = true; // no leading space
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            if (isInvisible(c)) {
                removed++;
                continue;
            }
            if (isSpace(c)) {
                if (!space) {
                    out.append(' ');
                    space = true;
                }
                continue;
            }
            if (c < 0x20 || (c >= 0x7f && c < 0xa0)) {
                continue; // control characters carry nothing readable
            }
            if (c == '\u2026') {
                out.append("..."); // Word's ellipsis, three dots in a text file: one form for the parser
            } else {
                out.append(c);
            }
            space = false;
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return new Cleaned(nfc(out.toString()), removed);
    }

    /**
     * NFC, skipping the normaliser when no character can change: below U+0300 (Latin, Vietnamese ă â đ ê ô ơ ư) and
     * the precomposed Vietnamese letters U+1E00–U+1EFF are all NFC-stable starters.
     */
    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= 0x300 && (c < 0x1e00 || c > 0x1eff)) {
                return VietnameseText.nfc(text);
            }
        }
        return text;
    }

    /** Most paragraphs need nothing but NFC: no odd character, no space at either end or twice. */
    private static boolean alreadyClean(String raw) {
        int n = raw.length();
        if (raw.charAt(0) == ' ' || raw.charAt(n - 1) == ' ') {
            return false;
        }
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0x00ad || (c >= 0x2000 && c <= 0x206f) || c >= 0xfe00
                    || c == 0x3000 || c == 0x180e || c == 0x061c || c == 0x034f || c == ' ' && previous == ' ') {
                return false;
            }
            previous = c;
        }
        return true;
    }

    /** Zero-width and direction-control characters, and the soft hyphen: nothing a reader should see. */
    static boolean isInvisible(char c) {
        return (c >= 0x200b && c <= 0x200f) // zero-width space, non-joiner, joiner, LRM, RLM
                || (c >= 0x202a && c <= 0x202e) // bidi embeddings and overrides
                || (c >= 0x2060 && c <= 0x2064) // word joiner, invisible operators
                || (c >= 0x2066 && c <= 0x2069) // bidi isolates
                || c == 0xfeff || c == 0x00ad || c == 0x180e || c == 0x061c || c == 0x034f;
    }

    static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == 0x0b || c == 0x00a0
                || (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f
                || c == 0x3000;
    }
}
