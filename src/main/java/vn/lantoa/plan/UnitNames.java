package vn.lantoa.plan;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import vn.lantoa.shared.VietnameseText;

/**
 * Unit names as words to compare: folded for diacritics and case ({@link VietnameseText#fold}), the usual
 * abbreviations written out (UBND → ủy ban nhân dân, UBMTTQ → ủy ban mặt trận tổ quốc, TP → thành phố …), and the
 * words that carry nothing ("và") left out. "Văn phòng HĐND và UBND TP" and "Văn phòng Hội đồng nhân dân và Ủy ban
 * nhân dân thành phố" give the same words.
 */
final class UnitNames {

    /** Abbreviations expanded whatever their case: none of them is a Vietnamese word. */
    private static final Map<String, String> ALWAYS = Map.ofEntries(
            Map.entry("ubnd", "uy ban nhan dan"),
            Map.entry("hdnd", "hoi dong nhan dan"),
            Map.entry("ubmttqvn", "uy ban mat tran to quoc viet nam"),
            Map.entry("ubmttq", "uy ban mat tran to quoc"),
            Map.entry("mttqvn", "mat tran to quoc viet nam"),
            Map.entry("mttq", "mat tran to quoc"),
            Map.entry("tp", "thanh pho"),
            Map.entry("btg", "ban tuyen giao"),
            Map.entry("btgdv", "ban tuyen giao dan van"),
            Map.entry("bdv", "ban dan van"),
            Map.entry("btc", "ban to chuc"),
            Map.entry("ubkt", "uy ban kiem tra"),
            Map.entry("bcd", "ban chi dao"),
            Map.entry("duk", "dang uy khoi"),
            Map.entry("bch", "ban chap hanh"),
            Map.entry("btv", "ban thuong vu"),
            Map.entry("tncs", "thanh nien cong san"),
            Map.entry("hcm", "ho chi minh"),
            Map.entry("hlhpn", "hoi lien hiep phu nu"),
            Map.entry("lhpn", "lien hiep phu nu"),
            Map.entry("hccb", "hoi cuu chien binh"),
            Map.entry("ccb", "cuu chien binh"),
            Map.entry("hnd", "hoi nong dan"),
            Map.entry("ldld", "lien doan lao dong"),
            Map.entry("vhtt", "van hoa thong tin"),
            Map.entry("vhxh", "van hoa xa hoi"),
            Map.entry("ptth", "phat thanh truyen hinh"));

    /** Abbreviations expanded only when written in capitals: in lower case they are words ("tư", "ca", "hũ"). */
    private static final Map<String, String> CAPITALS = Map.ofEntries(
            Map.entry("hu", "huyen uy"),
            Map.entry("ca", "cong an"),
            Map.entry("vp", "van phong"),
            Map.entry("vh", "van hoa"),
            Map.entry("xh", "xa hoi"),
            Map.entry("kt", "kinh te"),
            Map.entry("cq", "co quan"),
            Map.entry("dn", "doanh nghiep"),
            Map.entry("td", "thanh doan"),
            Map.entry("dtn", "doan thanh nien"),
            Map.entry("du", "dang uy"));

    private static final Set<String> NOTHING = Set.of("va");

    private UnitNames() {
    }

    /** The words of a name: folded, abbreviations written out, "và" left out. */
    static List<String> words(String name) {
        List<String> out = new ArrayList<>();
        if (name == null) {
            return out;
        }
        String nfc = Normalizer.normalize(name, Normalizer.Form.NFC);
        StringBuilder token = new StringBuilder();
        for (int i = 0; i <= nfc.length(); i++) {
            char c = i < nfc.length() ? nfc.charAt(i) : ' ';
            if (Character.isLetterOrDigit(c) || Character.getType(c) == Character.NON_SPACING_MARK) {
                token.append(c);
            } else if (!token.isEmpty()) {
                add(out, token.toString());
                token.setLength(0);
            }
        }
        return out;
    }

    private static void add(List<String> out, String raw) {
        String folded = VietnameseText.fold(raw);
        if (folded.isEmpty()) {
            return;
        }
        long capitals = raw.chars().filter(Character::isUpperCase).count();
        String expanded = ALWAYS.get(folded);
        if (expanded == null && capitals >= 2 && capitals == raw.codePoints().filter(Character::isLetter).count()) {
            expanded = CAPITALS.get(folded);
        }
        for (String word : (expanded != null ? expanded : folded).split(" ")) {
            if (!NOTHING.contains(word)) {
                out.add(word);
            }
        }
    }

    /** The words as one string, for tests on phrases: "cac xa phuong". */
    static String text(List<String> words) {
        return String.join(" ", words);
    }

    /** Whether {@code wanted} appears in {@code words} in order (not necessarily next to each other). */
    static boolean inOrder(List<String> wanted, List<String> words) {
        int at = 0;
        for (String w : wanted) {
            while (at < words.size() && !words.get(at).equals(w)) {
                at++;
            }
            if (at == words.size()) {
                return false;
            }
            at++;
        }
        return true;
    }

    /** Whether the phrase (words next to each other) appears in the words. */
    static boolean hasPhrase(List<String> words, String phrase) {
        return (" " + text(words) + " ").contains(" " + phrase + " ");
    }
}
