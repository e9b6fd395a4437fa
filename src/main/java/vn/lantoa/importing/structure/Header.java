package vn.lantoa.importing.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Warning;
import vn.lantoa.planformat.WarningCode;

/**
 * The parts of a document around its body: the header (issuer, number and symbol, place and date, kind, title), the
 * end matter (recipients, signature), and where the body starts and ends.
 */
public final class Header {

    private static final Pattern SPACED_CAPS = Pattern.compile("(\\p{Lu}\\s{1,3}){3,}\\p{Lu}");
    private static final Pattern WIDE_SPACE = Pattern.compile("\\s{2,}");
    private static final Pattern NOT_LETTER = Pattern.compile("[^a-z ]");

    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final Map<String, String> KIND_HEADINGS = Map.ofEntries(Map.entry("KẾ HOẠCH", "KH"),
            Map.entry("BÁO CÁO", "BC"), Map.entry("HƯỚNG DẪN", "HD"), Map.entry("CHƯƠNG TRÌNH", "CTr"),
            Map.entry("THÔNG BÁO", "TB"), Map.entry("QUYẾT ĐỊNH", "QĐ"), Map.entry("CHỈ THỊ", "CT"),
            Map.entry("NGHỊ QUYẾT", "NQ"), Map.entry("KẾT LUẬN", "KL"), Map.entry("THÔNG TRI", "TT"),
            Map.entry("TỜ TRÌNH", "TTr"), Map.entry("ĐỀ ÁN", "ĐA"), Map.entry("PHƯƠNG ÁN", "PA"),
            Map.entry("CÔNG VĂN", "CV"), Map.entry("QUY ĐỊNH", "QĐi"), Map.entry("QUY CHẾ", "QC"));
    private static final Pattern NUMBER = Pattern.compile(
            "(?:^|[\\s•*(])Số\\s{0,3}[:.]?\\s{0,8}(\\d{0,5}[a-z]?\\s{0,8}[-/–]\\s{0,3}[\\p{L}\\d&]{1,16}"
                    + "(?:\\s{0,2}[-/]\\s{0,2}[\\p{L}\\d&]{1,16}){0,4})");
    private static final Pattern MOTTO = Pattern.compile("(?iu)(ĐẢNG CỘNG SẢN VIỆT NAM|CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
            + "|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\\s?[-–]\\s?Tự do\\s?[-–]\\s?Hạnh phúc)");
    private static final List<String> BODY_OPENERS = List.of("can cu", "thuc hien", "thi hanh", "trien khai", "nham ",
            "de ", "qua ", "theo ", "sau khi", "kinh gui", "trong ", "nhan dip", "huong toi", "chao mung");

    /** Where things are, by line index. */
    public record Zones(int kindLine, String kind, int titleStart, int titleEnd, int bodyStart, int closingStart,
            int endStart) {
    }

    private Header() {
    }

    public static Zones zones(List<Line> lines) {
        int n = lines.size();
        int kindLine = -1;
        String kind = null;
        for (int i = 0; i < Math.min(n, 40); i++) {
            String k = kindHeading(lines.get(i).body);
            if (k != null) {
                kindLine = i;
                kind = k;
                break;
            }
        }
        int titleStart = kindLine + 1;
        int titleEnd = titleStart;
        if (kindLine >= 0) {
            String rest = afterKind(lines.get(kindLine).body);
            if (!rest.isEmpty()) {
                titleStart = kindLine;
            }
            while (titleEnd < n && titleEnd - kindLine <= 4 && isTitleLine(lines.get(titleEnd))) {
                titleEnd++;
            }
        } else {
            titleEnd = 0;
            while (titleEnd < Math.min(n, 12) && !opensBody(lines.get(titleEnd))) {
                titleEnd++;
            }
            if (titleEnd >= Math.min(n, 12)) {
                titleEnd = 0;
            }
            titleStart = titleEnd;
        }
        int bodyStart = Math.max(titleEnd, 0);
        int endStart = n;
        int closingStart = -1;
        for (int i = bodyStart; i < n; i++) {
            Line line = lines.get(i);
            if (closingStart < 0 && line.label == null && line.folded.startsWith("tren day la")) {
                closingStart = i;
            }
            if (Closing.recipientsHeading(line.bodyFolded) || Closing.signatureStart(line.text) && i > bodyStart) {
                endStart = i;
                break;
            }
        }
        if (closingStart < 0) {
            closingStart = endStart;
        }
        return new Zones(kindLine, kind, titleStart, titleEnd, bodyStart, closingStart, endStart);
    }

