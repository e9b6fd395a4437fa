package vn.lantoa.importing.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Document symbols (số, ký hiệu) and the references that cite them: "Kế hoạch số 74-KH/TU, ngày 20/09/2024 của Ban
 * Thường vụ Thành ủy Tân Uyên", "Hướng dẫn số 3420/HDBVHTTDL ngày 02/10/2012 của Bộ Văn hóa, Thể thao và Du lịch".
 */
public final class Symbols {

    private static final Pattern ACTION_WORDS = Pattern.compile(
            "\\b(bao cao|xay dung|ban hanh|thuc hien|trien khai|nhu sau)\\b");

    /** Document types and their abbreviations, by the folded word. */
    static final Map<String, String> KIND_WORDS = Map.ofEntries(
            Map.entry("ke hoach", "KH"), Map.entry("bao cao", "BC"), Map.entry("huong dan", "HD"),
            Map.entry("chi thi", "CT"), Map.entry("nghi quyet", "NQ"), Map.entry("ket luan", "KL"),
            Map.entry("thong tri", "TT"), Map.entry("thong tu", "TT"), Map.entry("thong bao", "TB"),
            Map.entry("quyet dinh", "QĐ"), Map.entry("cong van", "CV"), Map.entry("chuong trinh", "CTr"),
            Map.entry("nghi dinh", "NĐ"), Map.entry("to trinh", "TTr"), Map.entry("de an", "ĐA"),
            Map.entry("phuong an", "PA"), Map.entry("quy dinh", "QĐi"), Map.entry("quy che", "QC"),
            Map.entry("cong dien", "CĐ"), Map.entry("luat", "Luật"), Map.entry("phap lenh", "PL"),
            Map.entry("thong tu lien tich", "TTLT"), Map.entry("nghi quyet lien tich", "NQLT"));
    /** Abbreviations that name a type of document inside a symbol. */
    static final Set<String> KINDS = Set.of("KH", "BC", "HD", "CT", "NQ", "KL", "TT", "TB", "QĐ", "CV", "CTr", "NĐ",
            "TTr", "ĐA", "PA", "QĐi", "QyĐ", "QC", "CĐ", "TTLT", "NQLT", "GM", "BB", "HĐ", "KH-UBND", "ĐL", "CTHĐ",
            "KHPH", "QyC", "HDLT", "PL", "TTg", "L");

    private static final String UNIT_CODE = "[A-ZĐ][A-Za-zĐđ0-9&]{0,15}";
    private static final Pattern PARTY = Pattern.compile(
            "^(\\d{1,5}[a-z]?)?-([A-ZĐ][A-Za-zĐđ]{0,5})/(" + UNIT_CODE + "(?:-" + UNIT_CODE + "){0,2})$");
    private static final Pattern STATE = Pattern.compile(
            "^(\\d{1,5}[a-z]?)?(?:/(\\d{4}))?/([A-ZĐ][A-Za-zĐđ]{0,6})-(" + UNIT_CODE + "(?:-" + UNIT_CODE + "){0,3})$");
    private static final Pattern LAW = Pattern.compile("^(\\d{1,5})/(\\d{4})/([A-ZĐ][A-ZĐ0-9]{1,12})$");
    private static final Pattern GLUED_STATE = Pattern.compile("^(\\d{1,5})((?:/\\d{4})?)/([A-ZĐ]{3,20})$");
    private static final Pattern GLUED_PARTY = Pattern.compile("^(\\d{1,5})-([A-ZĐ]{3,20})$");

    /** The symbol's characters in the original text, spaces around its separators allowed. */
    private static final Pattern TOKEN = Pattern.compile(
            "\\d{1,5}[a-z]?(?:\\s{0,2}[-/–]\\s{0,2}[\\p{L}\\d&]{1,20}){1,4}");
    /** The kind words, longest first, as they end the folded text before a symbol ("kế hoạch số"). */
    private static final java.util.List<String> KIND_WORDS_BY_LENGTH = KIND_WORDS.keySet().stream()
            .sorted((x, y) -> y.length() - x.length()).toList();

    private Symbols() {
    }

    /**
     * A symbol read.
     *
     * @param number     the number as printed, or null when left blank
     * @param kind       the type abbreviation
     * @param normalized the normalised symbol, or null without a number
     * @param party      the Party's shape ({@code 354-KH/TU}), else the State's
     * @param printed    as printed (spaces and marks removed)
     * @param repaired   whether a missing separator had to be put back
     */
    public record Symbol(String number, String kind, String normalized, boolean party, String printed,
            boolean repaired) {
    }

