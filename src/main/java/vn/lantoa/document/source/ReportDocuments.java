package vn.lantoa.document.source;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import vn.lantoa.document.ReportDocument;
import vn.lantoa.document.ReportDocument.Figures;
import vn.lantoa.document.ReportDocument.Section;
import vn.lantoa.document.layout.Words;
import vn.lantoa.organization.Unit;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.Report;

/**
 * A unit's report (BÁO CÁO) or its consolidation (báo cáo tổng hợp) as the document it signs and sends up: "Kính
 * gửi:" the receiving body (the unit's parent), the figures per channel and indicator as the report holds them, for
 * a unit with child units the activities per child unit, the free-text sections (results, shortcomings, proposals),
 * and the signature area of the unit's kind, in the form (Party or State) of the unit's system.
 */
public final class ReportDocuments {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    /** At most this many channels get their own column in the per-unit table; the rest go to "Khác". */
    private static final int CHANNEL_COLUMNS = 5;

    private final Issuers issuers;

    public ReportDocuments(Issuers issuers) {
        this.issuers = issuers;
    }

    /**
     * A unit's report on a plan for a period.
     *
     * @param report        the report as the reporting module answers it
     * @param plan          the plan it reports on
     * @param consolidation the unit's consolidation for the same plan and period (its children's figures), or null
     * @param today         the date of a report not submitted yet
     */
    public ReportDocument report(Report report, Plan plan, Consolidation consolidation, LocalDate today) {
        Unit unit = unit(report.unitId());
        List<Section> sections = new ArrayList<>();
        int[] table = {0};
        List<String> results = new ArrayList<>(paragraphs(report.results()));
        List<Figures> tables = new ArrayList<>();
        tables.add(channelTable(++table[0], report.figures()));
        List<Report.ChildReport> children = report.children();
        if (!children.isEmpty()) {
            tables.add(unitTable(++table[0], unit, children, consolidation, false));
        }
        List<Section> subsections = new ArrayList<>();
        if (!report.notable().isEmpty()) {
            subsections.add(new Section(Words.get("report.section.notable"), report.notable().stream()
                    .map(n -> "- " + Words.get("report.notable", n.title(), n.startsOn() == null ? "" : DAY.format(
                            n.startsOn()), n.place() == null ? "" : n.place()).replace(", )", ")")).toList(),
                    List.of(), List.of()));
        }
        if (!children.isEmpty()) {
            subsections.add(new Section(Words.get("report.section.units"), childStatus(children, consolidation),
                    List.of(), List.of()));
        }
        sections.add(new Section(Words.get("report.section.results"), results, tables, subsections));
        sections.add(new Section(Words.get("report.section.shortcomings"), paragraphs(report.shortcomings()),
                List.of(), List.of()));
        sections.add(new Section(Words.get("report.section.proposals"), paragraphs(report.proposals()), List.of(),
                List.of()));
        LocalDate on = report.submittedAt() == null ? today : LocalDate.ofInstant(report.submittedAt(), VIETNAM);
        return document(unit, report.receiverUnitId(), plan, report.periodLabel(), on, false, sections);
    }

    /**
     * The consolidation of a unit's subtree for a plan and a period: the figures recorded, accepted, not yet
     * reported; the activities per child unit; who has not reported or reported late; and the unit's own report's
     * texts.
     */
    public ReportDocument consolidation(Consolidation c, Plan plan, LocalDate today) {
        Unit unit = unit(c.unitId());
        Report own = c.ownReport();
        List<Figures> tables = new ArrayList<>();
        tables.add(consolidatedTable(1, c));
        List<Report.ChildReport> children = c.children().stream().map(Consolidation.Child::report).toList();
        if (!c.children().isEmpty()) {
            tables.add(unitTable(2, unit, children, c, true));
        }
        List<Section> subsections = new ArrayList<>();
        if (!c.children().isEmpty()) {
            subsections.add(new Section(Words.get("report.section.units"), childStatus(children, c), List.of(),
                    List.of()));
        }
        List<Section> sections = new ArrayList<>();
        sections.add(new Section(Words.get("report.section.results"), paragraphs(own == null ? null : own.results()),
                tables, subsections));
        sections.add(new Section(Words.get("report.section.shortcomings"), paragraphs(own == null ? null
                : own.shortcomings()), List.of(), List.of()));
        sections.add(new Section(Words.get("report.section.proposals"), paragraphs(own == null ? null
                : own.proposals()), List.of(), List.of()));
        LocalDate on = own == null || own.submittedAt() == null ? today
                : LocalDate.ofInstant(own.submittedAt(), VIETNAM);
        Long receiver = own == null ? unit.parentId() : own.receiverUnitId();
        return document(unit, receiver, plan, c.period().labelWithDays(), on, true, sections);
    }

