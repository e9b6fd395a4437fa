package vn.lantoa.importing.structure;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;
import vn.lantoa.planformat.Warning;
import vn.lantoa.planformat.WarningCode;

/**
 * The body of a plan: its bases and citations, and, section by section as the headings name them, its phases,
 * channels, themes, slogans, assignments and reporting duties.
 */
public final class Body {

    // patterns once, not per call (W1 profile)
    private static final Pattern EMPTY_BRACKETS = Pattern.compile("\\(\\s*\\)");
    private static final Pattern LA_PREFIX = Pattern.compile("^(?iu)là\\s+");
    private static final Pattern TRAILING_AND = Pattern.compile("(?iu)\\s+và$");
    private static final Pattern NON_WORD = Pattern.compile("[^a-z0-9]+");
    private static final Pattern GIVEN_TO = Pattern.compile("^(?iu)(giao cho|giao)\\s+");
    private static final Pattern REQUEST = Pattern.compile("\\b(yeu cau|de nghi)\\s{1,3}");
    private static final Pattern REQUEST_VERB = Pattern.compile(
            "\\s(to chuc|trien khai|thuc hien|nghiem tuc|phoi hop|quan tam|chi dao)\\b");

    /** What a section is about, from the words of its heading. */
    enum Topic { PURPOSE, CONTENT, TIMELINE, CHANNELS, ASSIGNMENTS, SLOGANS, THEMES, REPORTING, FUNDING }

    private static final Map<Topic, List<String>> ROLE_WORDS = new LinkedHashMap<>();

    static {
        ROLE_WORDS.put(Topic.PURPOSE, List.of("muc dich", "yeu cau", "muc tieu"));
        ROLE_WORDS.put(Topic.CONTENT, List.of("noi dung"));
        ROLE_WORDS.put(Topic.TIMELINE, List.of("thoi gian", "lo trinh", "tien do", "cac dot", "giai doan",
                "moc thoi gian"));
        ROLE_WORDS.put(Topic.CHANNELS, List.of("hinh thuc", "bien phap tuyen truyen", "phuong thuc tuyen truyen",
                "cach thuc tuyen truyen", "phuong thuc", "kenh tuyen truyen"));
        ROLE_WORDS.put(Topic.ASSIGNMENTS, List.of("to chuc thuc hien", "phan cong nhiem vu", "phan cong thuc hien",
                "trach nhiem thuc hien", "trach nhiem cua cac", "nhiem vu cua cac", "giao nhiem vu", "phan cong"));
        ROLE_WORDS.put(Topic.SLOGANS, List.of("khau hieu"));
        ROLE_WORDS.put(Topic.THEMES, List.of("chu de", "thong diep"));
        ROLE_WORDS.put(Topic.REPORTING, List.of("che do bao cao", "che do thong tin", "thong tin bao cao",
                "bao cao ket qua", "so ket", "tong ket"));
        ROLE_WORDS.put(Topic.FUNDING, List.of("kinh phi"));
    }

    private static final Pattern PHASE_HEAD = Pattern.compile(
            "^(dot|giai doan|buoc|chang)(\\s{0,2}(\\d{1,2}|[ivx]{1,4}|thu nhat|thu hai|thu ba|thu tu|thu nam|mot|hai|ba|bon|nam)\\b)?");
    private static final Pattern TEMPORAL_HEAD = Pattern.compile(
            "^(tu |truoc |trong thoi gian|trong dip|trong suot|sau |den |thang \\d|nam \\d|quy [ivx1-4]|ngay \\d)");
    private static final Pattern QUOTED_HEADING = Pattern.compile(
            "^(?:(?:tuyen truyen|chu de|thong diep)(?:\\s{1,3}(?:ve|voi chu de))?\\s{0,3}:?\\s{0,3})?[“\"]([^”\"]{3,250})[”\"][.:]?$");
    private static final Pattern QUOTED = Pattern.compile("[“\"]([^”\"]{3,250})[”\"]");
    private static final Pattern ENUMERATED = Pattern.compile("\\((\\d{1,2})\\)\\s{0,3}");
    private static final Pattern SENTENCE = Pattern.compile("(?<=[.!?])\\s+(?=\\p{Lu})");
    private static final Pattern STANDING = Pattern.compile(
            "(?:^|[.;:]\\s{0,3}|\\b(?:giao|de nghi|phan cong)\\s{1,3}(?:cho\\s{1,3})?)([^.;:]{3,120}?)\\s{1,3}(?:la|lam)"
                    + "\\s{1,3}(?:co quan|don vi)\\s{1,3}thuong truc");
    private static final Pattern PLAN_TASK = Pattern.compile(
            "\\b(xay dung|ban hanh|xay dung va ban hanh|xay dung va trien khai|lap|trien khai xay dung)\\s{0,2},?\\s{0,2}(ke hoach|chuong trinh)");
    private static final Pattern REPORT_TO = Pattern.compile("\\b(gui ve|gui len|gui cho|bao cao ve|bao cao len"
            + "|bao cao cho|bao cao voi|ve|cho|len|voi|bao cao)\\s{1,3}(?=\\S)");
    private static final Pattern VIA = Pattern.compile("\\b(qua|thong qua)\\s{1,3}(?=\\S)");
    private static final Pattern ORG_END = Pattern.compile("\\s(?:qua|thong qua|truoc|thuong xuyen|dinh ky|theo|de|trong"
            + "|nam|vao|cham|hang|hằng|ket qua|tinh hinh|ve viec|dong thoi|va bao cao|bang|dung|khi|sau|ngay)\\b|[,;.:()]|$");
    private static final List<String> VERBS = List.of("tổ chức", "tuyên truyền", "xây dựng", "triển khai", "thực hiện",
            "chỉ đạo", "phối hợp", "tham mưu", "hướng dẫn", "tăng cường", "đẩy mạnh", "kiểm tra", "theo dõi", "căn cứ",
            "giao", "yêu cầu", "chủ động", "tiếp tục", "phát động", "mở", "đăng", "nắm", "bảo đảm", "đảm bảo",
            "quán triệt", "vận động", "định hướng", "tập trung", "thông tin", "phát huy", "đấu tranh", "cung cấp",
            "biên soạn", "phản ánh", "chuẩn bị", "bố trí", "rà soát", "khẩn trương", "thường xuyên", "định kỳ",
            "tổng hợp", "báo cáo", "gửi", "lựa chọn", "đề xuất", "kịp thời", "nghiên cứu", "lồng ghép", "gắn");
    private static final Set<String> VERB_SET = Set.copyOf(VERBS);
    private static final Locale VI = Locale.forLanguageTag("vi");
    private static final int MAX_PHASES = 200;
    private static final int MAX_ASSIGNMENTS = 500;

