package vn.lantoa.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;

/**
 * The dashboard counters of the top levels ({@code activity_trend}) give the same figures per month, per phase and per
 * child unit as the range scans of the activities they replace, after recordings at every depth (0 to 3), with and
 * without phase, several outputs, months and channels, concurrent writers on new rows, a removal (sign -1) and a
 * unit's move; they equal a recomputation from the activity rows, and so does the migration's backfill.
 */
@SpringBootTest
class ActivityTrendsTest {

    @Autowired
    UnitManagement units;
    @Autowired
    Units tree;
    @Autowired
    PlanManagement plans;
    @Autowired
    ActivityManagement activities;
    @Autowired
    ActivityFigures figures;
    @Autowired
    ActivityTrends trends;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;

    ReportingWorld world;

    @Test
    void countersEqualTheRangeScansAndARecomputationAfterWritesRemovalsAndMoves() throws Exception {
        world = new ReportingWorld(units, plans);
        Unit deep = units.create(TestActor.admin(), new NewUnit(world.ward1.id(), "Chi bộ khu phố " + world.token,
                null, UnitKind.PARTY_COMMITTEE, null, null, LocalDate.of(2020, 1, 1)));
        assertThat(List.of(world.province.depth(), world.city.depth(), world.ward1.depth(), deep.depth()))
                .containsExactly(0, 1, 2, 3);

        record(world.province, "visual", LocalDate.of(2025, 1, 5), "Đợt 1", Map.of("banners", 5L));
        record(world.city, "oral", LocalDate.of(2025, 1, 20), null, Map.of("oral_sessions", 1L, "attendees", 300L));
        Activity removed = record(world.ward1, "oral", LocalDate.of(2025, 2, 10), "Đợt 1",
                Map.of("oral_sessions", 1L, "attendees", 120L));
        record(world.ward1, "oral", LocalDate.of(2025, 2, 11), null, Map.of("attendees", 80L));
        record(world.ward2, "visual", LocalDate.of(2025, 3, 1), "Đợt 2", Map.of("billboards", 4L));
        record(deep, "mass_media", LocalDate.of(2024, 12, 31), null, Map.of("news_items", 3L, "articles", 1L));
        record(deep, "social_media", LocalDate.of(2025, 3, 31), "Đợt 1", Map.of());
        for (int i = 0; i < 9; i++) { // ids over every slot
            record(world.district, "oral", LocalDate.of(2025, 4, 1 + i), i % 2 == 0 ? "Đợt 1" : null,
                    Map.of("attendees", 7L));
        }
        // writers racing on rows that are not there yet (a new month for every one of them)
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                Unit unit = t % 2 == 0 ? world.ward3 : world.city;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < 3; i++) {
                        record(unit, "visual", LocalDate.of(2025, 5, 1 + i), "Đợt 3", Map.of("flags", 2L));
                    }
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        List<Unit> all = List.of(world.province, world.city, world.district, world.ward1, world.ward2, world.ward3,
                deep);
        all.forEach(this::same);
        Map<String, Long> province = months(world.province);
        assertThat(province).containsEntry("2025-02/oral/", 2L).containsEntry("2025-02/oral/attendees", 200L)
                .containsEntry("2024-12/mass_media/news_items", 3L).containsEntry("2025-04/oral/", 9L)
                .containsEntry("2025-05/visual/", 12L).containsEntry("2025-05/visual/flags", 24L);
        assertThat(phases(world.province)).containsEntry("Đợt 1/oral/", 6L).containsEntry("/oral/", 6L)
                .containsEntry("Đợt 3/visual/", 12L);
        assertThat(figures.perChild(world.plan, world.province.path(), List.of(world.city.path(),
                world.district.path()))).containsOnly(Map.entry(world.city.path(), 18L),
                        Map.entry(world.district.path(), 9L));
        assertThat(counters()).isEqualTo(recomputed()).isEqualTo(backfilled());

