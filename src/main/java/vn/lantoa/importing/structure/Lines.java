package vn.lantoa.importing.structure;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.importing.DocumentText;
import vn.lantoa.importing.TextBlock;
import vn.lantoa.shared.VietnameseText;

/**
 * From text blocks to lines a person would see: Markdown and odd spaces cleaned, paragraphs that a hard wrap or a
 * page break cut in two joined again, and headings that a soft line break glued to their first item
 * ("2.2. Đợt 2: … 2.2.1. Trước khai mạc … - Tuyên truyền …") cut apart.
 */
public final class Lines {

    private static final Pattern PUNCTUATION = Pattern.compile("[,:;.]");

    private static final Pattern HEADING_MARKS = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern ESCAPES = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");
    /** A numbered heading glued after the end of an item: "… khẩu hiệu tuyên truyền Đại hội. 2.2.2. Trong …". */
    private static final Pattern GLUED_HEADING = Pattern.compile("\\d{1,2}(?:\\.\\d{1,2}){1,5}\\.?\\s\\p{Lu}");
    /**
     * A heading glued to its text by a reader that took them for one paragraph: "2. Các tổ chức cơ sở đảng Xây dựng
     * kế hoạch …", "kết quả công tác tuyên truyền năm 2025 Thực hiện Kế hoạch số …". A verb that opens a sentence is
     * capitalised; after a word in lower case it can only start a new one.
     */
    private static final List<String> GLUED_VERBS = List.of("Căn cứ", "Thực hiện", "Thi hành", "Là", "Xây dựng",
            "Chủ trì", "Phối hợp", "Tham mưu", "Tổ chức", "Tuyên truyền", "Triển khai", "Chỉ đạo", "Hướng dẫn",
            "Theo dõi", "Đẩy mạnh", "Tăng cường", "Chủ động", "Có trách nhiệm", "Chịu trách nhiệm", "Kiểm tra",
            "Phát động", "Định kỳ", "Tổng hợp", "Vận động", "Quán triệt", "Tiếp tục", "Bố trí", "Đảm bảo", "Bảo đảm",
            "Cung cấp", "Mở chuyên mục");
    private static final List<String> BODY_OPENERS = List.of("Căn cứ", "Thực hiện", "Thi hành");
    /** The first letters of {@link #GLUED_VERBS} (and so of {@link #BODY_OPENERS}). */
    private static final String VERB_INITIALS = initials(GLUED_VERBS);
    /** Word pairs that make one name with a dash ("Văn hóa - Xã hội", "Mác - Lênin"): no item starts there. */
    private static final Set<String> DASHED_HALVES = Set.of("xa hoi", "ke hoach", "thong tin", "the thao", "van nghe",
            "ky thuat", "cong nghe", "dao tao", "ha tang", "moi truong", "thuong binh", "nghe nghiep", "lenin",
            "ho tich", "du lich", "truyen thong", "gia dinh", "tre em", "tu do", "hanh phuc", "dan so", "y te",
            "do thi", "hanh chinh", "tong hop", "van hoa", "the duc", "lao dong", "dan van", "quoc phong", "an ninh");
    /** Words that never end a heading or a sentence: a line ending with one goes on in the next (exact forms). */
    private static final Set<String> CONTINUING_WORDS = Set.of("của", "và", "về", "các", "những", "với", "cho",
            "tại", "trong", "theo", "đến", "từ", "là", "thứ", "số", "ngày", "tháng", "để", "nhằm", "đối", "được",
            "có", "lần", "trên", "hoặc", "cùng", "một", "đại", "nhân", "tiến", "tới", "vào", "như", "mà", "bởi");

    private Lines() {
    }

    private static String initials(List<String> words) {
        StringBuilder out = new StringBuilder();
        for (String w : words) {
            if (out.indexOf(w.substring(0, 1)) < 0) {
                out.append(w.charAt(0));
            }
        }
        return out.toString();
    }