    private Body() {
    }

    /** What the body says. */
    public record Read(List<DocumentRef> bases, List<DocumentRef> citations, List<Phase> phases,
            List<Channel> channels, List<String> themes, List<String> slogans, List<Assignment> assignments,
            List<ReportingDuty> reporting, List<Warning> warnings, String actingBody, String closingBody,
            boolean hasAssignmentSection) {
    }

    public static Read read(List<Line> lines, Header.Zones z, Events events, LocalDate issuedOn, String ownSymbol) {
        List<Warning> warnings = new ArrayList<>();
        int sectionStart = z.bodyStart();
        while (sectionStart < z.closingStart() && !opensSection(lines.get(sectionStart))) {
            sectionStart++;
        }
        List<Line> opening = lines.subList(z.bodyStart(), sectionStart);
        List<Line> sections = lines.subList(sectionStart, z.closingStart());
        List<Line> closing = lines.subList(z.closingStart(), z.endStart());
        Node root = Outline.build(sections);
        warnings.addAll(Outline.numberingWarnings(root));

        Refs refs = new Refs(ownSymbol, warnings);
        for (Line line : opening) {
            refs.add(line, true);
        }
        for (int i = Math.max(0, z.titleStart()); i < z.titleEnd(); i++) {
            refs.add(lines.get(i), false);
        }
        for (Line line : sections) {
            refs.add(line, false);
        }
        for (Line line : closing) {
            refs.add(line, false);
        }

        Map<Node, Set<Topic>> roles = roles(root);
        Context ctx = new Context(events, issuedOn, warnings);
        List<Phase> phases = phases(root, roles, ctx);
        List<Channel> channels = channels(root, roles);
        List<String> slogans = slogans(root, roles);
        List<String> themes = themes(root, roles);
        List<Node> assignmentSections = topmost(root, roles, Topic.ASSIGNMENTS);
        List<Assignment> assignments = new ArrayList<>();
        List<ReportingDuty> reporting = new ArrayList<>();
        for (Node section : assignmentSections) {
            units(section, assignments, reporting, ctx, 0);
        }
        standing(sections, assignments);
        for (Node section : topmost(root, roles, Topic.REPORTING)) {
            if (!assignmentSections.contains(section)) {
                for (String text : section.texts()) {
                    reporting.addAll(reports(text, null, ctx));
                }
            }
        }
        String closingSubject = null;
        for (Line line : closing) {
            String subject = subjectOfRequest(line);
            closingSubject = subject != null ? subject : closingSubject;
            reporting.addAll(reports(line.body, line.bodyFolded, subject, ctx));
        }
        return new Read(refs.bases(), refs.citations(), phases, channels, themes, slogans, assignments, reporting,
                warnings, actingBody(opening), closingBody(closing), !assignmentSections.isEmpty());
    }

    private static boolean opensSection(Line line) {
        if (line.label != null && (line.label.style() == Label.Style.ROMAN || line.label.style() == Label.Style.UPPER_LETTER
                || line.label.style() == Label.Style.DECIMAL)) {
            return true;
        }
        return line.label == null && Fold.isCaps(line.text) && line.text.length() < 160 && line.text.indexOf(' ') > 0;
    }

    // ---- roles of sections

    static Set<Topic> ownRoles(Node node) {
        if (!node.labeled()) {
            return Set.of();
        }
        String h = node.headingFolded();
        if (h.length() > 200 || h.endsWith(".") || Strip.words(h) > 25) {
            return Set.of();
        }
        Set<Topic> out = EnumSet.noneOf(Topic.class);
        for (Map.Entry<Topic, List<String>> e : ROLE_WORDS.entrySet()) {
            for (String w : e.getValue()) {
                if (Fold.hasWord(h, w)) {
                    out.add(e.getKey());
                    break;
                }
            }
        }
        // "Phát động phong trào thi đua, tôn vinh …" is a channel; "Nội dung tuyên truyền về báo cáo viên" is not
        if (out.contains(Topic.REPORTING) && !h.startsWith("che do") && !h.startsWith("bao cao")
                && !h.startsWith("thong tin bao cao") && !h.startsWith("so ket") && !h.startsWith("tong ket")) {
            out.remove(Topic.REPORTING);
        }
        if (out.contains(Topic.ASSIGNMENTS) && out.size() > 1 && !h.startsWith("to chuc thuc hien")) {
            out.remove(Topic.ASSIGNMENTS);
        }
        return out;
    }

    private static Map<Node, Set<Topic>> roles(Node root) {
        Map<Node, Set<Topic>> own = new HashMap<>();
        for (Node n : root.descendants()) {
            Set<Topic> r = ownRoles(n);
            if (!r.isEmpty()) {
                own.put(n, r);
            }
        }
        return own;
    }

    /** The nodes whose own heading names the role, without an ancestor that names it too. */
    private static List<Node> topmost(Node root, Map<Node, Set<Topic>> roles, Topic role) {
        List<Node> out = new ArrayList<>();
        for (Node n : root.descendants()) {
            if (roles.getOrDefault(n, Set.of()).contains(role) && !hasAncestorWith(n, roles, role)) {
                out.add(n);
            }
        }
        return out;
    }

    private static boolean hasAncestorWith(Node n, Map<Node, Set<Topic>> roles, Topic role) {
        for (Node p = n.parent; p != null; p = p.parent) {
            if (roles.getOrDefault(p, Set.of()).contains(role)) {
                return true;
            }
        }
        return false;
    }

    private static boolean under(Node n, Map<Node, Set<Topic>> roles, Topic role) {
        return roles.getOrDefault(n, Set.of()).contains(role) || hasAncestorWith(n, roles, role);
    }

    // ---- phases

    /** What the readers of times share. */
    private record Context(Events events, LocalDate issuedOn, List<Warning> warnings) {
    }

    private static boolean isPhaseHeading(Node n) {
        if (n.phaseHeading < 0) {
            n.phaseHeading = (byte) (phaseHeading(n) ? 1 : 0);
        }
        return n.phaseHeading == 1;
    }