    // ------------------------------------------------------------------------------------------------- the parts

    private ReportDocument document(Unit unit, Long receiverId, Plan plan, String periodLabel, LocalDate on,
            boolean consolidated, List<Section> sections) {
        DocumentSystem system = Issuers.system(unit);
        String code = Issuers.draftingUnit(unit);
        String symbol = code == null ? null : system == DocumentSystem.PARTY ? "-BC/" + code : "/BC-" + code;
        String planKind = Words.kindName(plan.document().kind() == null ? "KH" : plan.document().kind());
        String planTitle = plan.document().title() == null ? "" : plan.document().title();
        String period = lowerFirst(periodLabel);
        String title = Words.get(consolidated ? "report.title.consolidated" : "report.title",
                planKind.toLowerCase(Locale.ROOT), planTitle, shortPeriod(period)).replace("  ", " ");
        Signer signer = Issuers.signer(unit);
        DocumentHeader header = new DocumentHeader("BC", null, symbol, system, on, Issuers.place(unit), unit.name(),
                title, signer);
        List<String> to = new ArrayList<>();
        if (receiverId != null) {
            issuers.unit(receiverId).ifPresent(r -> to.add(r.name()));
        }
        String opening = Words.get(consolidated ? "report.opening.consolidated" : "report.opening", planRef(plan),
                unit.name(), period);
        List<String> recipients = new ArrayList<>();
        if (!to.isEmpty()) {
            recipients.add(Words.get("report.recipient.above"));
        }
        return new ReportDocument(header, issuers.governingBody(unit), to, List.of(opening), sections, recipients,
                code);
    }

    /** "Kế hoạch số 77-KH/TU ngày 20/12/2024 của Ban Thường vụ Tỉnh ủy". */
    private static String planRef(Plan plan) {
        DocumentHeader d = plan.document();
        String kind = Words.kindName(d.kind() == null ? "KH" : d.kind());
        if (d.symbol() == null) {
            return kind + " " + (d.title() == null ? "" : d.title());
        }
        return Words.get("report.planRef", kind, d.symbol(), d.issuedOn() == null ? "" : DAY.format(d.issuedOn()),
                d.issuer() == null ? "" : d.issuer()).replace(" ngày  của", " của").replaceAll(" của $", "");
    }

    /** The figures of a report per channel: the count of activities on the channel's row, its indicators below. */
    private static Figures channelTable(int n, List<Report.Figure> figures) {
        List<List<String>> rows = new ArrayList<>();
        for (Report.Figure f : ordered(figures, Report.Figure::channel, Report.Figure::indicator)) {
            rows.add(List.of(label(f.channel(), f.indicator(), f.name(), f.unitLabel()), number(f.quantity()),
                    number(f.own()), number(f.fromReports())));
        }
        return new Figures(Words.get("report.table.channels", n), List.of(Words.get("report.col.channel"),
                Words.get("report.col.total"), Words.get("report.col.own"), Words.get("report.col.fromReports")),
                rows, List.of());
    }

