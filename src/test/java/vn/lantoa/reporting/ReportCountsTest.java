package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * The per-ancestor report counters (W6's completeness per level and per child) follow every submit, return,
 * resubmit and accept, and equal a count of the report rows themselves.
 */
@SpringBootTest
class ReportCountsTest {

    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    ReportManagement reports;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;
    @Autowired
    ReportCounts counts;

    @Test
    void completenessPerLevelAndPerChildFollowsTheReportsStates() {
        ReportingWorld world = new ReportingWorld(units, plans);
        String period = currentPeriod();
        CurrentUser ward1 = ReportingWorld.officer(world.ward1);
        CurrentUser ward2 = ReportingWorld.officer(world.ward2);
        CurrentUser ward3 = ReportingWorld.officer(world.ward3);
        CurrentUser city = ReportingWorld.officer(world.city);
        CurrentUser province = ReportingWorld.officer(world.province);

        long r1 = reports.find(ward1, world.plan, null, period).id();
        long r2 = reports.find(ward2, world.plan, null, period).id();
        reports.find(ward3, world.plan, null, period); // a draft only
        reports.submit(ward1, r1, null);
        reports.submit(ward2, r2, null);
        Report returned = reports.returnReport(city, r2, "Bổ sung", null);
        reports.accept(city, r1, null, null);
        int ward = world.ward1.depth();

        ReportCounts.Completeness c = reports.completeness(province, world.plan, null, period);
        assertThat(level(c.levels(), ward)).isEqualTo(new ReportCounts.Level(ward, 3, 1, 1, 0, 1, 1));
        assertThat(level(c.levels(), world.city.depth())).isEqualTo(new ReportCounts.Level(world.city.depth(), 2, 0,
                0, 0, 0, 0)); // the city and the district
        assertThat(level(c.levels(), world.province.depth()).reported()).isZero();
        assertThat(level(c.children().get(world.city.id()), ward)).isEqualTo(new ReportCounts.Level(ward, 3, 1, 1, 0,
                1, 1));
        assertThat(c.children().get(world.district.id())).containsExactly(new ReportCounts.Level(
                world.district.depth(), 1, 0, 0, 0, 0, 0));
        assertThat(c.children()).hasSize(2);

        // the returned report resubmitted: no longer returned, reported twice now
        reports.submit(ward2, returned.id(), null);
        c = reports.completeness(city, world.plan, null, period);
        assertThat(level(c.levels(), ward)).isEqualTo(new ReportCounts.Level(ward, 3, 2, 2, 0, 1, 0));
        assertThat(c.children().get(world.ward3.id())).containsExactly(new ReportCounts.Level(ward, 1, 0, 0, 0, 0, 0));

        // and the counters equal a count of the report rows of the subtree
        Map<String, Object> rows = jdbc.sql("select count(case when status in ('SUBMITTED', 'ACCEPTED') then 1 end) "
                + "as reported, count(case when status = 'ACCEPTED' then 1 end) as accepted, "
                + "count(case when status = 'RETURNED' then 1 end) as returned from report where plan_id = :plan and "
                + "period_id = :period and unit_path like :path").param("plan", world.plan).param("period", period)
                .param("path", world.city.path() + "%").query().singleRow();
        ReportCounts.Level total = c.levels().stream().reduce(new ReportCounts.Level(0, 0, 0, 0, 0, 0, 0),
                ReportCounts.Level::plus);
        assertThat(total.reported()).isEqualTo(((Number) rows.get("reported")).longValue());
        assertThat(total.accepted()).isEqualTo(((Number) rows.get("accepted")).longValue());
        assertThat(total.returned()).isEqualTo(((Number) rows.get("returned")).longValue());
    }

    @Test
    void theExpectedUnitsFollowAChangeOfTheTree() {
        ReportingWorld world = new ReportingWorld(units, plans);
        String period = currentPeriod();
        CurrentUser city = ReportingWorld.officer(world.city);
        long r1 = reports.find(ReportingWorld.officer(world.ward1), world.plan, null, period).id();
        reports.submit(ReportingWorld.officer(world.ward1), r1, null);
        int ward = world.ward1.depth();
        ReportCounts.Completeness before = reports.completeness(city, world.plan, null, period);
        assertThat(level(before.levels(), ward)).isEqualTo(new ReportCounts.Level(ward, 3, 1, 1, 0, 0, 0));
        assertThat(before.children()).hasSize(3);

        // a fourth ward: the unit counts read (and cached) before no longer hold; the counters still do
        Unit ward4 = units.create(TestActor.admin(), new NewUnit(world.city.id(), "Đảng ủy phường Bốn " + world.token,
                null, UnitKind.PARTY_COMMITTEE, null, null, LocalDate.of(2020, 1, 1)));
        ReportCounts.Completeness after = reports.completeness(city, world.plan, null, period);
        assertThat(level(after.levels(), ward)).isEqualTo(new ReportCounts.Level(ward, 4, 1, 1, 0, 0, 0));
        assertThat(after.children()).hasSize(4);
        assertThat(after.children().get(ward4.id())).containsExactly(new ReportCounts.Level(ward, 1, 0, 0, 0, 0, 0));
        assertThat(after.children().get(world.ward1.id())).containsExactly(new ReportCounts.Level(ward, 1, 1, 1, 0,
                0, 0));
    }

    @Test
    void aFullCacheDropsTheDeepSubtreesAndKeepsTheTopOnes() {
        ReportingWorld world = new ReportingWorld(units, plans);
        String period = currentPeriod();
        reports.completeness(ReportingWorld.officer(world.province), world.plan, null, period); // depth 0
        reports.completeness(ReportingWorld.officer(world.city), world.plan, null, period); // depth 1
        reports.completeness(ReportingWorld.officer(world.ward1), world.plan, null, period); // depth 2
        assertThat(counts.cached(world.province.path())).isTrue();
        assertThat(counts.cached(world.ward1.path())).isTrue();
        // fill the cache with other deep subtrees (paths of no unit: nothing expected, nothing counted)
        for (int i = 0; i < ReportCounts.CACHED_SUBTREES; i++) {
            String path = world.city.path() + (Long.MAX_VALUE - i) + "/";
            counts.completeness(world.plan, period, Long.MAX_VALUE - i, path);
        }
        assertThat(counts.cached(world.province.path())).as("the root's subtree").isTrue();
        assertThat(counts.cached(world.city.path())).as("a depth-1 subtree").isTrue();
        assertThat(counts.cached(world.ward1.path())).as("a deep subtree, dropped for room").isFalse();
        // and the figures read after are still right
        assertThat(level(reports.completeness(ReportingWorld.officer(world.city), world.plan, null, period)
                .levels(), world.ward1.depth()).expected()).isEqualTo(3);
    }

    /** Today's period of the Party's fixed dates (the world's plan reports on them). */
    String currentPeriod() {
        return PeriodScheme.partyFixedDates().containing(LocalDate.now(clock.withZone(Deadline.VIETNAM))).orElseThrow()
                .id();
    }

    static ReportCounts.Level level(List<ReportCounts.Level> levels, int depth) {
        return levels.stream().filter(l -> l.depth() == depth).findFirst().orElseThrow();
    }
}