    private static boolean phaseHeading(Node n) {
        String h = n.headingFolded();
        // PHASE_HEAD is anchored and its number optional: it is found exactly when the heading opens with its word
        if (!n.labeled() || n.heading().length() >= 400 || !(h.startsWith("dot") || h.startsWith("giai doan")
                || h.startsWith("buoc") || h.startsWith("chang"))) {
            return false;
        }
        // "Đợt 2: …" is a phase; "Đợt cao điểm: từ 01/5 đến 30/6/2026" too, by its time; "đợt thi đua …" is not
        return !h.startsWith("dot") || phaseNumbered(h) || !TimeClauses.span(n.heading(), Events.none()).empty();
    }

    private static boolean phaseNumbered(String h) {
        Matcher m = PHASE_HEAD.matcher(h);
        return m.find() && m.group(2) != null;
    }

    private static boolean isTemporalHeading(Node n) {
        if (n.temporalHeading < 0) {
            n.temporalHeading = (byte) (temporalHeading(n) ? 1 : 0);
        }
        return n.temporalHeading == 1;
    }

    private static boolean temporalHeading(Node n) {
        return n.labeled() && n.label.style() != Label.Style.DASH && n.label.style() != Label.Style.PLUS
                && n.label.style() != Label.Style.BULLET && !n.headingFolded().isEmpty()
                && "tsdnq".indexOf(n.headingFolded().charAt(0)) >= 0 // the first letters of TEMPORAL_HEAD's words
                && TEMPORAL_HEAD.matcher(n.headingFolded()).find()
                && n.heading().length() < 300 && !n.heading().endsWith(".");
    }

    private static List<Phase> phases(Node root, Map<Node, Set<Topic>> roles, Context ctx) {
        List<Phase> out = new ArrayList<>();
        int[] budget = {MAX_PHASES};
        for (Node n : root.descendants()) {
            if (budget[0] <= 0) {
                break;
            }
            boolean phase = isPhaseHeading(n) && !under(n, roles, Topic.ASSIGNMENTS)
                    || isTemporalHeading(n) && n.parent != null && roles.getOrDefault(n.parent, Set.of())
                            .contains(Topic.TIMELINE);
            if (phase && !insidePhase(n, roles)) {
                out.add(phase(n, ctx, budget, 0));
            }
        }
        return out;
    }

    private static boolean insidePhase(Node n, Map<Node, Set<Topic>> roles) {
        for (Node p = n.parent; p != null; p = p.parent) {
            if (isPhaseHeading(p) && !under(p, roles, Topic.ASSIGNMENTS) || isTemporalHeading(p) && p.parent != null
                    && roles.getOrDefault(p.parent, Set.of()).contains(Topic.TIMELINE)) {
                return true;
            }
        }
        return false;
    }

    private static Phase phase(Node n, Context ctx, int[] budget, int depth) {
        budget[0]--;
        String heading = n.heading();
        String folded = n.headingFolded();
        String label;
        String rest = heading;
        Matcher m = PHASE_HEAD.matcher(folded);
        if (m.find()) {
            int end = m.end();
            if (m.group(2) != null) {
                label = Names.capitalize(heading.substring(0, end).trim());
            } else {
                label = Names.capitalize(heading.substring(0, end).trim()) + " " + n.label.number();
            }
            rest = Strip.start(heading.substring(end), " :.,–-");
        } else {
            label = n.label.number();
        }
        TimeClauses.Span span = null;
        Node timeNode = null;
        List<Node> subs = new ArrayList<>();
        List<String> content = new ArrayList<>();
        for (Node c : n.children) {
            String cf = c.headingFolded();
            if (timeNode == null && (cf.startsWith("thoi gian") && cf.length() > 10 && cf.indexOf(':') > 0
                    && cf.indexOf(':') < 30)) {
                TimeClauses.Span s = TimeClauses.span(c.heading().substring(c.heading().indexOf(':') + 1),
                        ctx.events());
                if (!s.empty()) {
                    span = s;
                    timeNode = c;
                    continue;
                }
            }
            if (depth < 6 && budget[0] > 0 && (isPhaseHeading(c) || isTemporalHeading(c))) {
                subs.add(c);
                continue;
            }
            content.add(c.heading());
            for (Node d : c.descendants()) {
                content.add(d.heading());
            }
        }
        TimeClauses.Span own = TimeClauses.span(rest, ctx.events());
        if (span == null) {
            span = own;
        }
        String title = title(rest, own);
        List<Phase> nested = new ArrayList<>();
        for (Node s : subs) {
            if (budget[0] > 0) {
                nested.add(phase(s, ctx, budget, depth + 1));
            }
        }
        return new Phase(label, title, span.start(), span.end(), content, nested);
    }

    /** The heading without its time clause: "Từ nay đến 31/8/2025, là thời điểm chuẩn bị …" → "thời điểm chuẩn bị …". */
    private static String title(String rest, TimeClauses.Span span) {
        String t = rest.trim();
        if (!span.empty() && span.from() >= 0 && span.to() <= rest.length()) {
            t = (rest.substring(0, span.from()) + " " + rest.substring(span.to())).trim();
        }
        t = Strip.start(EMPTY_BRACKETS.matcher(t).replaceAll(" "), " ,:;.–-");
        t = Strip.end(LA_PREFIX.matcher(t).replaceFirst(""), " .:;,–-").trim();
        return t.isEmpty() ? null : t;
    }

    // ---- channels, slogans, themes

    private static List<Channel> channels(Node root, Map<Node, Set<Topic>> roles) {
        List<Channel> out = new ArrayList<>();
        for (Node n : root.descendants()) {
            Set<Topic> own = roles.getOrDefault(n, Set.of());
            if (!own.contains(Topic.CHANNELS) || hasChildWith(n, roles, Topic.CHANNELS)) {
                continue;
            }
            List<Node> items = n.labeledChildren();
            if (items.isEmpty()) {
                for (Node c : n.children) {
                    out.addAll(Channels.of(c));
                }
                continue;
            }
            for (Node c : items) {
                channelItem(c, out, 0);
            }
        }
        for (Node top : root.labeledChildren()) {
            // "III. PHÁT ĐỘNG VÀ HƯỞNG ỨNG CÁC PHONG TRÀO THI ĐUA …": a section that is itself a channel
            if (!roles.containsKey(top) && !Channels.kinds(top.headingFolded()).isEmpty()
                    && !under(top, roles, Topic.CHANNELS)) {
                out.addAll(Channels.of(top));
            }
        }
        return out;
    }

