package vn.lantoa.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.activity.ActivityFigures;
import vn.lantoa.activity.TrendsCheck;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanFixture;

/**
 * The dashboard of the country and of a province (issue 7, W9's page budget: p99 &lt; 300 ms) on a loaded reporting
 * data set ({@code bench_dataset}, e.g. {@code report10m}): the page's months, phases and children read from the live
 * counters ({@code activity_trend}) against the same read by range scans of the activities (the code before the
 * counters), interleaved in the same run; the service call and {@code GET /dashboard} (rendered), and each of the three
 * reads alone; the figures asserted equal both ways, and the counters equal to a recomputation from the activities.
 * Not part of the suite: {@code -Dlantoa.bench=true} (command in docs/benchmarks.md, "Dashboard at the top").
 */
@SpringBootTest(properties = "spring.flyway.out-of-order=true")
@AutoConfigureMockMvc
@EnabledIfSystemProperty(named = "lantoa.bench", matches = "true")
class DashboardBench {

    static final int SAMPLES = Integer.getInteger("lantoa.bench.samples", 50);
    /** Range-scan samples per level: a country's take seconds each at 10 M. */
    static final int SCAN_COUNTRY = Integer.getInteger("lantoa.bench.naive.country", 3);
    static final int SCAN_PROVINCE = Integer.getInteger("lantoa.bench.naive.province", 10);
    /** The recomputation reads every activity of the plan (a minute or two at 10 M on PostgreSQL). */
    /** Which dashboards: "country,province" or one of them. */
    static final String LEVELS = System.getProperty("lantoa.bench.levels", "country,province");
    static final boolean CHECK = Boolean.parseBoolean(System.getProperty("lantoa.bench.trends.check", "true"));

    @Autowired
    Dashboards dashboards;
    @Autowired
    ActivityFigures figures;
    @Autowired
    Units units;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    MockMvc mvc;

    final StringBuilder report = new StringBuilder();
    final List<String> summary = new ArrayList<>();