    /** The document's lines, in reading order. */
    public static List<Line> of(DocumentText document) {
        List<Line> raw = new ArrayList<>(document.blocks().size());
        for (TextBlock block : document.blocks()) {
            String text = clean(block.displayed());
            boolean listItem = block.label() != null && block.label().isBlank();
            if (text.isEmpty() || isDecoration(text)) {
                continue;
            }
            Line line = Line.of(text, block.alignment(), block.column(), block.bold(), block.where());
            if (listItem && line.label == null) {
                // Word numbering whose label is blank (a bullet drawn as a space) still makes a list item
                line = Line.of("• " + text, block.alignment(), block.column(), block.bold(), block.where());
            }
            raw.add(line);
        }
        List<Line> merged = merge(raw);
        List<Line> out = new ArrayList<>(merged.size() + 16);
        for (Line line : merged) {
            split(line, out, 0);
        }
        return out;
    }

    /** Markdown marks, escapes, invisible characters and runs of spaces gone; NFC. */
    static String clean(String text) {
        if (text == null) {
            return "";
        }
        // one pass tells whether anything is to change: most lines are clean NFC already
        String t = text;
        int state = scan(text);
        if ((state & UNCLEAN) != 0) {
            t = spaces(text);
            if (hasCombiningMarks(t)) {
                t = VietnameseText.nfc(t);
            }
        } else if ((state & COMBINING) != 0) {
            t = VietnameseText.nfc(t);
        }
        if (t.isEmpty()) {
            return t;
        }
        if (t.charAt(0) == '#') {
            t = HEADING_MARKS.matcher(t).replaceFirst("");
        }
        if (t.indexOf('\\') >= 0) {
            t = ESCAPES.matcher(t).replaceAll("$1");
        }
        if (t.indexOf('*') >= 0 || t.indexOf('_') >= 0) {
            t = spaces(emphasis(t));
        }
        return t;
    }

    private static final int UNCLEAN = 1;
    private static final int COMBINING = 2;