    private static void channelItem(Node c, List<Channel> out, int depth) {
        List<Node> subs = new ArrayList<>();
        for (Node s : c.labeledChildren()) {
            if (s.label.style().numbered() && !s.children.isEmpty()) {
                subs.add(s);
            }
        }
        if (subs.isEmpty() || depth > 3) {
            out.addAll(Channels.of(c));
            return;
        }
        List<vn.lantoa.planformat.ChannelKind> head = Channels.kinds(c.headingFolded());
        Set<vn.lantoa.planformat.ChannelKind> covered = new HashSet<>();
        int before = out.size();
        for (Node s : c.children) {
            if (subs.contains(s)) {
                channelItem(s, out, depth + 1);
            } else {
                out.addAll(Channels.of(s));
            }
        }
        for (int i = before; i < out.size(); i++) {
            covered.add(out.get(i).kind());
        }
        for (vn.lantoa.planformat.ChannelKind k : head) {
            if (!covered.contains(k)) {
                out.add(new Channel(k, c.heading(), List.of()));
            }
        }
    }

    private static boolean hasChildWith(Node n, Map<Node, Set<Topic>> roles, Topic role) {
        for (Node c : n.children) {
            if (roles.getOrDefault(c, Set.of()).contains(role)) {
                return true;
            }
        }
        return false;
    }

    private static List<String> slogans(Node root, Map<Node, Set<Topic>> roles) {
        List<String> out = new ArrayList<>();
        for (Node section : topmost(root, roles, Topic.SLOGANS)) {
            for (Node n : section.descendants()) {
                String s = unquote(n.heading());
                if (!s.isEmpty() && !s.endsWith(":")) {
                    out.add(s);
                }
            }
        }
        return out;
    }

    private static String unquote(String text) {
        String t = text.trim();
        if (t.length() > 2 && (t.startsWith("“") && t.endsWith("”") || t.startsWith("\"") && t.endsWith("\""))) {
            t = t.substring(1, t.length() - 1).trim();
        }
        return t;
    }

    private static List<String> themes(Node root, Map<Node, Set<Topic>> roles) {
        List<String> found = new ArrayList<>();
        for (Node n : root.descendants()) {
            if (!n.labeled()) {
                continue;
            }
            boolean themeSection = under(n, roles, Topic.THEMES);
            String hf = n.headingFolded();
            Matcher q = hf.indexOf('“') >= 0 || hf.indexOf('"') >= 0 ? QUOTED_HEADING.matcher(hf) : null;
            if (q != null && q.find() && (under(n, roles, Topic.CONTENT) || under(n, roles, Topic.TIMELINE) || themeSection)) {
                found.add(n.heading().substring(q.start(1), q.end(1)));
            } else if (themeSection && !roles.containsKey(n)) {
                found.add(Strip.end(unquote(n.heading()), ";."));
            }
        }
        for (Node n : root.descendants()) {
            enumeratedThemes(n, found);
        }
        List<String> out = new ArrayList<>();
        for (String t : found) {
            String theme = Names.capitalize(t.trim());
            if (theme.length() < 3 || theme.length() > 300) {
                continue;
            }
            boolean dup = false;
            for (String o : out) {
                dup |= sameText(o, theme);
            }
            if (!dup) {
                out.add(theme);
            }
        }
        return out;
    }

    /** "… 03 chủ đề lớn: (1) Niềm tin mới …; (2) …; (3) …" and "với chủ đề “…”". */
    private static void enumeratedThemes(Node n, List<String> found) {
        String text = n.heading();
        String f = n.headingFolded();
        int at = Fold.findWord(f, "chu de", 0);
        if (at < 0) {
            return;
        }
        Matcher quoted = QUOTED.matcher(text);
        quoted.region(at, Math.min(text.length(), at + 80));
        if (quoted.find() && quoted.start() - at < 30) {
            found.add(quoted.group(1));
            return;
        }
        Matcher e = ENUMERATED.matcher(text);
        e.region(at, Math.min(text.length(), at + 600));
        List<int[]> marks = new ArrayList<>();
        while (e.find()) {
            marks.add(new int[] {e.start(), e.end()});
        }
        if (marks.size() < 2) {
            return;
        }
        for (int i = 0; i < marks.size(); i++) {
            int end = i + 1 < marks.size() ? marks.get(i + 1)[0] : sentenceEnd(text, marks.get(i)[1]);
            String item = TRAILING_AND.matcher(Strip.end(text.substring(marks.get(i)[1], end), " ;,."))
                    .replaceFirst("").trim();
            if (!item.isEmpty()) {
                found.add(item);
            }
        }
    }