    /** A consolidation's figures: recorded in the subtree, the unit's own, accepted from reports, not yet reported. */
    private static Figures consolidatedTable(int n, Consolidation c) {
        Map<String, Consolidation.Line> keys = new TreeMap<>();
        Map<String, long[]> q = new LinkedHashMap<>();
        List<List<Consolidation.Line>> columns = List.of(c.live(), c.own(), c.accepted(), c.notYetReported());
        for (int i = 0; i < columns.size(); i++) {
            for (Consolidation.Line l : columns.get(i)) {
                String key = l.channel() + "/" + l.indicator();
                keys.putIfAbsent(key, l);
                q.computeIfAbsent(key, k -> new long[4])[i] += l.quantity();
            }
        }
        List<List<String>> rows = new ArrayList<>();
        for (Consolidation.Line l : ordered(List.copyOf(keys.values()), Consolidation.Line::channel,
                Consolidation.Line::indicator)) {
            long[] v = q.get(l.channel() + "/" + l.indicator());
            rows.add(List.of(label(l.channel(), l.indicator(), l.name(), l.unitLabel()), number(v[0]), number(v[1]),
                    number(v[2]), number(v[3])));
        }
        return new Figures(Words.get("report.table.channels", n), List.of(Words.get("report.col.channel"),
                Words.get("report.col.live"), Words.get("report.col.own"), Words.get("report.col.accepted"),
                Words.get("report.col.notYet")), rows, List.of());
    }

    /**
     * Activities per child unit and channel: for a report, from the children's accepted reports (what the report's
     * figures add up); for a consolidation, recorded in each child's subtree. The unit's own row and a total close it.
     */
    private Figures unitTable(int n, Unit unit, List<Report.ChildReport> children, Consolidation c, boolean live) {
        Map<Long, Map<String, Long>> perChild = new LinkedHashMap<>();
        Map<String, Long> channelTotals = new TreeMap<>();
        if (c != null) {
            for (Consolidation.Child child : c.children()) {
                Map<String, Long> m = new TreeMap<>();
                for (Consolidation.Line l : live ? child.live() : child.accepted()) {
                    if (l.indicator().isEmpty()) {
                        m.merge(l.channel(), l.quantity(), Long::sum);
                        channelTotals.merge(l.channel(), l.quantity(), Long::sum);
                    }
                }
                perChild.put(child.unitId(), m);
            }
        }
        Map<String, Long> own = new TreeMap<>();
        if (c != null) {
            for (Consolidation.Line l : c.own()) {
                if (l.indicator().isEmpty()) {
                    own.merge(l.channel(), l.quantity(), Long::sum);
                    channelTotals.merge(l.channel(), l.quantity(), Long::sum);
                }
            }
        }
        List<String> channels = new ArrayList<>(channelTotals.keySet());
        channels.sort((a, b) -> Long.compare(channelTotals.get(b), channelTotals.get(a)));
        boolean others = channels.size() > CHANNEL_COLUMNS;
        List<String> shown = others ? List.copyOf(channels.subList(0, CHANNEL_COLUMNS - 1)) : channels;
        List<String> columns = new ArrayList<>(List.of(Words.get("report.col.unit"), Words.get("report.col.status")));
        shown.forEach(ch -> columns.add(channelName(ch)));
        if (others) {
            columns.add(Words.get("report.col.others"));
        }
        columns.add(Words.get("report.col.total"));
        List<List<String>> rows = new ArrayList<>();
        long[] total = new long[shown.size() + 2];
        for (Report.ChildReport child : children) {
            rows.add(unitRow(child.unitName(), child.completionWords(), perChild.getOrDefault(child.unitId(), Map.of()),
                    shown, others, total));
        }
        if (!own.isEmpty()) {
            rows.add(unitRow(Words.get("report.ownRow", unit.name()), "", own, shown, others, total));
        }
        List<String> totalRow = new ArrayList<>(List.of(Words.get("report.total"), ""));
        for (int i = 0; i < shown.size() + (others ? 1 : 0); i++) {
            totalRow.add(number(total[i]));
        }
        totalRow.add(number(total[total.length - 1]));
        return new Figures(Words.get("report.table.units", n), columns, rows, c == null ? List.of() : totalRow);
    }