    /** "KẾ HOẠCH" (or "K Ế  H O Ạ C H") at the start of a line, in capitals. */
    static String kindHeading(String text) {
        String t = text;
        if (t.length() < 40 && SPACED_CAPS.matcher(t).matches()) {
            t = WIDE_SPACE.matcher(t).replaceAll("\u0000").replace(" ", "").replace('\u0000', ' ');
        }
        for (Map.Entry<String, String> e : KIND_HEADINGS.entrySet()) {
            if (t.startsWith(e.getKey()) && (t.length() == e.getKey().length()
                    || !Character.isLetter(t.charAt(e.getKey().length())))) {
                String rest = t.substring(e.getKey().length()).trim();
                // "KẾ HOẠCH" alone, or followed by the title in normal case; never "Kế hoạch số …"
                if (rest.isEmpty() || !Fold.of(rest).startsWith("so ") && !Character.isDigit(rest.charAt(0))) {
                    return e.getValue();
                }
            }
        }
        return null;
    }

    private static String afterKind(String text) {
        for (String k : KIND_HEADINGS.keySet()) {
            if (text.startsWith(k)) {
                return Strip.start(text.substring(k.length()), " :.-").trim();
            }
        }
        return "";
    }

    private static boolean isTitleLine(Line line) {
        if (line.label != null && line.label.style() != Label.Style.BULLET || line.text.length() > 400) {
            return false;
        }
        return !opensBody(line) && !NUMBER.matcher(line.text).find() && !Dates.DMY_WORDS.matcher(line.folded).find();
    }

    private static boolean opensBody(Line line) {
        if (line.numbered() || Closing.startsEndMatter(line.folded)) {
            return true;
        }
        for (String opener : BODY_OPENERS) {
            if (line.bodyFolded.startsWith(opener)) {
                return true;
            }
        }
        return line.text.endsWith(":");
    }

    /** The header as read. */
    public record Read(String kind, String number, String symbol, DocumentSystem system, LocalDate issuedOn,
            String place, String organ, String title, List<Warning> warnings) {
    }