    /**
     * Whether {@link #spaces} would change the text (an invisible character, white space other than single plain
     * spaces inside, a space at either end) and whether it holds combining marks ({@link #hasCombiningMarks}).
     */
    private static int scan(String t) {
        int n = t.length();
        if (n == 0) {
            return 0;
        }
        int state = t.charAt(0) == ' ' || t.charAt(n - 1) == ' ' ? UNCLEAN : 0;
        char previous = 'x';
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            state |= CHARS[c];
            if (c == ' ' && previous == ' ') {
                state |= UNCLEAN;
            }
            previous = c;
        }
        return state;
    }

    /** {@link #UNCLEAN} and {@link #COMBINING} of each character (a plain space is unclean only when doubled). */
    private static final byte[] CHARS = new byte[0x10000];

    static {
        for (int i = 0; i < CHARS.length; i++) {
            char c = (char) i;
            if (c < 0x80) {
                CHARS[i] = (byte) (c < ' ' ? UNCLEAN : 0);
            } else if (c >= '\u0300' && (c <= '\u036F' || c >= '\u1100' && c <= '\u11FF')) {
                CHARS[i] = COMBINING;
            } else if (c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD'
                    || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                CHARS[i] = UNCLEAN;
            }
        }
    }

    /** Marks typed apart from their letters (Unikey's "tổ hợp"); without them the text is NFC already. */
    private static boolean hasCombiningMarks(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\u0300' && (c <= '\u036F' || c >= '\u1100' && c <= '\u11FF')) {
                return true;
            }
        }
        return false;
    }

    /** One pass: invisible characters dropped, every run of spaces (of any kind) one space, trimmed. */
    private static String spaces(String t) {
        int n = t.length();
        if (n > 0 && t.charAt(0) != ' ' && t.charAt(n - 1) != ' ') {
            boolean clean = true;
            char previous = 'x';
            for (int i = 0; i < n && clean; i++) {
                char c = t.charAt(i);
                clean = c > ' ' && c != '\u00A0' && !(c >= '\u2000' && c <= '\u206F') && c != '\uFEFF'
                        && c != '\u00AD' && c != '\u3000' || c == ' ' && previous != ' ';
                previous = c;
            }
            if (clean) {
                return t;
            }
        }
        char[] out = new char[n];
        int len = 0;
        boolean space = false;
        for (int i = 0; i < n; i++) {
            char c = t.charAt(i);
            if (c >= '\u200B' && c <= '\u200D' || c == '\u2060' || c == '\uFEFF' || c == '\u00AD') {
                continue;
            }
            if (c <= ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                space = len > 0;
                continue;
            }
            if (space) {
                out[len++] = ' ';
                space = false;
            }
            out[len++] = c;
        }
        return new String(out, 0, len);
    }

    /** "* Phan Rang" is a bullet; "**15**", "*viết tắt*", "***trước ngày***" are emphasis and go. */
    private static String emphasis(String t) {
        StringBuilder out = new StringBuilder(t.length());
        int start = 0;
        if (t.length() > 1 && t.charAt(0) == '*' && t.charAt(1) == ' ') {
            out.append("• ");
            start = 2;
        }
        for (int i = start; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '*') {
                continue;
            }
            if (c == '_' && i + 1 < t.length() && t.charAt(i + 1) == '_') {
                i++;
                continue;
            }
            out.append(c);
        }
        return out.toString().trim();
    }

    /** Lines that carry nothing: "*", "-----", "___". */
    private static boolean isDecoration(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isLetterOrDigit(c)) {
                return false;
            }
        }
        return true;
    }

    /** Joins a paragraph's pieces that a wrap or a page break separated. */
    private static List<Line> merge(List<Line> lines) {
        List<Line> out = new ArrayList<>(lines.size());
        StringBuilder pending = null; // made only when a line goes on in the next: most do not
        Line head = null;
        for (Line line : lines) {
            if (head != null && continues(head, pending != null ? pending : head.text, line)) {
                if (pending == null) {
                    pending = new StringBuilder(head.text.length() + line.text.length() + 16).append(head.text);
                }
                boolean glue = endsWithJoiningHyphen(pending);
                if (!glue) {
                    pending.append(' ');
                }
                pending.append(line.text);
                continue;
            }
            if (head != null) {
                out.add(pending == null || pending.length() == head.text.length() ? head : head.with(pending.toString()));
            }
            head = line;
            pending = null;
        }
        if (head != null) {
            out.add(pending == null || pending.length() == head.text.length() ? head : head.with(pending.toString()));
        }
        return out;
    }

    private static boolean continues(Line head, CharSequence sofar, Line next) {
        if (next.label != null || next.column != head.column || sofar.length() == 0) {
            return false;
        }
        char last = sofar.charAt(sofar.length() - 1);
        if (".!?;:…".indexOf(last) >= 0 || last == '"' || last == '”' && endsSentenceBeforeQuote(sofar)) {
            return false;
        }
        if (Closing.startsEndMatter(next.folded)) {
            return false;
        }
        boolean headCaps = head.caps();
        char first = next.text.charAt(0);
        if (headCaps) {
            // a capitals heading wrapped onto a second capitals line ("II. NỘI DUNG, THỜI GIAN," / "HÌNH THỨC")
            return head.label != null && next.caps() && next.text.length() < 80;
        }
        if (next.caps()) {
            return false;
        }
        if (Character.isLowerCase(first) || Character.isDigit(first) && !Dates.startsWithDate(next.text)) {
            return true;
        }
        if (endsWithJoiningHyphen(sofar)) {
            return true;
        }
        return endsWithContinuingWord(sofar);
    }

    private static boolean endsSentenceBeforeQuote(CharSequence s) {
        int n = s.length();
        return n >= 2 && ".!?".indexOf(s.charAt(n - 2)) >= 0;
    }

    /** "Kế hoạch số 72-" + "KH/TU": a symbol cut at its hyphen joins without a space. */
    private static boolean endsWithJoiningHyphen(CharSequence s) {
        int n = s.length();
        return n >= 2 && s.charAt(n - 1) == '-' && Character.isLetterOrDigit(s.charAt(n - 2));
    }

    private static boolean endsWithContinuingWord(CharSequence s) {
        int end = s.length();
        int start = end;
        while (start > 0 && Character.isLetter(s.charAt(start - 1))) {
            start--;
        }
        if (start == end || end - start > 8) {
            return false;
        }
        return CONTINUING_WORDS.contains(s.subSequence(start, end).toString().toLowerCase(java.util.Locale.ROOT));
    }

    /**
     * Cuts headings from the items glued to them. A numbered heading gives up the next label of its own numbering
     * ("2.2." gives up "2.2.1." or "2.3."), and a short heading without sentence punctuation gives up a dashed item
     * that reads as a sentence. Glued items ("… đại hội. - Tổ chức …") come apart anywhere.
     */
    private static void split(Line line, List<Line> out, int depth) {
        if (depth > 8 || line.text.length() < 8) {
            out.add(line);
            return;
        }
        int cut = -1;
        int resume = -1;
        if (line.label != null && line.label.style() == Label.Style.DECIMAL) {
            int at = nextLabel(line);
            if (at > 0) {
                cut = at;
                resume = at;
            }
        }
        if (cut < 0 && line.label != null && line.label.style().numbered()) {
            int at = gluedDash(line);
            if (at > 0) {
                cut = at;
                resume = at + 1;
            }
        }
        if (cut < 0 && line.label != null && line.label.style().numbered()) {
            int at = gluedVerb(line, GLUED_VERBS, line.label.length());
            if (at > 0) {
                cut = at;
                resume = at + 1;
            }
        }
        if (cut < 0 && line.label == null) {
            int at = gluedVerb(line, BODY_OPENERS, 0);
            if (at > 0) {
                cut = at;
                resume = at + 1;
            }
        }
        if (cut < 0) {
            int at = afterSentence(line.text);
            if (at > 0) {
                cut = at;
                resume = at + 1;
            }
        }
        if (cut < 0) {
            out.add(line);
            return;
        }
        String head = line.text.substring(0, cut).trim();
        String rest = line.text.substring(resume).trim();
        if (head.isEmpty() || rest.isEmpty()) {
            out.add(line);
            return;
        }
        out.add(line.with(head));
        split(line.with(rest), out, depth + 1);
    }

    /** Where the first child ("2.2.1.") or next sibling ("2.3.", "11.") of a decimal label starts inside the line. */
    private static int nextLabel(Line line) {
        Label label = line.label;
        String number = label.number();
        String child = number + ".1";
        int prefixEnd = number.lastIndexOf('.');
        String sibling = (prefixEnd < 0 ? "" : number.substring(0, prefixEnd + 1)) + (label.value() + 1);
        int best = -1;
        for (String candidate : new String[] {child, sibling}) {
            if (candidate.equals(sibling) && label.depth() == 1) {
                // "… muôn năm! 10. Chủ tịch …": a single-level sibling only after a sentence's end
                int at = find(line.text, candidate, label.length(), true);
                best = at > 0 && (best < 0 || at < best) ? at : best;
                continue;
            }
            int at = find(line.text, candidate, label.length(), false);
            best = at > 0 && (best < 0 || at < best) ? at : best;
        }
        return best;
    }

    private static int find(String text, String number, int from, boolean afterSentence) {
        int at = text.indexOf(number, from);
        // the heading that gives up its next label is short; a sibling glued after a sentence may come later
        int limit = afterSentence ? Math.min(text.length(), 2_000) : Math.min(text.length(), 400);
        while (at > 0 && at < limit) {
            int end = at + number.length();
            if (end < text.length() && text.charAt(end) == '.') {
                end++;
            }
            boolean before = text.charAt(at - 1) == ' ' && (at < 2 || !Character.isDigit(text.charAt(at - 2))
                    && text.charAt(at - 2) != '/' && text.charAt(at - 2) != '.' && text.charAt(at - 2) != ',');
            boolean after = end + 1 < text.length() && text.charAt(end) == ' '
                    && Character.isUpperCase(text.charAt(end + 1));
            boolean sentence = !afterSentence || at >= 2 && ".!?;".indexOf(text.charAt(at - 2)) >= 0;
            if (before && after && sentence && end - at > number.length() - 1 && text.charAt(at + number.length()) != '/') {
                return at - 1;
            }
            at = text.indexOf(number, at + 1);
        }
        return -1;
    }

    /**
     * Where an item or a numbered heading glued after the end of a sentence starts ("… đại hội. - Tổ chức …",
     * "… Đại hội. 2.2.2. Trong …"): the position of the space before it, or -1. One pass over the text.
     */
    private static int afterSentence(String text) {
        int n = text.length();
        Matcher m = null;
        for (int i = 1; i + 3 < n; i++) {
            char c = text.charAt(i);
            if (c != '.' && c != ';' && c != ':' && c != '!' && c != '?' && c != '…' || text.charAt(i + 1) != ' ') {
                continue;
            }
            int j = i + 1;
            while (j < n && text.charAt(j) == ' ') {
                j++;
            }
            if (j + 2 >= n) {
                return -1;
            }
            char d = text.charAt(j);
            if ((d == '-' || d == '–' || d == '•' || d == '+') && text.charAt(j + 1) == ' '
                    && Character.isUpperCase(text.charAt(j + 2))) {
                return i + 1;
            }
            if (d == 'N' && (text.startsWith("Nơi nhận", j) || text.startsWith("Nơi nhận", j))) {
                return i + 1; // the end matter glued to the last item
            }
            if (d >= '0' && d <= '9') {
                m = m == null ? GLUED_HEADING.matcher(text) : m;
                m.region(j, n);
                if (m.lookingAt()) {
                    return i + 1;
                }
            }
        }
        return -1;
    }

    private static int gluedVerb(Line line, List<String> verbs, int from) {
        String text = line.text;
        int limit = Math.min(text.length() - 1, from + 300);
        int at = -1;
        // a heading is short: the verb that ends it comes within its first words, after a lower-case word, a digit
        // or a bracket (a sentence that had no full stop)
        for (int i = Math.max(from, 1); i < limit && at < 0; i++) {
            if (text.charAt(i) != ' ' || !Character.isUpperCase(text.charAt(i + 1))) {
                continue;
            }
            char before = text.charAt(i - 1);
            if (!(Character.isLowerCase(before) || Character.isDigit(before) || before == ')')) {
                continue;
            }
            if (VERB_INITIALS.indexOf(text.charAt(i + 1)) < 0) {
                continue;
            }
            for (String v : verbs) {
                int end = i + 1 + v.length();
                if (text.startsWith(v, i + 1) && (end == text.length() || text.charAt(end) == ' ')) {
                    at = i;
                    break;
                }
            }
        }
        if (at < 0) {
            return -1;
        }
        String head = line.text.substring(from, at);
        String rest = line.text.substring(at + 1);
        int headWords = head.trim().split(" ").length;
        if (head.isBlank() || headWords > 25 || head.chars().anyMatch(c -> ".;:!?".indexOf(c) >= 0)) {
            return -1;
        }
        char last = rest.charAt(rest.length() - 1);
        return rest.split(" ").length >= 5 && ".;:…!".indexOf(last) >= 0 ? at : -1;
    }

    private static int gluedDash(Line line) {
        String text = line.text;
        int from = Math.min(line.label.length(), text.length());
        int limit = Math.min(text.length() - 3, from + 240);
        int at = -1;
        for (int i = from; i < limit; i++) {
            char d = text.charAt(i + 1);
            if (text.charAt(i) == ' ' && (d == '-' || d == '–' || d == '•') && text.charAt(i + 2) == ' '
                    && Character.isUpperCase(text.charAt(i + 3))) {
                at = i;
                break;
            }
        }
        if (at < 0) {
            return -1;
        }
        String head = text.substring(from, at);
        String rest = text.substring(at + 3).trim();
        if (head.isBlank() || head.length() > 220 || head.chars().anyMatch(c -> ".;:!?".indexOf(c) >= 0)) {
            return -1;
        }
        char beforeDash = line.text.charAt(at - 1);
        if (Character.isDigit(beforeDash)) {
            return -1;
        }
        String[] words = rest.split(" ");
        if (words.length < 5 || words[0].endsWith(",")
                || DASHED_HALVES.contains(Fold.of(PUNCTUATION.matcher(words[0] + " " + words[1]).replaceAll("")))
                || DASHED_HALVES.contains(Fold.of(PUNCTUATION.matcher(words[0]).replaceAll("")))) {
            return -1;
        }
        for (int i = 0; i < Math.min(4, words.length); i++) {
            if (words[i].endsWith(":")) {
                return -1; // "Văn hóa - Xã hội xã: chủ trì …" is a unit and its task, not a heading and an item
            }
        }
        // an item reads as a sentence; a slogan ("Đảng Cộng sản Việt Nam - Người lãnh đạo …!") keeps its dash
        char last = rest.charAt(rest.length() - 1);
        return ".;:…".indexOf(last) >= 0 ? at : -1;
    }
}