    private static List<String> unitRow(String name, String status, Map<String, Long> counts, List<String> shown,
            boolean others, long[] total) {
        List<String> row = new ArrayList<>(List.of(name, status == null ? "" : status));
        long sum = 0;
        for (int i = 0; i < shown.size(); i++) {
            long v = counts.getOrDefault(shown.get(i), 0L);
            row.add(number(v));
            total[i] += v;
            sum += v;
        }
        if (others) {
            long rest = 0;
            for (Map.Entry<String, Long> e : counts.entrySet()) {
                if (!shown.contains(e.getKey())) {
                    rest += e.getValue();
                }
            }
            row.add(number(rest));
            total[shown.size()] += rest;
            sum += rest;
        }
        row.add(number(sum));
        total[total.length - 1] += sum;
        return row;
    }

    /** "Chưa gửi báo cáo: …", "Gửi báo cáo chậm: …", or that every child unit has reported. */
    private static List<String> childStatus(List<Report.ChildReport> children, Consolidation c) {
        List<String> missing = new ArrayList<>();
        List<String> late = new ArrayList<>();
        for (Report.ChildReport r : children) {
            boolean sent = r.status() == Report.Status.SUBMITTED || r.status() == Report.Status.ACCEPTED;
            if (c != null ? c.notReported().contains(r.unitId()) : !sent) {
                missing.add(r.unitName());
            }
            if (c != null ? c.late().contains(r.unitId()) : Boolean.FALSE.equals(r.onTime())) {
                late.add(r.unitName());
            }
        }
        List<String> lines = new ArrayList<>();
        if (!missing.isEmpty()) {
            lines.add(Words.get("report.notReported", String.join(", ", missing)));
        }
        if (!late.isEmpty()) {
            lines.add(Words.get("report.late", String.join(", ", late)));
        }
        if (lines.isEmpty()) {
            lines.add(Words.get("report.allReported"));
        }
        return lines;
    }

    // ------------------------------------------------------------------------------------------------- helpers

    private Unit unit(long id) {
        return issuers.unit(id).orElseThrow(() -> new IllegalStateException("unit " + id + " not found"));
    }

    /** Channels in a fixed order, on each channel the activity count ("" indicator) first, then its indicators. */
    private static <T> List<T> ordered(List<T> items, java.util.function.Function<T, String> channel,
            java.util.function.Function<T, String> indicator) {
        List<T> sorted = new ArrayList<>(items);
        sorted.sort(java.util.Comparator.comparing(channel).thenComparing(indicator));
        return sorted;
    }

    private static String label(String channel, String indicator, String name, String unitLabel) {
        if (indicator == null || indicator.isEmpty()) {
            return channelName(channel);
        }
        return Words.get("report.indicator", name, unitLabel == null || unitLabel.isBlank() ? "-" : unitLabel)
                .replace(" (-)", "");
    }

    static String channelName(String channel) {
        String name = Words.get("channel." + channel);
        return name == null ? channel : name;
    }

    /** Figures as Vietnamese documents print them: 12.345. */
    public static String number(long value) {
        String digits = Long.toString(Math.abs(value));
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && (digits.length() - i) % 3 == 0) {
                b.append('.');
            }
            b.append(digits.charAt(i));
        }
        return (value < 0 ? "-" : "") + b;
    }

    /** A text's paragraphs (one per line), or "…" to fill in. */
    private static List<String> paragraphs(String text) {
        if (text == null || text.isBlank()) {
            return List.of(Words.get("report.empty"));
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    /** "quý I/2025 (15/12/2024 – 14/03/2025)" → "quý I/2025" for the title. */
    private static String shortPeriod(String label) {
        int paren = label.indexOf(" (");
        return paren < 0 ? label : label.substring(0, paren);
    }

    private static String lowerFirst(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        return text.substring(0, 1).toLowerCase(new Locale("vi")) + text.substring(1);
    }
}