        // a removal (sign -1) takes the activity out, as if never recorded
        trends.add(ActivityTrends.deltas(new ActivityRecorded(removed.id(), world.plan, world.ward1.id(),
                world.ward1.path(), removed.channel(), removed.startsOn(), removed.outputs(), removed.phaseLabel()), -1, 0));
        jdbc.update("delete from activity_output where activity_id = ?", removed.id());
        jdbc.update("delete from activity where id = ?", removed.id());
        assertThat(months(world.province)).containsEntry("2025-02/oral/", 1L)
                .containsEntry("2025-02/oral/attendees", 80L).doesNotContainKey("2025-02/oral/oral_sessions");
        all.forEach(this::same);

        // a move: the ward goes to the district; what it recorded before stays with the city, what it records after
        // counts under the district, in both readings
        LocalDate today = LocalDate.now(clock.withZone(Deadline.VIETNAM));
        Unit moved = units.move(TestActor.admin(), world.ward2.id(), world.district.id(), world.ward2.version(), today);
        record(moved, "visual", LocalDate.of(2025, 3, 2), "Đợt 2", Map.of("billboards", 6L));
        assertThat(months(world.city)).containsEntry("2025-03/visual/billboards", 4L);
        assertThat(months(world.district)).containsEntry("2025-03/visual/billboards", 6L);
        assertThat(months(world.province)).containsEntry("2025-03/visual/billboards", 10L);
        for (Unit u : List.of(world.province, world.city, world.district, moved)) {
            same(tree.byId(u.id()).orElseThrow());
        }
        assertThat(counters()).isEqualTo(recomputed()).isEqualTo(backfilled());
    }

    @Test
    void theEventCarriesWhatTheCountersNeed() {
        ActivityRecorded a = new ActivityRecorded(17, 3, 9, "/1/2/3/4/", vn.lantoa.planformat.ChannelKind.ORAL,
                LocalDate.of(2025, 7, 9), Map.of("attendees", 40L), "Đợt 2");
        List<ActivityTrends.Delta> deltas = ActivityTrends.deltas(a, 1, 1);
        // depth 2: its count (slot 0); depth 1 and 0: month count, month output, phase count (the given slot 1), depth 1
        // its count
        assertThat(deltas).hasSize(2 * 3 + 2);
        assertThat(deltas).contains(new ActivityTrends.Delta(3, "/1/2/3/", ActivityTrends.Kind.UNITS, "", "", "", 0,
                1), new ActivityTrends.Delta(3, "/1/", ActivityTrends.Kind.MONTH, "2025-07", "oral", "attendees", 1,
                        40), new ActivityTrends.Delta(3, "/1/2/", ActivityTrends.Kind.PHASE, "Đợt 2", "oral", "", 1,
                                1), new ActivityTrends.Delta(3, "/1/2/", ActivityTrends.Kind.UNITS, "", "", "", 1, 1));
        assertThat(deltas.stream().noneMatch(d -> d.unitPath().equals("/1/2/3/4/"))).isTrue();
        // leaf first
        assertThat(deltas.stream().sorted(ActivityTrends.LOCK_ORDER).findFirst().orElseThrow().unitPath())
                .isEqualTo("/1/2/3/");
        assertThat(ActivityTrends.deltas(new ActivityRecorded(8, 3, 1, "/1/", vn.lantoa.planformat.ChannelKind.ORAL,
                LocalDate.of(2025, 10, 1), Map.of(), null), -1, 0)).containsExactlyInAnyOrder(
                        new ActivityTrends.Delta(3, "/1/", ActivityTrends.Kind.MONTH, "2025-10", "oral", "", 0, -1),
                        new ActivityTrends.Delta(3, "/1/", ActivityTrends.Kind.PHASE, "", "oral", "", 0, -1));
    }

    private Activity record(Unit unit, String channel, LocalDate day, String phase, Map<String, Long> outputs) {
        return activities.record(ReportingWorld.officer(unit), new NewActivity(world.plan, "Hoạt động " + world.token,
                channel, day, day, phase, null, null, null, false, outputs, List.of()), List.of());
    }

    /** The unit's figures read through the counters (when it has them) and by range scan, asserted equal. */
    private void same(Unit unit) {
        String path = unit.path();
        assertThat(sorted(figures.perMonth(world.plan, path))).as("per month of %s", unit.name())
                .isEqualTo(sorted(figures.perMonthByPath(world.plan, path)));
        assertThat(sorted(figures.perPhase(world.plan, path))).as("per phase of %s", unit.name())
                .isEqualTo(sorted(figures.perPhaseByPath(world.plan, path)));
        List<String> children = tree.children(unit.id()).stream().map(Unit::path).toList();
        assertThat(figures.perChild(world.plan, path, children)).as("per child of %s", unit.name())
                .isEqualTo(figures.perChildByPath(world.plan, path, children));
    }

    private Map<String, Long> months(Unit unit) {
        Map<String, Long> m = new TreeMap<>();
        figures.perMonth(world.plan, unit.path()).forEach(s -> m.merge(s.key() + "/" + s.channel() + "/"
                + s.indicator(), s.quantity(), Long::sum));
        return m;
    }

    private Map<String, Long> phases(Unit unit) {
        Map<String, Long> m = new TreeMap<>();
        figures.perPhase(world.plan, unit.path()).forEach(s -> m.merge(s.key() + "/" + s.channel() + "/"
                + s.indicator(), s.quantity(), Long::sum));
        return m;
    }

    private static List<String> sorted(List<ActivityFigures.Sum> sums) {
        return sums.stream().map(s -> s.key() + "|" + s.channel() + "|" + s.indicator() + "|" + s.quantity())
                .sorted(Comparator.naturalOrder()).toList();
    }

    private Map<String, Long> counters() {
        return TrendsCheck.counters(jdbc, world.plan);
    }

    private Map<String, Long> backfilled() {
        assertThat(TrendsCheck.backfillQueries()).as("backfill statements").hasSize(2);
        return TrendsCheck.recomputed(jdbc, world.plan);
    }

    /** The counters recomputed here from the plan's activity rows, by the rules of the table's comment. */
    private Map<String, Long> recomputed() {
        Map<Long, Map<String, Long>> outputs = new HashMap<>();
        jdbc.query("select o.activity_id, o.indicator_code, o.quantity from activity_output o join activity a on "
                + "a.id = o.activity_id where a.plan_id = ?", rs -> {
                    outputs.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getLong(3));
                }, world.plan);
        Map<String, Long> result = new TreeMap<>();
        jdbc.query("select id, unit_path, channel, starts_on, phase_label from activity where plan_id = ?", rs -> {
            String[] parts = rs.getString(2).split("/");
            LocalDate on = rs.getObject(4, LocalDate.class);
            String month = String.format("%04d-%02d", on.getYear(), on.getMonthValue());
            String channel = rs.getString(3);
            String phase = rs.getString(5) == null ? "" : rs.getString(5);
            StringBuilder prefix = new StringBuilder("/");
            for (int depth = 0; depth + 1 < parts.length && depth <= 2; depth++) {
                prefix.append(parts[depth + 1]).append('/');
                if (depth <= 1) {
                    result.merge(key(prefix, "M", month, channel, ""), 1L, Long::sum);
                    for (Map.Entry<String, Long> o : outputs.getOrDefault(rs.getLong(1), Map.of()).entrySet()) {
                        result.merge(key(prefix, "M", month, channel, o.getKey()), o.getValue(), Long::sum);
                    }
                    result.merge(key(prefix, "P", phase, channel, ""), 1L, Long::sum);
                }
                if (depth >= 1) {
                    result.merge(key(prefix, "U", "", "", ""), 1L, Long::sum);
                }
            }
        }, world.plan);
        return result;
    }

    private static String key(CharSequence path, String kind, String bucket, String channel, String indicator) {
        return TrendsCheck.key(path, kind, bucket, channel, indicator);
    }
}