    /** Reads a symbol from its printed form; {@code kindHint} is the abbreviation of the word before it, if any. */
    public static Symbol parse(String printed, String kindHint) {
        String s = compact(printed);
        Matcher m = PARTY.matcher(s);
        if (m.matches()) {
            String number = m.group(1);
            String kind = m.group(2);
            return new Symbol(number, kind, number == null ? null : number + "-" + kind + "/" + m.group(3), true, s,
                    false);
        }
        m = STATE.matcher(s);
        if (m.matches()) {
            String number = m.group(1);
            String kind = KINDS.contains(m.group(3)) ? m.group(3) : kindHint != null ? kindHint : "CV";
            return new Symbol(number, kind, number == null ? null : s, false, s, false);
        }
        m = LAW.matcher(s);
        if (m.matches()) {
            return new Symbol(m.group(1), kindHint, s, false, s, false);
        }
        if (kindHint != null && !kindHint.isEmpty()) {
            String upper = kindHint.toUpperCase(java.util.Locale.ROOT);
            m = GLUED_STATE.matcher(s);
            if (m.matches() && m.group(3).startsWith(upper) && m.group(3).length() > upper.length()) {
                String fixed = m.group(1) + m.group(2) + "/" + kindHint + "-" + m.group(3).substring(upper.length());
                return new Symbol(m.group(1), kindHint, fixed, false, s, true);
            }
            m = GLUED_PARTY.matcher(s);
            if (m.matches() && m.group(2).startsWith(upper) && m.group(2).length() > upper.length()) {
                String fixed = m.group(1) + "-" + kindHint + "/" + m.group(2).substring(upper.length());
                return new Symbol(m.group(1), kindHint, fixed, true, s, true);
            }
        }
        return null;
    }

    /** Spaces, bold marks and stray punctuation out of a printed symbol. */
    static String compact(String printed) {
        StringBuilder out = new StringBuilder(printed.length());
        for (int i = 0; i < printed.length(); i++) {
            char c = printed.charAt(i);
            if (c == '–' || c == '—' || c == '−') {
                c = '-';
            }
            if (Character.isLetterOrDigit(c) || c == '-' || c == '/' || c == '&') {
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '-' || out.charAt(end - 1) == '/')) {
            end--;
        }
        return out.substring(0, end);
    }

    /** One citation of a document in the text. */
    public record Cited(String kind, Symbol symbol, LocalDate issuedOn, String issuer, Line line, int start) {
    }

    /** Every document a line cites, in order. */
    public static List<Cited> scan(Line line) {
        List<Cited> out = new ArrayList<>();
        String text = line.text;
        Matcher token = null; // most lines cite nothing
        int next = 0;
        int at;
        while ((at = symbolStart(text, next)) >= 0) {
            next = at + 1;
            char before = at == 0 ? ' ' : text.charAt(at - 1);
            if (Character.isLetterOrDigit(before) || before == '/' || before == '.' || before == '-') {
                continue; // inside a number, a date or another symbol
            }
            token = token == null ? TOKEN.matcher(text) : token;
            token.region(at, text.length());
            if (!token.lookingAt()) {
                continue;
            }
            int kindAt = kindBefore(line.folded, at);
            String hint = kindAt < 0 ? null : KIND_WORDS.get(kindWordAt(line.folded, kindAt));
            Symbol symbol = parse(token.group(), hint);
            if (symbol == null || symbol.normalized() == null || hint == null && !KINDS.contains(symbol.kind())) {
                continue;
            }
            next = token.end();
            out.add(cited(line, hint, symbol, token.end(), kindAt < 0 ? at : kindAt));
        }
        return out;
    }

