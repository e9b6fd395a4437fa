package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.Activity;
import vn.lantoa.activity.ActivityManagement;
import vn.lantoa.activity.NewActivity;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * The per-level counters of the top two depths ({@code activity_level_total}, one lookup) give the same figures per
 * level as the range scan over the subtree's own rows they replace, after recordings at every depth and a removal
 * (sign -1), and always add up to the unit's subtree counters. After a unit's move they follow the ancestors of each
 * recording, as the subtree counters do; the range scan did not quite (an own row keeps the path of its first
 * recording, so a moved unit's later activities on an existing key stayed under the old parent's range).
 */
@SpringBootTest
class ActivityLevelTotalsTest {

    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    ActivityManagement activities;
    @Autowired
    ActivityTotals totals;
    @Autowired
    PlanPeriods periods;
    @Autowired
    Clock clock;

    ReportingWorld world;
    LocalDate today;
    String period;

    @Test
    void perLevelLookupEqualsTheRangeScanAfterWritesRemovalsAndMoves() {
        world = new ReportingWorld(units, plans);
        today = LocalDate.now(clock.withZone(Deadline.VIETNAM));
        period = periods.scheme(world.plan).containing(today).orElseThrow().id();

        Activity ward1 = record(world.ward1, "oral", Map.of("oral_sessions", 1L, "attendees", 120L));
        record(world.ward1, "oral", Map.of("attendees", 80L));
        record(world.ward2, "visual", Map.of("billboards", 4L));
        record(world.city, "oral", Map.of("oral_sessions", 1L, "attendees", 300L));
        record(world.province, "visual", Map.of("banners", 5L));
        for (int i = 0; i < 9; i++) {
            record(world.district, "oral", Map.of("attendees", 7L));
        }

        Map<Integer, Map<String, Long>> province = same(world.province);
        assertThat(province.keySet()).containsExactly(world.province.depth(), world.city.depth(),
                world.ward1.depth());
        assertThat(province.get(world.ward1.depth())).containsEntry("oral/attendees", 200L)
                .containsEntry("oral/", 2L).containsEntry("visual/billboards", 4L).containsEntry("visual/", 1L);
        assertThat(province.get(world.city.depth())).containsEntry("oral/attendees", 363L)
                .containsEntry("oral/", 10L);
        assertThat(province.get(world.province.depth())).containsOnly(Map.entry("visual/banners", 5L),
                Map.entry("visual/", 1L));
        assertThat(same(world.city)).containsOnlyKeys(world.city.depth(), world.ward1.depth());
        same(world.district);
        same(world.ward1); // below the top two depths: the range scan itself

        // a removal (sign -1) takes the activity out of both
        totals.add(world.plan, period, world.ward1.path(), "oral", ward1.outputs(), -1);
        assertThat(same(world.province).get(world.ward1.depth())).containsEntry("oral/attendees", 80L)
                .containsEntry("oral/", 1L).doesNotContainKey("oral/oral_sessions");
        same(world.city);

        // a move: the ward goes to the district; what it recorded before stays with the city, what it records after
        // counts under the district, in both readings
        Unit moved = units.move(TestActor.admin(), world.ward2.id(), world.district.id(), world.ward2.version(), today);
        record(moved, "visual", Map.of("billboards", 6L));
        record(moved, "mass_media", Map.of("news_items", 2L));
        assertThat(consistent(world.province).get(moved.depth())).containsEntry("visual/billboards", 10L)
                .containsEntry("mass_media/", 1L);
        assertThat(consistent(world.city).get(moved.depth())).containsEntry("visual/billboards", 4L)
                .doesNotContainKey("mass_media/");
        assertThat(consistent(world.district).get(moved.depth())).containsOnly(Map.entry("visual/billboards", 6L),
                Map.entry("visual/", 1L), Map.entry("mass_media/", 1L), Map.entry("mass_media/news_items", 2L));
        // a key the moved unit never had before: its own row has the new path, and the range scan agrees
        assertThat(figures(totals.perLevelByPath(world.plan, period, world.district.path())).get(moved.depth()))
                .containsEntry("mass_media/", 1L);
    }

    private Activity record(Unit unit, String channel, Map<String, Long> outputs) {
        CurrentUser officer = ReportingWorld.officer(unit);
        return activities.record(officer, new NewActivity(world.plan, "Hoạt động " + world.token, channel, today, today,
                null, null, null, null, false, outputs, List.of()), List.of());
    }

    /** The unit's figures per level, read both ways and asserted equal (and consistent). */
    private Map<Integer, Map<String, Long>> same(Unit unit) {
        Map<Integer, Map<String, Long>> lookup = consistent(unit);
        Map<Integer, Map<String, Long>> scan = figures(totals.perLevelByPath(world.plan, period, unit.path()));
        assertThat(lookup).as("per level of %s", unit.name()).isEqualTo(scan).isNotEmpty();
        return lookup;
    }

    /** The unit's figures per level, asserted to add up to its subtree's counters. */
    private Map<Integer, Map<String, Long>> consistent(Unit unit) {
        Map<Integer, Map<String, Long>> perLevel = figures(totals.perLevel(world.plan, period, unit.path()));
        Map<String, Long> summed = new TreeMap<>();
        perLevel.values().forEach(level -> level.forEach((k, q) -> summed.merge(k, q, Long::sum)));
        Map<String, Long> subtree = figures(Map.of(0, totals.subtree(world.plan, period, unit.id()))).get(0);
        assertThat(summed).as("levels of %s added up", unit.name()).isEqualTo(subtree);
        return perLevel;
    }

    private static Map<Integer, Map<String, Long>> figures(Map<Integer, List<ActivityTotals.Figure>> perLevel) {
        Map<Integer, Map<String, Long>> result = new TreeMap<>();
        perLevel.forEach((level, figures) -> figures.forEach(f -> {
            if (f.quantity() != 0) {
                result.computeIfAbsent(level, k -> new TreeMap<>()).merge(f.channel() + "/" + f.indicator(),
                        f.quantity(), Long::sum);
            }
        }));
        result.values().removeIf(Map::isEmpty);
        return result;
    }
}