    public static Read read(List<Line> lines, Zones z) {
        List<Warning> warnings = new ArrayList<>();
        int headerEnd = Math.min(lines.size(), Math.max(z.bodyStart(), z.titleEnd()));
        String number = null;
        String symbol = null;
        String kind = z.kind();
        Boolean party = null;
        boolean numberLine = false;
        LocalDate issued = null;
        String place = null;
        boolean dateLine = false;
        List<String> organLines = new ArrayList<>();
        boolean partyMotto = false;
        boolean stateMotto = false;
        int headerScan = Math.min(headerEnd, Math.max(z.kindLine(), 0) + 12);
        int mottoEnd = z.kindLine() >= 0 ? z.kindLine() : Math.min(headerScan, z.titleStart());
        for (int i = 0; i < headerScan; i++) {
            Line line = lines.get(i);
            String text = line.body;
            Matcher motto = MOTTO.matcher(text);
            while (motto.find()) {
                // the national heading stands in the header block, above the kind; the same words in the title
                // ("… 95 năm Ngày thành lập Đảng Cộng sản Việt Nam") say nothing about who issues the plan
                if (i >= mottoEnd || !isHeading(text, motto)) {
                    continue;
                }
                String f = Fold.of(motto.group(1));
                partyMotto |= f.startsWith("dang");
                stateMotto |= !f.startsWith("dang");
            }
            text = MOTTO.matcher(text).replaceAll(" ").trim();
            Matcher num = NUMBER.matcher(text);
            if (!numberLine && num.find()) {
                numberLine = true;
                Symbols.Symbol s = Symbols.parse(num.group(1), kind);
                if (s != null) {
                    number = s.number();
                    symbol = s.normalized();
                    party = s.party();
                    if (kind == null) {
                        kind = s.kind();
                    }
                    if (s.repaired()) {
                        warnings.add(WarningCode.SYMBOL_REPAIRED.at(line.quote(), s.printed(), s.normalized()));
                    }
                }
                if (number == null) {
                    warnings.add(WarningCode.MISSING_NUMBER.at(line.quote(), "số"));
                }
                text = (text.substring(0, num.start()) + " " + text.substring(num.end())).trim();
            }
            String folded = Fold.of(text);
            Matcher date = Dates.DMY_WORDS.matcher(folded);
            if (!dateLine && date.find()) {
                dateLine = true;
                if (date.group(1) != null && date.group(2) != null) {
                    issued = Dates.date(Integer.parseInt(date.group(1)), Integer.parseInt(date.group(2)),
                            Integer.parseInt(date.group(3)));
                }
                if (issued == null) {
                    warnings.add(WarningCode.MISSING_NUMBER.at(line.quote(), "ngày"));
                }
                place = place(text, date.start());
                text = text.substring(0, placeStart(text, date.start())).trim();
            }
            if (i < Math.max(z.kindLine(), 0) && Fold.isCaps(text)) {
                organLines.add(Strip.end(text, " *").trim());
            }
        }
        if (!numberLine) {
            warnings.add(WarningCode.MISSING_NUMBER.at("đầu văn bản", "số"));
        }
        if (!dateLine) {
            warnings.add(WarningCode.MISSING_NUMBER.at("đầu văn bản", "ngày"));
        }
        String title = null;
        if (z.titleEnd() > z.titleStart() && z.kindLine() >= 0) {
            StringBuilder t = new StringBuilder();
            for (int i = z.titleStart(); i < z.titleEnd(); i++) {
                String part = i == z.kindLine() ? afterKind(lines.get(i).body) : lines.get(i).body;
                if (t.length() > 0) {
                    t.append(' ');
                }
                t.append(part);
            }
            title = ABOUT.matcher(t.toString()).replaceFirst("").trim();
            title = title.isEmpty() ? null : title;
        }
        // the heading first, then the symbol's form (74-KH/TU against 15/KH-UBND); the issuer's name decides when
        // neither does (PlanParser)
        DocumentSystem system = partyMotto != stateMotto ? (partyMotto ? DocumentSystem.PARTY : DocumentSystem.STATE)
                : party == null ? null : party ? DocumentSystem.PARTY : DocumentSystem.STATE;
        return new Read(kind, number, symbol, system, issued, place, organ(organLines), title, warnings);
    }

    /**
     * Whether a motto found in a header line is the national heading itself: "Độc lập - Tự do - Hạnh phúc" in any
     * case; "ĐẢNG CỘNG SẢN VIỆT NAM" or "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in capitals as printed, or alone on its
     * line. A line of the issuer's column may stand before it ("ĐẢNG BỘ TỈNH YÊN BÁI ĐẢNG CỘNG SẢN VIỆT NAM").
     */
    private static boolean isHeading(String line, Matcher motto) {
        String found = motto.group(1);
        if (Fold.of(found).startsWith("doc lap")) {
            return true;
        }
        if (found.equals(found.toUpperCase(VI))) {
            return true;
        }
        return Strip.end(line, " .*").strip().length() == found.length();
    }

    /** "• Phan Rang - Tháp Chàm, ngày 31 …" → "Phan Rang - Tháp Chàm": the capitalised words before ", ngày". */
    private static String place(String text, int dateAt) {
        int start = placeStart(text, dateAt);
        String p = Strip.end(text.substring(start, Math.min(dateAt, text.length())), " ,").trim();
        return p.isEmpty() ? null : p;
    }

    private static int placeStart(String text, int dateAt) {
        int end = Math.min(dateAt, text.length());
        String before = Strip.end(text.substring(0, end), " ,");
        String[] words = before.split(" ");
        int keep = words.length;
        while (keep > 0) {
            String w = words[keep - 1];
            boolean capital = !w.isEmpty() && Character.isUpperCase(w.charAt(0)) && !w.chars().anyMatch(Character::isDigit)
                    && w.indexOf('/') < 0 && (!Fold.isCaps(w + "XXXX") || w.length() <= 3 && w.endsWith("."));
            if (capital || w.equals("-") || w.equals("–")) {
                keep--;
            } else {
                break;
            }
        }
        while (keep < words.length && (words[keep].equals("-") || words[keep].equals("–"))) {
            keep++;
        }
        int offset = 0;
        for (int i = 0; i < keep; i++) {
            offset += words[i].length() + 1;
        }
        return Math.min(offset, end);
    }