    /** The next place from {@code from} where a number runs into a hyphen or a slash ("354 - KH", "15/KH"), or -1. */
    private static int symbolStart(String text, int from) {
        int n = text.length();
        for (int i = from; i < n; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9' || i > 0 && text.charAt(i - 1) >= '0' && text.charAt(i - 1) <= '9') {
                continue;
            }
            int j = i;
            while (j < n && j - i < 6 && text.charAt(j) >= '0' && text.charAt(j) <= '9') {
                j++;
            }
            if (j - i > 5) {
                continue;
            }
            if (j < n && text.charAt(j) >= 'a' && text.charAt(j) <= 'z') {
                j++;
            }
            int spaces = 0;
            while (j < n && text.charAt(j) == ' ' && spaces < 3) {
                j++;
                spaces++;
            }
            if (j < n && (text.charAt(j) == '-' || text.charAt(j) == '/' || text.charAt(j) == '–')) {
                return i;
            }
        }
        return -1;
    }

    /** Where the kind word ("kế hoạch", "chỉ thị") right before a symbol at {@code at} starts, or -1. */
    private static int kindBefore(String folded, int at) {
        int i = at;
        while (i > 0 && folded.charAt(i - 1) == ' ') {
            i--;
        }
        if (i > 0 && (folded.charAt(i - 1) == ':' || folded.charAt(i - 1) == '.')) {
            i--;
            while (i > 0 && folded.charAt(i - 1) == ' ') {
                i--;
            }
        }
        if (i >= 2 && folded.startsWith("so", i - 2) && (i == 2 || !Character.isLetter(folded.charAt(i - 3)))) {
            i -= 2;
            while (i > 0 && folded.charAt(i - 1) == ' ') {
                i--;
            }
        }
        for (String w : KIND_WORDS_BY_LENGTH) {
            int from = i - w.length();
            if (from >= 0 && folded.startsWith(w, from) && (from == 0 || !Character.isLetter(folded.charAt(from - 1)))) {
                return from;
            }
        }
        return -1;
    }

    private static String kindWordAt(String folded, int at) {
        for (String w : KIND_WORDS_BY_LENGTH) {
            if (folded.startsWith(w, at)) {
                return w;
            }
        }
        return null;
    }

    private static boolean overlaps(List<int[]> taken, int start, int end) {
        for (int[] range : taken) {
            if (start < range[1] && end > range[0]) {
                return true;
            }
        }
        return false;
    }

    private static Cited cited(Line line, String hint, Symbol symbol, int end, int start) {
        String folded = line.folded;
        int i = end;
        // ", ngày 20/09/2024" or " ngày 19 tháng 6 năm 2015" or " (ngày …)"
        int j = i;
        while (j < folded.length() && j < i + 6 && (folded.charAt(j) == ' ' || folded.charAt(j) == ','
                || folded.charAt(j) == '(' || folded.charAt(j) == '-')) {
            j++;
        }
        LocalDate date = null;
        if (folded.startsWith("ngay", j) || j < folded.length() && Character.isDigit(folded.charAt(j))) {
            Dates.Found d = Dates.dateAt(folded, j);
            if (d != null) {
                date = d.date();
                i = d.end();
            }
        }
        String issuer = issuerAfter(line, i);
        String kind = symbol.kind() != null ? symbol.kind() : hint;
        return new Cited(kind, symbol, date, issuer, line, start);
    }

    /** Where an issuer's name ends; a comma before a capital goes on ("Bộ Văn hóa, Thể thao và Du lịch"). */
    private static final Pattern ISSUER_END = Pattern.compile(
            "\\s(?:ve|v/v|thuc hien|trien khai|tien toi|khoa|nhiem ky|ban hanh|quy dinh|huong dan|ngay|phe duyet"
                    + "|sua doi|tang cuong|day manh)\\b"
                    + "|\\s(?:va\\s)?(?:ke hoach|chi thi|nghi quyet|ket luan|thong tri|quyet dinh|cong van|thong bao"
                    + "|nghi dinh|thong tu|chuong trinh|quy dinh|huong dan)\\s(?:so\\s)?\\d|[,;.:()“”\"]|$");

    private static final Pattern AND_AT_END = Pattern.compile("\\s+(và|cùng)$");

    /** Whether the words from {@code at} to the next comma or stop are a name's ("Thể thao và Du lịch"). */
    private static boolean capitalisedPart(String text, int at) {
        int end = at;
        while (end < text.length() && ",;.:()".indexOf(text.charAt(end)) < 0 && end - at < 60) {
            end++;
        }
        String part = text.substring(at, end).trim();
        String[] words = part.split(" ");
        return end > at && words.length <= 5 && Character.isUpperCase(part.charAt(0))
                && !ACTION_WORDS.matcher(Fold.of(part)).find();
    }

    /** "… của Ban Thường vụ Tỉnh ủy về …" → "Ban Thường vụ Tỉnh ủy". */
    private static String issuerAfter(Line line, int from) {
        String folded = line.folded;
        int i = from;
        while (i < folded.length() && (folded.charAt(i) == ' ' || folded.charAt(i) == ',' || folded.charAt(i) == ')')) {
            i++;
        }
        if (!folded.startsWith("cua ", i)) {
            return null;
        }
        int start = i + 4;
        int limit = Math.min(folded.length(), start + 120);
        Matcher m = ISSUER_END.matcher(folded);
        m.region(start, limit);
        int end = limit;
        while (m.find()) {
            int at = m.start();
            boolean nameGoesOn = folded.charAt(at) == ',' && at + 2 < line.text.length()
                    && line.text.charAt(at + 1) == ' ' && capitalisedPart(line.text, at + 2);
            if (!nameGoesOn) {
                end = at;
                break;
            }
        }
        String issuer = AND_AT_END.matcher(line.text.substring(start, end).trim()).replaceFirst("");
        return issuer.isEmpty() || !Character.isUpperCase(issuer.charAt(0)) ? null : issuer;
    }
}
