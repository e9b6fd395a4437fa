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

    private static final Pattern HEADING_MARKS = Pattern.compile("^#{1,6}\\s*");
    private static final Pattern SPACES = Pattern.compile("[\\s\\u00A0\\u2000-\\u200A\\u202F\\u205F\\u3000]+");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B-\\u200D\\u2060\\uFEFF\\u00AD]");
    private static final Pattern ESCAPES = Pattern.compile("\\\\([\\\\`*_{}\\[\\]()#+\\-.!|>~])");
    /** An item glued to the end of the previous one: "… đại hội. - Tổ chức …". */
    private static final Pattern GLUED_ITEM = Pattern.compile("(?<=[.;:!?…])\\s+[-–•+]\\s+(?=\\p{Lu})");
    /** A numbered heading glued after the end of an item: "… khẩu hiệu tuyên truyền Đại hội. 2.2.2. Trong …". */
    private static final Pattern GLUED_HEADING = Pattern.compile(
            "(?<=[.;:!?…])\\s+(?=\\d{1,2}(?:\\.\\d{1,2}){1,5}\\.?\\s\\p{Lu})");
    /** A heading glued to its first item: "… lần thứ X - Tuyên truyền …". */
    private static final Pattern GLUED_DASH = Pattern.compile("\\s[-–•]\\s(?=\\p{Lu})");
    /** Words that never end a heading or a sentence: a line ending with one goes on in the next (exact forms). */
    private static final Set<String> CONTINUING_WORDS = Set.of("của", "và", "về", "các", "những", "với", "cho",
            "tại", "trong", "theo", "đến", "từ", "là", "thứ", "số", "ngày", "tháng", "để", "nhằm", "đối", "được",
            "có", "lần", "trên", "hoặc", "cùng", "một", "đại", "nhân", "tiến", "tới", "vào", "như", "mà", "bởi");

    private Lines() {
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
        String t = VietnameseText.nfc(text);
        t = INVISIBLE.matcher(t).replaceAll("");
        t = SPACES.matcher(t).replaceAll(" ").trim();
        if (t.isEmpty()) {
            return t;
        }
        t = HEADING_MARKS.matcher(t).replaceFirst("");
        if (t.indexOf('\\') >= 0) {
            t = ESCAPES.matcher(t).replaceAll("$1");
        }
        if (t.indexOf('*') >= 0 || t.indexOf('_') >= 0) {
            t = emphasis(t);
        }
        return SPACES.matcher(t).replaceAll(" ").trim();
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
        StringBuilder pending = null;
        Line head = null;
        for (Line line : lines) {
            if (head != null && continues(head, pending, line)) {
                boolean glue = endsWithJoiningHyphen(pending);
                if (!glue) {
                    pending.append(' ');
                }
                pending.append(line.text);
                continue;
            }
            if (head != null) {
                out.add(pending.length() == head.text.length() ? head : head.with(pending.toString()));
            }
            head = line;
            pending = new StringBuilder(line.text);
        }
        if (head != null) {
            out.add(pending.length() == head.text.length() ? head : head.with(pending.toString()));
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
        boolean headCaps = Fold.isCaps(head.text);
        char first = next.text.charAt(0);
        if (headCaps) {
            // a capitals heading wrapped onto a second capitals line ("II. NỘI DUNG, THỜI GIAN," / "HÌNH THỨC")
            return head.label != null && Fold.isCaps(next.text) && next.text.length() < 80;
        }
        if (Fold.isCaps(next.text)) {
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
        if (cut < 0) {
            Matcher m = GLUED_HEADING.matcher(line.text);
            if (m.find() && m.start() > 0) {
                cut = m.start();
                resume = m.start() + 1;
            }
        }
        if (cut < 0) {
            Matcher m = GLUED_ITEM.matcher(line.text);
            if (m.find() && m.start() > 0) {
                cut = m.start();
                resume = m.start() + 1;
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
        while (at > 0) {
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

    private static int gluedDash(Line line) {
        Matcher m = GLUED_DASH.matcher(line.text);
        int from = line.label.length();
        if (!m.find(Math.min(from, line.text.length()))) {
            return -1;
        }
        int at = m.start();
        String head = line.text.substring(from, at);
        String rest = line.text.substring(m.end()).trim();
        if (head.isBlank() || head.length() > 220 || head.chars().anyMatch(c -> ".;:!?".indexOf(c) >= 0)) {
            return -1;
        }
        char beforeDash = line.text.charAt(at - 1);
        if (Character.isDigit(beforeDash)) {
            return -1;
        }
        String[] words = rest.split(" ");
        if (words.length < 5 || words[0].endsWith(",")) {
            return -1;
        }
        // an item reads as a sentence; a slogan ("Đảng Cộng sản Việt Nam - Người lãnh đạo …!") keeps its dash
        char last = rest.charAt(rest.length() - 1);
        return ".;:…".indexOf(last) >= 0 ? at : -1;
    }
}
