package vn.lantoa.shared;

import java.text.Normalizer;
import java.util.Comparator;
import java.util.Locale;

import com.ibm.icu.text.Collator;
import com.ibm.icu.util.ULocale;

/**
 * Vietnamese text the way a person reads it.
 *
 * <ul>
 * <li>{@link #nfc} — every text that enters the system is stored in NFC (Unikey's "tổ hợp" types NFD).</li>
 * <li>{@link #fold} — the search key: lower case, no tone marks, no vowel marks, đ → d, runs of anything that is
 * not a letter or a digit folded to one space. "Uỷ ban" and "Ủy ban" both fold to "uy ban"; "Đảng" to "dang"
 * (the JDK's accent stripping leaves đ alone, since it is a letter of its own, not d with a mark).</li>
 * <li>{@link #collator} — ICU's Vietnamese collation: "Hà Giang" &lt; "Hạ Long" &lt; "Hải Phòng". The JDK's
 * collator ignores spaces and would put "Hải Phòng" before "Hạ Long".</li>
 * </ul>
 */
public final class VietnameseText {

    private static final ULocale VIETNAMESE = new ULocale("vi");

    private VietnameseText() {
    }

    /** The text in Unicode NFC, or null for null. */
    public static String nfc(String text) {
        if (text == null) {
            return null;
        }
        return Normalizer.isNormalized(text, Normalizer.Form.NFC) ? text : Normalizer.normalize(text, Normalizer.Form.NFC);
    }

    /** The folded search key of a text: "Ủy ban nhân dân  Phường-An Dương" → "uy ban nhan dan phuong an duong". */
    public static String fold(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        StringBuilder out = new StringBuilder(decomposed.length());
        boolean space = true; // no leading space
        for (int i = 0; i < decomposed.length(); i++) {
            char c = decomposed.charAt(i);
            if (Character.getType(c) == Character.NON_SPACING_MARK) {
                continue;
            }
            if (c == 'đ' || c == 'Đ') {
                c = 'd';
            }
            if (Character.isLetterOrDigit(c)) {
                out.append(Character.toLowerCase(c));
                space = false;
            } else if (!space) {
                out.append(' ');
                space = true;
            }
        }
        int end = out.length();
        if (end > 0 && out.charAt(end - 1) == ' ') {
            out.setLength(end - 1);
        }
        return out.toString();
    }

    /**
     * Whether a name matches what a person typed into a search box: every folded word of the query appears, in order,
     * as the start of a folded word of the name ("uy ban" finds "Ủy ban nhân dân", "dang uy" finds "Đảng ủy").
     */
    public static boolean matches(String name, String query) {
        String q = fold(query);
        if (q.isEmpty()) {
            return true;
        }
        String[] words = fold(name).split(" ");
        int next = 0;
        for (String typed : q.split(" ")) {
            while (next < words.length && !words[next].startsWith(typed)) {
                next++;
            }
            if (next == words.length) {
                return false;
            }
            next++;
        }
        return true;
    }

    /** A new Vietnamese collator (ICU collators are not thread-safe; this one is frozen, so it is). */
    public static Collator collator() {
        Collator collator = Collator.getInstance(VIETNAMESE);
        collator.setStrength(Collator.TERTIARY);
        return collator.freeze();
    }

    private static final Collator SHARED = collator();

    /** Sorts names as a Vietnamese reader expects. */
    public static Comparator<String> byName() {
        return (a, b) -> SHARED.compare(a, b);
    }

    /** Upper case in the Vietnamese locale (for headers such as "ỦY BAN NHÂN DÂN"). */
    public static String upper(String text) {
        return text == null ? null : text.toUpperCase(Locale.forLanguageTag("vi"));
    }
}