    /** The issuing organ from the header's capitals lines: the last one, a name wrapped onto two lines joined. */
    private static String organ(List<String> caps) {
        List<String> groups = new ArrayList<>();
        for (String line : caps) {
            String f = Fold.of(line);
            if (line.length() < 3 || f.startsWith("so ")) {
                continue;
            }
            boolean continues = !groups.isEmpty() && startsWithAdminLevel(f)
                    && !containsAdminLevel(Fold.of(groups.get(groups.size() - 1)));
            if (continues) {
                groups.set(groups.size() - 1, groups.get(groups.size() - 1) + " " + line);
            } else {
                groups.add(line);
            }
        }
        if (groups.isEmpty()) {
            return null;
        }
        // two header lines a reader joined: "ĐẢNG BỘ TỈNH HÀ TĨNH HUYỆN ỦY CAN LỘC" → the organ is the second
        String last = groups.get(groups.size() - 1);
        Matcher m = ORGAN_HEAD.matcher(last);
        int cut = -1;
        while (m.find()) {
            if (last.substring(0, m.start()).trim().split(" ").length >= 3) {
                cut = m.start();
            }
        }
        return Names.sentenceCase(cut > 0 ? last.substring(cut) : last);
    }

    private static final Pattern ORGAN_HEAD = Pattern.compile(
            "(?<=\\s)(HUYỆN ỦY|THÀNH ỦY|TỈNH ỦY|QUẬN ỦY|THỊ ỦY|ĐẢNG ỦY|ỦY BAN NHÂN DÂN|UBND|SỞ|PHÒNG|CHI BỘ"
                    + "|(?<!ỦY )(?<!UỶ )BAN)\\s");
    private static final List<String> LEVELS = List.of("tinh", "thanh pho", "huyen", "quan", "thi xa", "xa", "phuong",
            "thi tran");

