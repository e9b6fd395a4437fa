package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Names of bodies and people: capitals to normal case, abbreviations, and joining a body to its organ. */
public final class Names {

    private static final java.util.regex.Pattern BLANKS = java.util.regex.Pattern.compile(" +");
    private static final java.util.regex.Pattern SPACES = java.util.regex.Pattern.compile("\\s+");
    private static final java.util.regex.Pattern NOT_ALNUM = java.util.regex.Pattern.compile("[^a-z0-9]");

    private static final Locale VI = Locale.forLanguageTag("vi");
    /** Abbreviations a body's name is written with, as the words they stand for. */
    static final Map<String, String> ABBREVIATIONS = Map.ofEntries(Map.entry("ubnd", "uy ban nhan dan"),
            Map.entry("hdnd", "hoi dong nhan dan"), Map.entry("duk", "dang uy khoi"),
            Map.entry("btv", "ban thuong vu"), Map.entry("bch", "ban chap hanh"), Map.entry("mttq", "mat tran to quoc"),
            Map.entry("ubmttq", "uy ban mat tran to quoc"), Map.entry("tp", "thanh pho"),
            Map.entry("btg", "ban tuyen giao"), Map.entry("ct", "chu tich"), Map.entry("tt", "thuong truc"));
    private static final Set<String> ADMIN_LEVELS = Set.of("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa",
            "phuong", "thi tran", "khoi", "ap", "thon", "to dan pho", "tinh uy", "thanh uy", "huyen uy", "quan uy",
            "thi uy");
    /** Words that open the name of a body. */
    static final List<String> ORGAN_WORDS = List.of("ban", "uy ban", "ubnd", "hdnd", "hoi dong", "dang uy", "dang bo",
            "chi bo", "thanh uy", "tinh uy", "huyen uy", "quan uy", "thi uy", "so", "phong", "van phong", "trung tam",
            "doan", "hoi", "mat tran", "ubmttq", "mttq", "cong an", "bo", "cuc", "chi cuc", "vien", "truong", "dai",
            "bao", "tieu ban", "to", "cac", "cap uy", "thuong truc", "thu truong", "lanh dao", "lien doan", "quan su",
            "bo chi huy", "ban chi huy", "don", "hop tac xa", "cong ty", "doanh nghiep", "nha truong", "benh vien",
            "hoc vien", "kho bac", "ngan hang", "chi nhanh", "buu dien", "tong cong ty", "dang doan", "ban can su",
            "co quan", "cong chuc", "nguoi dung dau", "bi thu", "chu tich", "to truong", "truong ban", "giam doc", "chi hoi",
            "chi doan", "uy ban kiem tra", "ubkt", "hoi lien hiep", "lien hiep", "tong lien doan", "huyen doan",
            "tinh doan", "thanh doan", "quan doan", "ban quan ly", "ban dai dien", "dai phat thanh", "dai truyen hinh",
            "nha van hoa", "bql", "btc", "ban to chuc");

    private Names() {
    }

    /** "ĐẢNG ỦY KHỐI CƠ QUAN" → "Đảng ủy khối cơ quan"; "PHƯỜNG AN DƯƠNG" keeps its place name capitalised. */
    public static String sentenceCase(String caps) {
        String[] words = BLANKS.split(caps.trim());
        StringBuilder out = new StringBuilder();
        boolean proper = false;
        for (int i = 0; i < words.length; i++) {
            String w = words[i];
            String lower = w.toLowerCase(VI);
            String f = Fold.of(lower);
            boolean capital = i == 0 || proper;
            if (w.length() > 1 && w.equals(w.toUpperCase(VI)) && w.chars().anyMatch(Character::isDigit)) {
                capital = true;
            }
            if (out.length() > 0) {
                out.append(' ');
            }
            if (Roman.value(w) > 0 && i > 0 && (Fold.of(words[i - 1]).equals("thu")
                    || Fold.of(words[i - 1]).equals("hoi"))) {
                out.append(w);
                continue;
            }
            out.append(capital ? capitalize(lower) : lower);
            String two = i + 1 < words.length ? f + " " + Fold.of(words[i + 1].toLowerCase(VI)) : "";
            if (!proper && (ADMIN_LEVELS.contains(f) && !(f.equals("thanh") || f.equals("thi"))
                    && !ADMIN_LEVELS.contains(two) || ADMIN_LEVELS.contains(two))) {
                if (ADMIN_LEVELS.contains(two)) {
                    out.append(' ').append(words[++i].toLowerCase(VI));
                }
                proper = i + 1 < words.length;
            } else if (w.equals("-") || w.equals("–")) {
                proper = true;
            }
        }
        return out.toString();
    }

    static String capitalize(String w) {
        if (w.isEmpty()) {
            return w;
        }
        return w.substring(0, 1).toUpperCase(VI) + w.substring(1);
    }

