package vn.lantoa.event;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.shared.VietnameseText;

/**
 * What an event's name says, read from its folded form: "Đại hội đại biểu Đảng bộ thành phố lần thứ XIV, nhiệm kỳ
 * 2025 – 2030" is a congress of the Party at the city level, the 14th. Plans write the same event in several ways (with
 * or without "đại biểu", "nhiệm kỳ", "lần thứ"), so names are compared by these parts, not by their letters.
 */
final class EventNames {

    private static final Pattern ORDINAL = Pattern.compile("\\blan thu ([0-9]{1,3}|[ivxlc]{1,9})\\b");
    private static final Pattern BARE_ROMAN = Pattern.compile("\\bdai hoi (?:dai bieu )?(?:[a-z ]*? )?([ivxlc]{1,9})\\b");
    private static final Pattern YEARS = Pattern.compile("\\b([0-9]{1,3}) nam\\b");
    private static final Pattern TERM = Pattern.compile("\\bnhiem ky\\b.*$");
    /** Words a plan adds around an event's name that do not change which event it is. */
    private static final Set<String> FILLER = Set.of("ky", "niem", "chao", "mung", "huong", "toi", "cua", "dai",
            "bieu", "lan", "thu", "va", "nam");

    private EventNames() {
    }

    /** The folded name. */
    static String key(String name) {
        return VietnameseText.fold(name);
    }

    /** The key two names of one event share: folded, without the term ("nhiệm kỳ 2025 – 2030") and filler words. */
    static String core(String name) {
        String folded = TERM.matcher(key(name)).replaceAll("").strip();
        StringBuilder out = new StringBuilder();
        for (String word : folded.split(" ")) {
            if (!word.isEmpty() && !FILLER.contains(word) && roman(word) == 0 && !word.chars().allMatch(Character::isDigit)) {
                if (!out.isEmpty()) {
                    out.append(' ');
                }
                out.append(word);
            }
        }
        return out.toString();
    }

    /** Whether the name is a congress's ("Đại hội …"). */
    static boolean isCongress(String name) {
        return (" " + key(name) + " ").contains(" dai hoi ");
    }

    /** The ordinal: "lần thứ XIV" or "lần thứ 14" → 14, "Đại hội XIV của Đảng" → 14; null when none. */
    static Integer ordinal(String name) {
        String folded = TERM.matcher(key(name)).replaceAll("");
        Matcher m = ORDINAL.matcher(folded);
        if (m.find()) {
            String value = m.group(1);
            int n = Character.isDigit(value.charAt(0)) ? Integer.parseInt(value) : roman(value);
            return n > 0 ? n : null;
        }
        m = BARE_ROMAN.matcher(folded);
        while (m.find()) {
            int n = roman(m.group(1));
            if (n > 1) { // a lone "i" is more likely a word than the first congress
                return n;
            }
        }
        return null;
    }

    /** "Kỷ niệm 95 năm Ngày thành lập Đảng" → 95; null when the name counts no years. */
    static Integer years(String name) {
        Matcher m = YEARS.matcher(key(name));
        return m.find() ? Integer.valueOf(m.group(1)) : null;
    }

    /** The level its words name, or null. "Đảng bộ Khối … tỉnh" is a Khối's, not the province's. */
    static CongressLevel level(String name) {
        String w = (" " + TERM.matcher(key(name)).replaceAll("") + " ").replace(" co quan ", " ")
                .replace(" xa hoi ", " ");
        if (w.contains(" khoi ")) {
            return CongressLevel.BLOCK;
        }
        if (w.contains(" toan quoc ") || w.contains(" cua dang ") && !w.contains(" dang bo ")) {
            return CongressLevel.NATIONAL;
        }
        if (w.contains(" co so ") || w.contains(" chi bo ")) {
            return CongressLevel.GRASSROOTS;
        }
        if (w.contains(" thi xa ") || w.contains(" huyen ") || w.contains(" quan ")) {
            return CongressLevel.CITY;
        }
        if (w.contains(" xa ") || w.contains(" phuong ") || w.contains(" thi tran ") || w.contains(" dac khu ")) {
            return CongressLevel.COMMUNE;
        }
        if (w.contains(" tinh ")) {
            return CongressLevel.PROVINCE;
        }
        if (w.contains(" thanh pho ")) {
            return CongressLevel.CITY;
        }
        return null;
    }

    /** Whose congress: the Party, the Youth Union, the Front …; null when the name does not say. */
    static String body(String name) {
        String w = " " + key(name) + " ";
        if (w.contains(" doan thanh nien ") || w.contains(" doan tncs ")) {
            return "doan";
        }
        if (w.contains(" cong doan ")) {
            return "cong doan";
        }
        if (w.contains(" mat tran ") || w.contains(" mttq ")) {
            return "mat tran";
        }
        if (w.contains(" phu nu ")) {
            return "phu nu";
        }
        if (w.contains(" nong dan ")) {
            return "nong dan";
        }
        if (w.contains(" cuu chien binh ")) {
            return "cuu chien binh";
        }
        if (w.contains(" dang ")) {
            return "dang";
        }
        return null;
    }

    /** The value of a lower-case roman numeral in canonical form, or 0. */
    static int roman(String s) {
        if (s == null || s.isEmpty() || s.length() > 9) {
            return 0;
        }
        int total = 0;
        int previous = 0;
        for (int i = s.length() - 1; i >= 0; i--) {
            int v = switch (s.charAt(i)) {
                case 'i' -> 1;
                case 'v' -> 5;
                case 'x' -> 10;
                case 'l' -> 50;
                case 'c' -> 100;
                default -> 0;
            };
            if (v == 0) {
                return 0;
            }
            total += v < previous ? -v : v;
            previous = Math.max(previous, v);
        }
        return total > 0 && toRoman(total).equals(s) ? total : 0;
    }

    private static String toRoman(int value) {
        if (value >= 400) {
            return "";
        }
        String[] hundreds = {"", "c", "cc", "ccc"};
        String[] tens = {"", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"};
        String[] units = {"", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"};
        return hundreds[value / 100] + tens[value / 10 % 10] + units[value % 10];
    }
}