    private static boolean startsWithAdminLevel(String f) {
        for (String l : LEVELS) {
            if (Fold.wordAt(f, 0, l)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsAdminLevel(String f) {
        for (String l : LEVELS) {
            if (Fold.hasWord(f, l)) {
                return true;
            }
        }
        return false;
    }

    // ---- end matter

    /** The recipients and the signature, from the end matter's lines. */
    public record End(List<String> recipients, Signer signer) {
    }

    public static End end(List<Line> lines, int from) {
        List<String> recipients = new ArrayList<>();
        List<String> signature = new ArrayList<>();
        String name = null;
        boolean sawRecipients = false;
        for (int i = from; i < lines.size(); i++) {
            Line line = lines.get(i);
            String text = line.body.indexOf('(') >= 0 || line.body.indexOf('[') >= 0
                    ? SIGNED.matcher(line.body).replaceAll("").trim() : line.body.trim();
            Label label = line.label;
            if (Closing.recipientsHeading(Fold.of(text))) {
                sawRecipients = true;
                text = RECIPIENTS.matcher(text).replaceFirst("").trim();
                if (text.isEmpty()) {
                    continue;
                }
                Line rest = line.with(text);
                label = rest.label;
                text = rest.label == null ? rest.body : rest.body;
            }
            // a two-column layout puts the signature beside the recipients: "- Bộ Nội vụ; KT. CHỦ TỊCH"
            int cut = signatureCut(text);
            if (cut > 0) {
                String before = text.substring(0, cut).trim();
                if (sawRecipients && !before.isEmpty()) {
                    addRecipients(recipients, before);
                }
                signature.add(text.substring(cut).trim());
                continue;
            }
            if (text.isEmpty()) {
                continue;
            }
            boolean bullet = label != null && !label.style().numbered();
            if (sawRecipients && bullet) {
                // the signer's name glued to the last recipient: "- Lưu: VT, KGVX. Trần Anh Tuấn"
                String[] glued = trailingName(text);
                if (glued != null) {
                    addRecipients(recipients, glued[0]);
                    name = glued[1];
                    continue;
                }
                addRecipients(recipients, text);
                continue;
            }
            String folded = Fold.of(text);
            if (Closing.signatureStart(text) || Fold.isCaps(text) && (!signature.isEmpty()
                    || Names.isPosition(NOT_LETTER.matcher(folded).replaceAll("").trim()))) {
                signature.add(text);
                continue;
            }
            if (Names.isPersonName(text) && (!signature.isEmpty() || i == lines.size() - 1 && !sawRecipients)) {
                name = text;
                continue;
            }
            if (sawRecipients && signature.isEmpty() && text.length() < 120) {
                addRecipients(recipients, text);
            }
        }
        if (name == null && signature.size() >= 2) {
            // a name printed in capitals, last under the position: "PHÓ CHỦ TỊCH" / "NGUYỄN VĂN AN"
            String last = signature.get(signature.size() - 1);
            String f = Fold.of(last);
            if (Names.isPersonName(last) && !Names.startsWithOrgan(f) && !Closing.signatureStart(last)
                    && Names.POSITIONS.stream().noneMatch(f::contains)) {
                signature.remove(signature.size() - 1);
                name = last;
            }
        }
        return new End(recipients, signer(signature, name));
    }

    private static final Pattern ABOUT = Pattern.compile("^(?iu)(V/v|Về việc)\\s*");
    private static final Pattern RECIPIENTS = Pattern.compile("^(?iu)nơi\\s+nhận\\s*[:.]?\\s*");
    private static final Pattern SIGNED = Pattern.compile("(?iu)\\(\\s*đã\\s+ký\\s*\\)|\\[\\s*đã\\s+ký\\s*\\]");

    /** {recipient, name} when a person's name follows the end of an item, or null. */
    private static String[] trailingName(String text) {
        for (int i = text.length() - 2; i > 0 && text.length() - i < 45; i--) {
            char c = text.charAt(i);
            if ((c == '.' || c == ';' || c == ',') && text.charAt(i + 1) == ' ') {
                String tail = text.substring(i + 1).trim();
                return Names.isPersonName(tail) ? new String[] {text.substring(0, i + 1), tail} : null;
            }
        }
        return null;
    }

    /** Where a signature glued after a recipient starts: an authority mark or a position in capitals, or -1. */
    private static int signatureCut(String text) {
        if (Closing.signatureStart(text)) {
            return -1;
        }
        Matcher auth = Closing.AUTHORITY.matcher(text);
        while (auth.find()) {
            if (auth.start() > 0 && Fold.isCaps(text.substring(auth.start()))) {
                return auth.start();
            }
        }
        // "- TT Tỉnh ủy, TT HĐND tỉnh; PHÓ CHỦ TỊCH": a position in capitals after the item's end
        String folded = Fold.of(text);
        for (String p : Names.POSITIONS) {
            if (folded.endsWith(p) && folded.length() > p.length() + 2) {
                int at = text.length() - p.length();
                String tail = text.substring(at);
                char before = text.charAt(at - 1);
                if (before == ' ' && Fold.isCaps(tail + "XX") && tail.equals(tail.toUpperCase(VI))
                        && ";,.".indexOf(text.charAt(Math.max(0, at - 2))) >= 0) {
                    return at;
                }
            }
        }
        return -1;
    }

    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;,]\\s*[-•+]\\s+(?=\\p{L})");

    private static void addRecipients(List<String> out, String text) {
        for (String part : ITEM_SEPARATOR.split(text)) {
            String r = Strip.end(Strip.start(part, " -–•+*"), " ;,.").trim();
            if (!r.isEmpty()) {
                out.add(r);
            }
        }
    }

    private static final Pattern MARKER = Pattern.compile("(T\\s?/\\s?M|T\\.M|TM|K/T|KT|T/L|TL|TUQ|Q)\\s?[.:]?\\s+");

    /** "TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH" + "Lý Ngọc Phong". */
    private static Signer signer(List<String> signature, String name) {
        if (signature.isEmpty() && name == null) {
            return null;
        }
        String caps = Strip.spaces(String.join(" ", signature)).trim();
        if (name == null) {
            // the name glued after the position by a reader: "T/M ĐẢNG ỦY PHÓ BÍ THƯ NGUYỄN THỊ MAI ANH"
            String f = Fold.of(caps);
            int after = -1;
            for (String p : Names.POSITIONS) {
                int at = Fold.findWord(f, p, 0);
                while (at >= 0) {
                    after = Math.max(after, at + p.length());
                    at = Fold.findWord(f, p, at + 1);
                }
            }
            if (after > 0 && after < caps.length()) {
                String tail = caps.substring(after).trim();
                if (Names.isPersonName(tail) && !Names.startsWithOrgan(Fold.of(tail))) {
                    name = tail;
                    caps = caps.substring(0, after).trim();
                }
            }
        }
        List<String> authority = new ArrayList<>();
        String position = null;
        Matcher m = MARKER.matcher(caps);
        List<int[]> marks = new ArrayList<>();
        while (m.find()) {
            if (m.start() == 0 || caps.charAt(m.start() - 1) == ' ' || Character.isUpperCase(caps.charAt(m.start() - 1))) {
                marks.add(new int[] {m.start(), m.end()});
            }
        }
        if (marks.isEmpty()) {
            position = caps.isEmpty() ? null : Names.sentenceCase(caps);
        } else {
            for (int i = 0; i < marks.size(); i++) {
                String marker = caps.substring(marks.get(i)[0], marks.get(i)[1]).trim();
                int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : caps.length();
                String segment = caps.substring(marks.get(i)[1], end).trim();
                if (i == marks.size() - 1) {
                    String[] split = splitPosition(segment, marker);
                    segment = split[0];
                    position = split[1];
                }
                if (!segment.isEmpty()) {
                    authority.add(marker + " " + titleCase(segment));
                }
            }
        }
        String auth = authority.isEmpty() ? null : String.join(", ", authority);
        return new Signer(name, position == null ? null : titleCase(position), auth);
    }

    /** Cuts the signer's own position off the end of the last authority segment. */
    private static String[] splitPosition(String segment, String marker) {
        String f = Fold.of(segment);
        for (String p : Names.POSITIONS) {
            if (f.endsWith(p) && (f.length() == p.length() || f.charAt(f.length() - p.length() - 1) == ' ')) {
                String head = segment.substring(0, segment.length() - p.length()).trim();
                if (head.isEmpty()) {
                    // "KT. CHỦ TỊCH" alone: the principal, no own position given
                    return new String[] {segment, null};
                }
                return new String[] {head, segment.substring(segment.length() - p.length()).trim()};
            }
        }
        return new String[] {segment, null};
    }

    /** Capitals to the usual case of titles and bodies: "BAN THƯỜNG VỤ" → "Ban Thường vụ", "PHÓ BÍ THƯ" → "Phó Bí thư". */
    static String titleCase(String caps) {
        if (!Fold.isCaps(caps)) {
            return caps;
        }
        String s = Names.sentenceCase(caps);
        String f = Fold.of(s);
        String[][] fixed = {{"ban thuong vu", "Ban Thường vụ"}, {"ban chap hanh", "Ban Chấp hành"},
            {"pho bi thu", "Phó Bí thư"}, {"bi thu", "Bí thư"}, {"pho chu tich", "Phó Chủ tịch"},
            {"chu tich", "Chủ tịch"}, {"uy ban nhan dan", "Ủy ban nhân dân"}, {"thuong truc", "Thường trực"},
            {"dang uy", "Đảng ủy"}, {"thanh uy", "Thành ủy"}, {"tinh uy", "Tỉnh ủy"}, {"huyen uy", "Huyện ủy"},
            {"giam doc", "Giám đốc"}, {"truong ban", "Trưởng ban"}};
        for (String[] pair : fixed) {
            int at = Fold.findWord(f, pair[0], 0);
            if (at >= 0) {
                s = s.substring(0, at) + (at == 0 ? pair[1] : pair[1]) + s.substring(at + pair[0].length());
                f = Fold.of(s);
            }
        }
        return s.toUpperCase(VI).equals(s) ? s : s;
    }
}