    /** Position titles in capitals, longest first, to cut "T/M BAN THƯỜNG VỤ PHÓ BÍ THƯ" apart. */
    static final List<String> POSITIONS = List.of("pho chanh van phong", "chanh van phong", "pho truong phong",
            "truong phong", "pho truong ban", "truong ban", "pho bi thu thuong truc", "pho bi thu", "bi thu",
            "pho chu tich thuong truc", "pho chu tich", "chu tich", "pho giam doc", "giam doc", "pho hieu truong",
            "hieu truong", "pho chu nhiem", "chu nhiem", "pho thu truong", "thu truong", "pho cuc truong",
            "cuc truong", "pho vu truong", "vu truong", "pho tong bien tap", "tong bien tap", "uy vien thuong truc",
            "uy vien", "pho truong cong an", "truong cong an", "pho chi cuc truong", "chi cuc truong",
            "pho truong tieu ban", "truong tieu ban", "pho chanh an", "chanh an", "pho vien truong", "vien truong",
            "thuong truc", "to truong", "pho to truong");

    /** Whether a folded text is exactly a position title. */
    static boolean isPosition(String folded) {
        return POSITIONS.contains(folded.trim());
    }

    /** The folded words of a body's name, abbreviations spelt out, each with the index of its word. */
    static List<String[]> tokens(String name) {
        List<String[]> out = new ArrayList<>();
        String[] words = SPACES.split(name.trim());
        for (int i = 0; i < words.length; i++) {
            String f = NOT_ALNUM.matcher(Fold.of(words[i])).replaceAll("");
            if (f.isEmpty()) {
                continue;
            }
            String expanded = ABBREVIATIONS.get(f);
            for (String part : (expanded == null ? f : expanded).split(" ")) {
                out.add(new String[] {part, String.valueOf(i)});
            }
        }
        return out;
    }

    /**
     * Joins a body as the text names it to its organ as the header names it: "Ban Thường vụ Đảng ủy Khối" and "Đảng
     * ủy Khối cơ quan và doanh nghiệp tỉnh" → "Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh"; "UBND thành
     * phố" and "Ủy ban nhân dân thành phố Tân Uyên" → the latter.
     */
    public static String join(String body, String organ) {
        if (body == null) {
            return organ;
        }
        if (organ == null) {
            return body;
        }
        List<String[]> b = tokens(body);
        List<String[]> o = tokens(organ);
        if (b.isEmpty() || o.isEmpty()) {
            return b.isEmpty() ? organ : body;
        }
        if (contains(b, o)) {
            return body;
        }
        // the body's last words found in the organ's name: "Ban Thường vụ Huyện ủy" in "… HUYỆN ỦY CAN LỘC"
        for (int k = Math.min(b.size(), o.size()); k >= 2; k--) {
            for (int start = 0; start + k <= o.size(); start++) {
                boolean match = true;
                for (int i = 0; i < k && match; i++) {
                    match = b.get(b.size() - k + i)[0].equals(o.get(start + i)[0]);
                }
                if (!match) {
                    continue;
                }
                if (k == b.size() && start == 0) {
                    return organ;
                }
                int organWord = Integer.parseInt(o.get(start + k - 1)[1]);
                String[] organWords = SPACES.split(organ.trim());
                StringBuilder out = new StringBuilder(body.trim());
                for (int i = organWord + 1; i < organWords.length; i++) {
                    out.append(' ').append(organWords[i]);
                }
                return out.toString();
            }
        }
        return body;
    }

    private static boolean contains(List<String[]> haystack, List<String[]> needle) {
        outer:
        for (int i = 0; i + needle.size() <= haystack.size(); i++) {
            for (int j = 0; j < needle.size(); j++) {
                if (!haystack.get(i + j)[0].equals(needle.get(j)[0])) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether a folded text starts with a word that opens a body's name. */
    static boolean startsWithOrgan(String folded) {
        for (String w : ORGAN_WORDS) {
            if (Fold.wordAt(folded, 0, w)) {
                return true;
            }
        }
        return false;
    }

    /** "Lý Ngọc Phong": two to six words, each capitalised, no digits, not a title. */
    static boolean isPersonName(String text) {
        String t = text.trim();
        if (t.length() < 4 || t.length() > 50) {
            return false;
        }
        String[] words = t.split(" ");
        if (words.length < 2 || words.length > 6) {
            return false;
        }
        boolean caps = Fold.isCaps(t);
        for (String w : words) {
            if (w.isEmpty() || !Character.isUpperCase(w.charAt(0))) {
                return false;
            }
            for (int i = 1; i < w.length(); i++) {
                char c = w.charAt(i);
                if (!Character.isLetter(c) || !caps && Character.isUpperCase(c)) {
                    return false;
                }
            }
        }
        String f = Fold.of(t);
        // surnames such as Đoàn, Tô, Trương are also words that open a body's name: no organ test here
        return !isPosition(f) && !f.startsWith("noi nhan") && !f.startsWith("luu") && !f.startsWith("kinh gui")
                && !f.startsWith("ubnd") && !f.startsWith("uy ban");
    }
}
