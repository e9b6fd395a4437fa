package vn.lantoa.document;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.lantoa.LanToaApplication;
import vn.lantoa.cascade.NationalTree;
import vn.lantoa.document.source.Issuers;
import vn.lantoa.document.source.ReportDocuments;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.PeriodKind;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportingPeriod;

/**
 * W10's consolidated reports over the synthetic national tree of the cascade module ({@link NationalTree}: 34
 * provinces, 3,321 communes, ~60,000 units, generated once in an in-memory H2 by the application itself): the
 * consolidation of each province (a row per commune) and of each commune of the first province (a row per unit
 * below it), as the reporting module answers them ({@link Consolidation}, figures per channel and indicator, per
 * child unit, with statuses), mapped by {@link ReportDocuments} and rendered. The tree's units are read once into
 * memory, so the benchmark times the mapping and the rendering, not the database.
 */
@State(Scope.Benchmark)
public class NationalReports {

    private static final String[] CHANNELS = {"oral", "visual", "mass_media", "social_media", "culture_sports",
        "contest", "exhibition"};

    final List<Consolidation> consolidations = new ArrayList<>();
    ReportDocuments documents;
    Plan plan;
    private ConfigurableApplicationContext context;

    @Setup(Level.Trial)
    public void setUp() {
        context = new SpringApplicationBuilder(LanToaApplication.class).web(WebApplicationType.NONE)
                .profiles("test").logStartupInfo(false).run("--logging.level.root=WARN");
        long started = System.nanoTime();
        NationalTree.Tree tree = context.getBean(NationalTree.class).generate(NationalTree.Settings.national("W10"));
        Units units = context.getBean(Units.class);
        Map<Long, Unit> byId = new HashMap<>();
        ReportingPeriod q1 = new ReportingPeriod("2026-Q1", PeriodKind.QUARTER, LocalDate.of(2025, 12, 15),
                LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 20));
        List<Long> parents = new ArrayList<>(tree.provinces());
        parents.addAll(tree.communes().get(0));
        int n = 0;
        for (long id : parents) {
            Unit unit = units.get(id);
            byId.put(id, unit);
            units.ancestors(id).forEach(a -> byId.put(a.id(), a));
            List<Unit> children = tree.provinces().contains(id)
                    ? tree.communes().get(tree.provinces().indexOf(id)).stream().map(units::get).toList()
                    : units.children(id);
            children.forEach(c -> byId.put(c.id(), c));
            consolidations.add(consolidation(unit, children, q1, n++));
        }
        documents = new ReportDocuments(new Issuers(id -> Optional.ofNullable(byId.get(id))));
        plan = new Plan(new DocumentHeader("KH", "15", "15-KH/BTGDVTW", DocumentSystem.PARTY, LocalDate.of(2026, 1,
                5), "Hà Nội", "Ban Tuyên giáo và Dân vận Trung ương", "tuyên truyền kết quả Đại hội đại biểu toàn "
                + "quốc lần thứ XIV của Đảng", new Signer("Nguyễn Văn A", "Phó Trưởng ban", "K/T Trưởng ban")),
                null, null, null, null, null, null, null, null, null, null, null);
        System.out.printf("%n[W10] national tree: %d units in %.1f s; %d consolidations (%d provinces, %d communes "
                + "of %s)%n", tree.units(), (System.nanoTime() - started) / 1e9, consolidations.size(),
                tree.provinces().size(), tree.communes().get(0).size(), byId.get(tree.provinces().get(0)).name());
    }

    @TearDown(Level.Trial)
    public void tearDown() {
        if (context != null) {
            context.close();
        }
    }

    /** Deterministic figures: each child a few activities on a few channels, two indicators, 1 in 8 not reported. */
    private static Consolidation consolidation(Unit unit, List<Unit> children, ReportingPeriod period, int seed) {
        List<Consolidation.Child> rows = new ArrayList<>();
        Map<String, Long> live = new HashMap<>();
        Map<String, Long> accepted = new HashMap<>();
        List<Long> notReported = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        for (int i = 0; i < children.size(); i++) {
            Unit c = children.get(i);
            boolean reported = (i + seed) % 8 != 0;
            List<Consolidation.Line> lines = new ArrayList<>();
            for (int k = 0; k < 3; k++) {
                String channel = CHANNELS[(i + k + seed) % CHANNELS.length];
                long q = 1 + (i * 7 + k * 3 + seed) % 9;
                lines.add(new Consolidation.Line(channel, "", "Số hoạt động", "hoạt động", q));
                live.merge(channel + "/", q, Long::sum);
                if (reported) {
                    accepted.merge(channel + "/", q, Long::sum);
                }
            }
            long people = 40L * (1 + (i + seed) % 13);
            lines.add(new Consolidation.Line("oral", "attendees", "Số người dự", "người", people));
            live.merge("oral/attendees", people, Long::sum);
            if (reported) {
                accepted.merge("oral/attendees", people, Long::sum);
            } else {
                notReported.add(c.id());
            }
            if (reported && (i + seed) % 11 == 0) {
                late.add(c.id());
            }
            Report.ChildReport status = new Report.ChildReport(c.id(), c.name(), reported ? (long) i : null,
                    reported ? Report.Status.ACCEPTED : null, reported ? "đã tiếp nhận" : "chưa gửi", null, reported);
            rows.add(new Consolidation.Child(c.id(), c.name(), status, lines, reported ? lines : List.of()));
        }
        Map<String, Long> notYet = new HashMap<>(live);
        accepted.forEach((k, q) -> notYet.merge(k, -q, Long::sum));
        Report own = new Report(null, 1, unit.id(), unit.name(), period.id(), period.labelWithDays(), period.from(),
                period.to(), period.consolidationDue(), Report.Status.DRAFT, null, "đang thực hiện", 0, 0,
                unit.parentId(), "Các cấp ủy, tổ chức đảng đã triển khai đồng bộ các hình thức tuyên truyền.\n"
                        + "Nhiều mô hình hay, cách làm sáng tạo được nhân rộng.",
                "Một số đơn vị báo cáo chậm, số liệu chưa đầy đủ.", "Đề nghị bố trí kinh phí cho tuyên truyền trực quan.",
                null, null, null, null, List.of(), List.of(), List.of(), List.of());
        return new Consolidation(1, unit.id(), unit.name(), period, own, lines(live), List.of(), lines(accepted),
                lines(notYet), rows, Map.of(), notReported, late);
    }

    private static List<Consolidation.Line> lines(Map<String, Long> figures) {
        List<Consolidation.Line> lines = new ArrayList<>();
        figures.forEach((k, q) -> {
            int slash = k.indexOf('/');
            String code = k.substring(slash + 1);
            if (q > 0) {
                lines.add(new Consolidation.Line(k.substring(0, slash), code, code.isEmpty() ? "Số hoạt động"
                        : "Số người dự", code.isEmpty() ? "hoạt động" : "người", q));
            }
        });
        return lines;
    }
}
