package vn.lantoa.importing;

import com.ibm.icu.lang.UCharacter;
import com.ibm.icu.lang.UProperty;

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
        int state = scan(raw);
        if ((state & DIRTY) == 0) {
            return new Cleaned((state & NOT_INERT) == 0 ? raw : VietnameseText.nfc(raw), 0);
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

    /** NFC, skipping the normaliser when no character can change ({@link #NOT_INERT}). */
    static String nfc(String text) {
        for (int i = 0; i < text.length(); i++) {
            if ((FLAGS[text.charAt(i)] & NOT_INERT) != 0) {
                return VietnameseText.nfc(text);
            }
        }
        return text;
    }

    /** {@link #clean}'s loop changes the character (a plain space only when doubled or at an end). */
    private static final byte DIRTY = 1;
    /**
     * NFC may change the character or combine it with the one before: its NFC quick check is not "yes" or its
     * combining class is not 0, or it is a surrogate. A text without such a character is NFC already (the quick
     * check's own rule). Latin, the precomposed Vietnamese letters, dashes, quotes and bullets pass, so most texts
     * skip the normaliser.
     */
    private static final byte NOT_INERT = 2;
    private static final byte[] FLAGS = new byte[0x10000];

    static {
        for (int i = 0; i < FLAGS.length; i++) {
            char c = (char) i;
            int flags = 0;
            if (c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == '\u2026' || c != ' ' && (isInvisible(c) || isSpace(c))) {
                flags |= DIRTY;
            }
            if (Character.isSurrogate(c) || UCharacter.getCombiningClass(c) != 0
                    || UCharacter.getIntPropertyValue(c, UProperty.NFC_QUICK_CHECK) != 1 /* YES */) {
                flags |= NOT_INERT;
            }
            FLAGS[i] = (byte) flags;
        }
    }

    /** {@link #DIRTY} and {@link #NOT_INERT} of a whole text, in one pass. */
    private static int scan(String raw) {
        int n = raw.length();
        int state = raw.charAt(0) == ' ' || raw.charAt(n - 1) == ' ' ? DIRTY : 0;
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = raw.charAt(i);
            state |= FLAGS[c];
            if (c == ' ' && previous == ' ') {
                state |= DIRTY;
            }
            previous = c;
        }
        return state;
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