    @Test
    void dashboardsAtTheTop() throws Exception {
        String db;
        try (Connection c = dataSource.getConnection()) {
            db = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres") ? "postgresql"
                    : "h2";
        }
        Map<String, Object> set = jdbc.queryForMap("select name, root_id, plan_a from bench_dataset order by "
                + "activities desc limit 1");
        long plan = ((Number) set.get("plan_a")).longValue();
        Unit country = units.get(((Number) set.get("root_id")).longValue());
        // the first province (a national tree's provinces are all alike; the central boards below the root are not)
        Unit province = units.get(jdbc.queryForObject("select id from unit where parent_id = ? and kind = "
                + "'PARTY_COMMITTEE' order by id limit 1", Long.class, country.id()));
        line("# Dashboard at the top (" + db + ", data set " + set.get("name") + ", plan " + plan + ", "
                + Runtime.getRuntime().availableProcessors() + " cores, load average " + load() + ")");
        jdbc.queryForList("select version, execution_time from flyway_schema_history where description = 'activity "
                + "trend'").forEach(r -> line("- migration " + r.get("version") + " (table and backfill) took "
                        + r.get("execution_time") + " ms"));
        line(String.format("- activities of the plan: %,d; counter rows: %,d", jdbc.queryForObject("select count(*) "
                + "from activity where plan_id = ?", Long.class, plan), jdbc.queryForObject("select count(*) from "
                        + "activity_trend where plan_id = ?", Long.class, plan)));

        for (Unit unit : List.of(country, province)) {
            if (!LEVELS.contains(unit.id() == country.id() ? "country" : "province")) {
                continue;
            }
            boolean top = unit.id() == country.id();
            int scans = top ? SCAN_COUNTRY : SCAN_PROVINCE;
            String level = top ? "country" : "province";
            line("");
            line("## " + level + ": " + unit.name() + " (" + unit.path() + ")");
            CurrentUser leader = PlanFixture.user(unit, Role.LEADER);
            Dashboard counted = dashboards.of(leader, plan, unit.id()); // warm
            TrendsCheck.fromCounters(figures, false);
            Dashboard scanned;
            try {
                scanned = dashboards.of(leader, plan, unit.id());
            } finally {
                TrendsCheck.fromCounters(figures, true);
            }
            assertThat(counted.months()).as("months of the %s", level).isEqualTo(scanned.months()).isNotEmpty();
            assertThat(counted.phases()).as("phases of the %s", level).isEqualTo(scanned.phases()).isNotEmpty();
            assertThat(counted.children()).as("children of the %s", level).isEqualTo(scanned.children())
                    .isNotEmpty();
            line(String.format("- the same %d months, %d phases and %d children both ways (the page also lists %d "
                    + "periods, %d units' plans and %d deadlines)", counted.months().size(), counted.phases().size(),
                    counted.children().size(), counted.periods().size(), counted.cascade().units().size(),
                    counted.deadlines().size()));

            List<String> children = units.children(unit.id()).stream().map(Unit::path).toList();
            compare(level + " dashboard (service)", () -> dashboards.of(leader, plan, unit.id()), scans);
            compare(level + " GET /dashboard (page)", () -> {
                try {
                    return mvc.perform(get("/dashboard").param("plan", String.valueOf(plan))
                            .param("unit", String.valueOf(unit.id())).with(PlanFixture.as(leader)))
                            .andExpect(status().isOk()).andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, scans);
            compare(level + " GET /dashboard without a plan (layout, plan list)", () -> {
                try {
                    return mvc.perform(get("/dashboard").with(PlanFixture.as(leader))).andExpect(status().isOk())
                            .andReturn();
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            }, 0);
            compare(level + " perMonth", () -> figures.perMonth(plan, unit.path()), scans);
            compare(level + " perPhase", () -> figures.perPhase(plan, unit.path()), scans);
            compare(level + " perChild", () -> figures.perChild(plan, unit.path(), children), scans);
        }

        long differences = 0;
        if (CHECK) {
            line("");
            long t0 = System.nanoTime();
            Map<String, Long> counters = TrendsCheck.counters(jdbc, plan);
            Map<String, Long> recomputed = TrendsCheck.recomputed(jdbc, plan);
            differences = TrendsCheck.differences(counters, recomputed, this::line);
            line(String.format("- counters = recomputation: %,d counter keys (slots added up) compared in %.1f s: %d "
                    + "differences", counters.size(), (System.nanoTime() - t0) / 1e9, differences));
            summary.add(String.format("| counters = recomputation | %,d keys | — | — | recomputation from activities "
                    + "| — | — | %d differences | 0 |", counters.size(), differences));
        }
        line("");
        line("## Summary (" + db + ", load average at the end " + load() + ")");
        line("");
        line("| read | counters p50 ms | p99 ms | range scans p50 ms | p99 ms | n (counters / scans) | ratio p50 |");
        line("|---|---|---|---|---|---|---|");
        summary.forEach(this::line);
        Path out = Path.of("target", "bench", "dashboard-" + db + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(differences).as("counters that differ from a recomputation").isZero();
    }

    /** The read from the counters and by range scans, interleaved: SAMPLES of the one, {@code scans} of the other. */
    void compare(String read, Supplier<?> call, int scans) {
        List<Long> counters = new ArrayList<>();
        List<Long> scanned = new ArrayList<>();
        for (int i = 0; i < Math.max(SAMPLES, scans); i++) {
            if (i < scans) {
                TrendsCheck.fromCounters(figures, false);
                try {
                    scanned.add(time(call));
                } finally {
                    TrendsCheck.fromCounters(figures, true);
                }
            }
            if (i < SAMPLES) {
                counters.add(time(call));
            }
        }
        long[] c = sorted(counters);
        long[] s = sorted(scanned);
        if (s.length == 0) {
            line(String.format("- %s: counters p50 %.2f ms, p90 %.2f, p99 %.2f, max %.2f (n=%d)", read, pct(c, 50),
                    pct(c, 90), pct(c, 99), c[c.length - 1] / 1e6, c.length));
            summary.add(String.format("| %s | %.2f | %.2f | — | — | %d / 0 | — |", read, pct(c, 50), pct(c, 99),
                    c.length));
            return;
        }
        line(String.format("- %s: counters p50 %.2f ms, p90 %.2f, p99 %.2f, max %.2f (n=%d); range scans p50 %.1f ms, "
                + "max %.1f (n=%d); ratio (p50) %.0f", read, pct(c, 50), pct(c, 90), pct(c, 99), c[c.length - 1] / 1e6,
                c.length, pct(s, 50), s[s.length - 1] / 1e6, s.length, pct(s, 50) / pct(c, 50)));
        summary.add(String.format("| %s | %.2f | %.2f | %.1f | %.1f | %d / %d | %.0f |", read, pct(c, 50), pct(c, 99),
                pct(s, 50), pct(s, 99), c.length, s.length, pct(s, 50) / pct(c, 50)));
    }

    static long time(Supplier<?> call) {
        long t0 = System.nanoTime();
        call.get();
        return System.nanoTime() - t0;
    }

    static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        Arrays.sort(a);
        return a;
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (Exception e) {
            return "?";
        }
    }

    void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }
}