    private static int sentenceEnd(String text, int from) {
        for (int i = from; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '(' && i > from + 10) {
                return i;
            }
        }
        return text.length();
    }

    /** Two texts that say the same thing: one's words nearly all among the other's. */
    static boolean sameText(String a, String b) {
        Set<String> wa = new HashSet<>(List.of(NON_WORD.split(Fold.of(a))));
        Set<String> wb = new HashSet<>(List.of(NON_WORD.split(Fold.of(b))));
        Set<String> small = wa.size() <= wb.size() ? wa : wb;
        Set<String> large = small == wa ? wb : wa;
        int common = 0;
        for (String w : small) {
            if (large.contains(w)) {
                common++;
            }
        }
        return !small.isEmpty() && common >= 0.8 * small.size();
    }

    // ---- assignments and their tasks

    private static void units(Node section, List<Assignment> out, List<ReportingDuty> reporting, Context ctx,
            int depth) {
        for (Node c : section.children) {
            if (out.size() >= MAX_ASSIGNMENTS) {
                return;
            }
            String[] heading = c.labeled() ? unitHeading(c) : null;
            if (c.labeled() && depth < 3 && groupsUnits(c)) {
                units(c, out, reporting, ctx, depth + 1);
            } else if (heading != null && (c.label.style().numbered() || !c.children.isEmpty()
                    || c.heading().indexOf(':') > 0)) {
                out.add(assignment(c, heading, reporting, ctx));
            } else if (c.labeled() && !c.labeledChildren().isEmpty() && depth < 3
                    && ownRoles(c).stream().noneMatch(r -> r == Topic.FUNDING)) {
                units(c, out, reporting, ctx, depth + 1);
            } else {
                String[] inline = inlineUnit(c.heading());
                if (inline != null) {
                    out.add(assignment(c, inline, reporting, ctx));
                } else if (!c.labeled() || !c.label.style().numbered()) {
                    reporting.addAll(reports(c.fullText(), null, ctx));
                }
            }
        }
    }

    /**
     * Whether a heading groups units ("1. Các cơ quan cấp huyện" over "a) Phòng Văn hóa …", "b) Phòng Nội vụ …")
     * rather than being a unit with its tasks: most of its numbered items name a body and read as headings.
     */
    private static boolean groupsUnits(Node c) {
        int items = 0;
        int units = 0;
        for (Node s : c.labeledChildren()) {
            items++;
            String h = s.heading();
            if (s.label.style().numbered()) {
                String name = h.indexOf(':') > 0 ? h.substring(0, h.indexOf(':')) : h;
                String nf = Fold.of(name);
                nf = nf.startsWith("de nghi ") ? nf.substring(8) : nf;
                if (Strip.words(name) <= 20 && !name.endsWith(".") && Names.startsWithOrgan(nf)
                        && !startsWithVerb(name)) {
                    units++;
                }
            } else if (inlineUnit(h) != null) {
                // "- Sở Nội vụ là cơ quan thường trực …", "- Ban Tổ chức Tỉnh ủy phối hợp …": each item its own unit
                units++;
            }
        }
        return items >= 2 && units * 2 > items;
    }

    /** The unit a heading names, and what follows it on the line ({unit, rest, requested?}), or null. */
    private static String[] unitHeading(Node c) {
        String h = c.heading().trim();
        String f = c.headingFolded();
        if (h.isEmpty() || f.startsWith("kinh phi") || f.startsWith("che do") || f.startsWith("thoi gian")
                || f.startsWith("tien do") || f.startsWith("phan cong") || f.startsWith("nhiem vu")
                || f.startsWith("to chuc thuc hien") || f.startsWith("khen thuong")) {
            return null;
        }
        boolean requested = f.startsWith("de nghi ");
        String name = requested ? h.substring(8).trim() : h;
        String rest = "";
        int colon = name.indexOf(':');
        if (colon > 0 && colon < 200) {
            rest = name.substring(colon + 1).trim();
            name = name.substring(0, colon).trim();
        }
        name = GIVEN_TO.matcher(Strip.end(name, " .;,")).replaceFirst("");
        String nf = Fold.of(name);
        int words = Strip.words(name);
        if (name.isEmpty() || words > 30 || !Character.isUpperCase(name.charAt(0))
                || startsWithVerb(name) && !Names.startsWithOrgan(nf)
                || h.endsWith(".") && rest.isEmpty() && words > 12) {
            return null;
        }
        return new String[] {name, rest, requested ? "requested" : ""};
    }

    private static boolean startsWithVerb(String text) {
        // the verbs have one or two words: look the first one or two up
        int first = text.indexOf(' ');
        int second = first < 0 ? -1 : text.indexOf(' ', first + 1);
        String one = (first < 0 ? text : text.substring(0, first)).toLowerCase(VI);
        one = one.isEmpty() || ",:;.".indexOf(one.charAt(one.length() - 1)) < 0 ? one : one.substring(0, one.length() - 1);
        if (VERB_SET.contains(one)) {
            return true;
        }
        if (first < 0) {
            return false;
        }
        String two = (second < 0 ? text : text.substring(0, second)).toLowerCase(VI);
        two = ",:;.".indexOf(two.charAt(two.length() - 1)) < 0 ? two : two.substring(0, two.length() - 1);
        return VERB_SET.contains(two);
    }

    /** Verbs that follow a unit's name in "Phòng Văn hóa chủ trì …", "Các cơ quan báo chí tăng cường …". */
    private static final List<String> UNIT_VERBS = List.of("chu tri", "phoi hop", "tham muu", "huong dan", "theo doi",
            "xay dung", "to chuc", "trien khai", "thuc hien", "chi dao", "tong hop", "cung cap", "dinh huong",
            "tuyen truyen", "bo tri", "dam bao", "bao dam", "kiem tra", "ra soat", "quan tam", "tiep tuc",
            "tang cuong", "day manh", "chu dong", "can cu", "la co quan thuong truc", "co trach nhiem",
            "chiu trach nhiem", "phat dong", "van dong", "mo chuyen muc", "dang tai", "bien soan");

    /** "Phòng Văn hóa: chủ trì …", "Giao Phòng Văn hóa chủ trì …" on an item of its own. */
    private static String[] inlineUnit(String text) {
        String f = Fold.of(text.length() > 400 ? text.substring(0, 400) : text);
        int colon = text.indexOf(':');
        if (colon > 0 && colon < 160) {
            String name = text.substring(0, colon).trim();
            String nf = Fold.of(name);
            boolean requested = nf.startsWith("de nghi ");
            if (requested) {
                name = name.substring(8).trim();
                nf = Fold.of(name);
            }
            if (!name.isEmpty() && Character.isUpperCase(name.charAt(0)) && Names.startsWithOrgan(nf)
                    && Strip.words(name) <= 20) {
                return new String[] {name, text.substring(colon + 1).trim(), requested ? "requested" : ""};
            }
        }
        boolean requested = f.startsWith("de nghi ");
        int start = requested ? 8 : f.startsWith("giao ") ? 5 : 0;
        // the first verb in lower case ends the name ("Ban Tổ chức Huyện ủy phối hợp": "Tổ chức" is the name's)
        int best = -1;
        for (String v : UNIT_VERBS) {
            int at = Fold.findWord(f, v, start + 3);
            while (at >= 0 && !Character.isLowerCase(text.charAt(at))) {
                at = Fold.findWord(f, v, at + 1);
            }
            if (at >= 0 && at < start + 160 && (best < 0 || at < best)) {
                best = at;
            }
        }
        if (best < 0) {
            return null;
        }
        String name = Strip.end(text.substring(start, best), " ,").trim();
        if (!name.isEmpty() && Character.isUpperCase(name.charAt(0)) && Names.startsWithOrgan(Fold.of(name))
                && Strip.words(name) >= 2 && Strip.words(name) <= 20
                && (f.startsWith("cac ") || commasJoinNames(name))) {
            return new String[] {name, text.substring(best).trim(), requested ? "requested" : ""};
        }
        return null;
    }

    /** "Sở Văn hóa, Thể thao và Du lịch": every comma in a name is followed by a capital. */
    private static boolean commasJoinNames(String name) {
        for (int i = name.indexOf(','); i >= 0; i = name.indexOf(',', i + 1)) {
            if (i + 2 >= name.length() || !Character.isUpperCase(name.charAt(i + 2))) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern STANDING_MARK = Pattern.compile("\\s*\\((?iu)cơ quan thường trực\\)\\s*");

    private static Assignment assignment(Node c, String[] unit, List<ReportingDuty> reporting, Context ctx) {
        String name = unit[0];
        boolean markedStanding = STANDING_MARK.matcher(name).find();
        name = STANDING_MARK.matcher(name).replaceAll(" ").trim();
        vn.lantoa.planformat.Role role = unit[2].isEmpty() ? vn.lantoa.planformat.Role.LEAD : vn.lantoa.planformat.Role.REQUESTED;
        List<String> texts = new ArrayList<>();
        if (!unit[1].isEmpty()) {
            texts.add(unit[1]);
        }
        for (Node t : c.children) {
            texts.add(t.fullText());
        }
        List<Task> tasks = new ArrayList<>();
        int year = 0;
        for (String text : texts) {
            String f = Fold.of(text.length() > 10_000 ? text.substring(0, 10_000) : text);
            int y = Dates.yearIn(f);
            year = y > 0 ? y : year;
            if (Fold.hasWord(f, "la co quan thuong truc") || Fold.hasWord(f, "lam co quan thuong truc")) {
                role = vn.lantoa.planformat.Role.STANDING;
            }
            tasks.add(new Task(text, due(text, f, year, ctx), taskKind(f)));
            // f is the folded text when the text is shorter than either cut
            reporting.addAll(reports(text, text.length() <= 10_000 ? f : null, name, ctx));
        }
        if (markedStanding || Fold.hasWord(Fold.of(c.heading()), "co quan thuong truc")) {
            role = vn.lantoa.planformat.Role.STANDING;
        }
        return new Assignment(name, role, tasks);
    }

    /** The task's deadline; {@code folded} is the first 10,000 characters of the text folded. */
    private static TimeRef due(String text, String folded, int year, Context ctx) {
        if (text.length() > 10_000) {
            text = text.substring(0, 10_000); // a deadline is stated in a task's first lines
        }
        int contextYear = year > 0 ? year : ctx.issuedOn() == null ? 0 : ctx.issuedOn().getYear();
        TimeClauses.Due d = TimeClauses.due(text, folded, ctx.events(), contextYear);
        if (d == null) {
            return null;
        }
        if (d.inferredYear() && year == 0) {
            ctx.warnings().add(WarningCode.INFERRED_YEAR.at(quote(text), d.printed(), String.valueOf(contextYear)));
        }
        return d.time();
    }

    static TaskKind taskKind(String f) {
        if (f.startsWith("phoi hop")) {
            return TaskKind.COORDINATE;
        }
        // the pattern ends in "kế hoạch" or "chương trình" within the first 160 characters: most tasks have neither
        int limit = Math.min(f.length(), 160);
        int plan = f.indexOf("ke hoach");
        int programme = f.indexOf("chuong trinh");
        if (plan >= 0 && plan + 8 <= limit || programme >= 0 && programme + 12 <= limit) {
            Matcher m = PLAN_TASK.matcher(f);
            m.region(0, limit);
            if (m.find() && m.start() < 120) {
                return TaskKind.PLAN;
            }
        }
        if (f.startsWith("bao cao") || f.startsWith("tong hop") && f.indexOf("bao cao") < 60 && f.contains("bao cao")
                || f.startsWith("dinh ky") && f.contains("bao cao")
                || f.startsWith("thuong xuyen bao cao")) {
            return TaskKind.REPORT;
        }
        return TaskKind.ACTIVITY;
    }

    /** "Giao Phòng Văn hóa - Xã hội là cơ quan thường trực …" anywhere makes that unit the standing body. */
    private static void standing(List<Line> lines, List<Assignment> assignments) {
        for (Line line : lines) {
            if (!line.folded.contains("thuong truc")) {
                continue;
            }
            Matcher m = STANDING.matcher(line.folded);
            if (!m.find()) {
                continue;
            }
            String named = line.text.substring(m.start(1), m.end(1)).replaceFirst("^(?iu)(giao|đề nghị)\\s+", "");
            for (int i = 0; i < assignments.size(); i++) {
                Assignment a = assignments.get(i);
                if (a.role() != vn.lantoa.planformat.Role.STANDING && sameText(a.unit(), named)
                        && Math.abs(a.unit().length() - named.length()) < 30) {
                    assignments.set(i, new Assignment(a.unit(), vn.lantoa.planformat.Role.STANDING, a.tasks()));
                }
            }
        }
    }

    // ---- reporting duties

    /** The reporting duties a text states, sentence by sentence. */
    static List<ReportingDuty> reports(String text, String from, Context ctx) {
        return reports(text, null, from, ctx);
    }

    /** {@code folded}: the text folded, when the caller has it (null otherwise). */
    private static List<ReportingDuty> reports(String text, String folded, String from, Context ctx) {
        List<ReportingDuty> out = new ArrayList<>();
        if (text.length() > 20_000) {
            text = text.substring(0, 20_000);
            folded = null;
        }
        String f0 = folded != null ? folded : Fold.of(text);
        if (!f0.contains("bao cao") && !f0.contains("bao dinh ky")) {
            return out;
        }
        int blockYear = Dates.yearIn(f0);
        String previousTo = null;
        for (String sentence : SENTENCE.split(text)) {
            String f = Fold.of(sentence);
            int b = f.indexOf("bao cao");
            if (b < 0) {
                b = f.indexOf("bao dinh ky");
            }
            if (b < 0) {
                continue;
            }
            String to = organAfter(sentence, f, REPORT_TO, b);
            String via = organAfter(sentence, f, VIA, 0);
            int year = Dates.yearIn(f);
            year = year > 0 ? year : blockYear;
            List<TimeRef> due = new ArrayList<>();
            int dueFrom = firstOf(f, b, "truoc", "vao ngay", "cham nhat", "han");
            if (dueFrom >= 0) {
                Matcher full = Dates.DMY.matcher(f);
                full.region(dueFrom, f.length());
                int listed = dueFrom;
                while (full.find()) {
                    int y = Integer.parseInt(full.group(3));
                    // "trước ngày 15/3, 15/6, 15/9 và 15/12/2026": the days listed before a date share its year
                    for (int[] dm : Dates.dayMonths(f, listed, full.start())) {
                        if (LISTED.matcher(f.substring(dm[3], full.start())).matches()) {
                            LocalDate d = Dates.date(dm[0], dm[1], y);
                            if (d != null) {
                                due.add(TimeRef.day(d));
                            }
                        }
                    }
                    listed = full.end();
                    LocalDate d = Dates.date(Integer.parseInt(full.group(1)), Integer.parseInt(full.group(2)), y);
                    if (d != null) {
                        due.add(TimeRef.day(d));
                    }
                }
                if (due.isEmpty()) {
                    int y = year > 0 ? year : ctx.issuedOn() == null ? 0 : ctx.issuedOn().getYear();
                    List<int[]> dms = Dates.dayMonths(f, dueFrom, f.length());
                    if (y > 0) {
                        for (int[] dm : dms) {
                            LocalDate d = Dates.date(dm[0], dm[1], y);
                            if (d != null) {
                                due.add(TimeRef.day(d));
                            }
                        }
                        if (!dms.isEmpty() && year == 0) {
                            ctx.warnings().add(WarningCode.INFERRED_YEAR.at(quote(sentence),
                                    sentence.substring(dms.get(0)[2], dms.get(0)[3]), String.valueOf(y)));
                        }
                    }
                }
            }
            vn.lantoa.planformat.Frequency frequency = frequency(f, due);
            String reporter = from != null ? from : subjectBefore(sentence, f, b);
            if (to == null && previousTo != null && (!due.isEmpty() || frequency != null)) {
                to = previousTo;
            }
            if (to == null && due.isEmpty() && (frequency == null || frequency == vn.lantoa.planformat.Frequency.ONCE)) {
                continue;
            }
            previousTo = to != null ? to : previousTo;
            out.add(new ReportingDuty(reporter, to, via, frequency, due));
        }
        return out;
    }

    /** What may stand between days of one list: "15/3, 15/6, 15/9 và 15/12/2026". */
    private static final Pattern LISTED = Pattern.compile("(?:[\\s,;/\\d]|\\bva\\b|\\bngay\\b)*");

    /** Words between a sentence's subject and its verb "báo cáo": "Các chi bộ định kỳ báo cáo …". */
    private static final Pattern BEFORE_VERB = Pattern.compile("\\s(?:co trach nhiem|chiu trach nhiem|dinh ky|thuong xuyen"
            + "|hang thang|hang quy|hang nam|tong hop|kip thoi|chu dong|thuc hien|gui)\\b");

    /**
     * Who reports, when the sentence names them before its verb and no heading did: "Các chi bộ, Ủy ban Mặt trận Tổ
     * quốc và các đoàn thể phường báo cáo kết quả về …" → "Các chi bộ, Ủy ban Mặt trận Tổ quốc và các đoàn thể
     * phường". Null when the sentence opens otherwise ("Định kỳ …", "Báo cáo …", a clause).
     */
    private static String subjectBefore(String sentence, String f, int verb) {
        if (verb <= 0 || verb > 200 || !Character.isUpperCase(sentence.charAt(0))) {
            return null;
        }
        int end = verb;
        Matcher m = BEFORE_VERB.matcher(f);
        m.region(0, verb);
        if (m.find()) {
            end = m.start();
        }
        String subject = Strip.end(sentence.substring(0, end), " ,;-–").trim();
        if (subject.isEmpty() || !Character.isUpperCase(subject.charAt(0)) || subject.split(" ").length > 20
                || subject.indexOf('.') >= 0 || subject.indexOf(':') >= 0 || subject.indexOf('(') >= 0) {
            return null;
        }
        return Names.startsWithOrgan(Fold.of(subject)) ? subject : null;
    }

    private static int firstOf(String f, int from, String... words) {
        int best = -1;
        for (String w : words) {
            int at = Fold.findWord(f, w, from);
            if (at >= 0 && (best < 0 || at < best)) {
                best = at;
            }
        }
        return best;
    }

    /** The body named after one of the pattern's words, from {@code from} on: it starts with a capital. */
    private static String organAfter(String text, String f, Pattern words, int from) {
        Matcher m = words.matcher(f);
        m.region(from, f.length());
        while (m.find()) {
            int start = m.end();
            if (start >= text.length() || !Character.isUpperCase(text.charAt(start))) {
                continue;
            }
            Matcher end = ORG_END.matcher(f);
            end.region(start, Math.min(f.length(), start + 120));
            int stop = end.find() ? end.start() : Math.min(f.length(), start + 120);
            String org = text.substring(start, stop).trim();
            if (Strip.words(org) >= 2 && Names.startsWithOrgan(Fold.of(org))) {
                return org;
            }
        }
        return null;
    }

    private static vn.lantoa.planformat.Frequency frequency(String f, List<TimeRef> due) {
        if (Fold.hasWord(f, "hang thang") || Fold.hasWord(f, "moi thang")) {
            return vn.lantoa.planformat.Frequency.MONTHLY;
        }
        if (Fold.hasWord(f, "hang quy") || Fold.hasWord(f, "moi quy") || Fold.hasWord(f, "dinh ky quy")) {
            return vn.lantoa.planformat.Frequency.QUARTERLY;
        }
        if (Fold.hasWord(f, "6 thang") || Fold.hasWord(f, "sau thang") || Fold.hasWord(f, "nua nam")) {
            return vn.lantoa.planformat.Frequency.HALF_YEARLY;
        }
        if (Fold.hasWord(f, "hang nam") || Fold.hasWord(f, "moi nam")) {
            return vn.lantoa.planformat.Frequency.YEARLY;
        }
        if (Fold.hasWord(f, "dot xuat") && !Fold.hasWord(f, "dinh ky")) {
            return vn.lantoa.planformat.Frequency.AD_HOC;
        }
        if (due.size() >= 2) {
            List<LocalDate> days = new ArrayList<>();
            for (TimeRef t : due) {
                days.add(((TimeRef.Day) t).date());
            }
            days.sort(null);
            long months = java.time.temporal.ChronoUnit.MONTHS.between(days.get(0).withDayOfMonth(1),
                    days.get(days.size() - 1).withDayOfMonth(1)) / (days.size() - 1);
            return months <= 1 ? vn.lantoa.planformat.Frequency.MONTHLY
                    : months <= 4 ? vn.lantoa.planformat.Frequency.QUARTERLY
                    : months <= 7 ? vn.lantoa.planformat.Frequency.HALF_YEARLY
                    : vn.lantoa.planformat.Frequency.YEARLY;
        }
        if (Fold.hasWord(f, "thuong xuyen") || Fold.hasWord(f, "dinh ky")) {
            return vn.lantoa.planformat.Frequency.REGULAR;
        }
        return due.size() == 1 ? vn.lantoa.planformat.Frequency.ONCE : null;
    }

    /** "Yêu cầu các cơ quan … tổ chức triển khai …" → who is asked. */
    private static String subjectOfRequest(Line line) {
        Matcher m = REQUEST.matcher(line.folded);
        if (!m.find()) {
            return null;
        }
        int start = m.end();
        Matcher end = REQUEST_VERB.matcher(line.folded);
        end.region(start, Math.min(line.folded.length(), start + 200));
        if (!end.find()) {
            return null;
        }
        String s = line.text.substring(start, end.start()).trim();
        return s.isEmpty() ? null : s;
    }

    // ---- the acting body

    private static final Pattern ACTS = Pattern.compile(
            "\\b(xay dung|ban hanh|trien khai|thong nhat ban hanh)\\s{1,3}(?:va\\s{1,3}(?:ban hanh|trien khai)\\s{1,3})?(ke hoach|chuong trinh)\\b");

    /** "…, Ban Thường vụ Thành ủy ban hành kế hoạch …" → "Ban Thường vụ Thành ủy". */
    private static String actingBody(List<Line> opening) {
        for (Line line : opening) {
            Matcher m = ACTS.matcher(line.folded);
            m.region(0, Math.min(line.folded.length(), 5_000));
            while (m.find()) {
                int at = m.start();
                int start = at;
                while (start > 0 && ",;.:".indexOf(line.text.charAt(start - 1)) < 0) {
                    start--;
                }
                String subject = line.text.substring(start, at).replaceFirst("^[-•\\s]+", "").trim();
                if (!subject.isEmpty() && Character.isUpperCase(subject.charAt(0)) && subject.split(" ").length <= 14
                        && Names.startsWithOrgan(Fold.of(subject))) {
                    return subject;
                }
            }
        }
        return null;
    }

    private static final Pattern CLOSING_OF = Pattern.compile("\\scua\\s");

    /** "Trên đây là Kế hoạch … của Ban Thường vụ Đảng ủy Khối cơ quan và doanh nghiệp tỉnh." */
    private static String closingBody(List<Line> closing) {
        for (Line line : closing) {
            if (!line.folded.startsWith("tren day")) {
                continue;
            }
            int end = line.text.indexOf(". ");
            end = end < 0 ? line.text.length() : end;
            String f = line.folded.substring(0, end);
            Matcher m = CLOSING_OF.matcher(f);
            int last = -1;
            while (m.find()) {
                last = m.end();
            }
            if (last < 0) {
                continue;
            }
            String body = Strip.end(line.text.substring(last, end), " ./").trim();
            if (body.split(" ").length >= 2 && Character.isUpperCase(body.charAt(0))
                    && Names.startsWithOrgan(Fold.of(body)) && !Fold.of(body).equals("dang")) {
                return body;
            }
        }
        return null;
    }

    private static String quote(String text) {
        return "“" + (text.length() > 70 ? text.substring(0, 67).trim() + "…" : text) + "”";
    }

    // ---- documents cited

    /** Bases and citations, each symbol once, with the first date given and a warning when another is. */
    private static final class Refs {
        private final String own;
        private final List<Warning> warnings;
        private final Map<String, DocumentRef> bases = new LinkedHashMap<>();
        private final Map<String, DocumentRef> citations = new LinkedHashMap<>();
        private final Set<String> dateWarned = new HashSet<>();
        private final Set<String> repairWarned = new HashSet<>();

        Refs(String own, List<Warning> warnings) {
            this.own = own == null ? null : key(own);
            this.warnings = warnings;
        }

        static String key(String symbol) {
            return Strip.spaces(symbol).replace(" ", "").toUpperCase(Locale.ROOT).replace('Đ', 'D');
        }

        void add(Line line, boolean basis) {
            for (Symbols.Cited c : Symbols.scan(line)) {
                String symbol = c.symbol().normalized();
                String k = key(symbol);
                if (k.equals(own)) {
                    continue;
                }
                if (c.symbol().repaired() && repairWarned.add(k)) {
                    warnings.add(WarningCode.SYMBOL_REPAIRED.at(line.quote(), c.symbol().printed(), symbol));
                }
                DocumentRef known = bases.containsKey(k) ? bases.get(k) : citations.get(k);
                if (known == null) {
                    DocumentRef ref = new DocumentRef(c.kind(), symbol, c.issuedOn(), c.issuer());
                    (basis ? bases : citations).put(k, ref);
                    continue;
                }
                if (c.issuedOn() != null && known.issuedOn() != null && !c.issuedOn().equals(known.issuedOn())) {
                    if (dateWarned.add(k)) {
                        warnings.add(WarningCode.INCONSISTENT_CITATION_DATE.at(line.quote(), symbol,
                                show(known.issuedOn()), show(c.issuedOn())));
                    }
                } else if (known.issuedOn() == null && c.issuedOn() != null || known.issuer() == null
                        && c.issuer() != null) {
                    DocumentRef better = new DocumentRef(known.kind(), known.symbol(),
                            known.issuedOn() != null ? known.issuedOn() : c.issuedOn(),
                            known.issuer() != null ? known.issuer() : c.issuer());
                    (bases.containsKey(k) ? bases : citations).put(k, better);
                }
            }
        }

        private static String show(LocalDate d) {
            return d.getDayOfMonth() + "/" + d.getMonthValue() + "/" + d.getYear();
        }

        List<DocumentRef> bases() {
            return new ArrayList<>(bases.values());
        }

        List<DocumentRef> citations() {
            return new ArrayList<>(citations.values());
        }
    }
}
