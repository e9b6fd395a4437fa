package vn.lantoa.reporting.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.Users;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.activity.TrendsCheck;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.cascade.NationalTree;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.ActivityTotals;
import vn.lantoa.reporting.BenchSwitch;
import vn.lantoa.reporting.PeriodScheme;
import vn.lantoa.reporting.PlanPeriods;
import vn.lantoa.reporting.ReportCounts;
import vn.lantoa.reporting.ReportingPeriod;

/**
 * Benchmarks W5–W9 and W12 of PERFORMANCE.md §5.2 (issue 7) on the synthetic national tree with N activities, each
 * against its baseline in the same run and JVM, interleaved. Not part of the suite: {@code -Dlantoa.bench=true}
 * (commands and knobs in docs/benchmarks.md). Prints a summary table and writes target/bench/reporting-&lt;db&gt;.md.
 */
// W7 sends thousands of activities a minute from each of 16 officers: the per-user upload limit (B-EV-10, 120 a
// minute by default) guards against one person's flood, not the country's load, so the benchmark lifts it
// A loaded data set outlives the code that loaded it (a 10 M load takes 12 min): migrations landed later with a lower
// version than one already applied to it must still apply, hence out of order
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"lantoa.upload.rate-limit.max=100000000", "spring.flyway.out-of-order=true"})
@EnabledIfSystemProperty(named = "lantoa.bench", matches = "true")
class ReportingBench {

    static final String TREE = System.getProperty("lantoa.bench.tree", "national");
    static final long ACTIVITIES = Long.getLong("lantoa.bench.activities", 200_000L);
    static final int SAMPLES = Integer.getInteger("lantoa.bench.samples", 300);
    static final int SECONDS = Integer.getInteger("lantoa.bench.seconds", 10);
    static final int CONNECTIONS = Integer.getInteger("lantoa.bench.connections", 16);
    static final int W9_SECONDS = Integer.getInteger("lantoa.bench.w9.seconds", 60);
    static final double W9_RATE = Double.parseDouble(System.getProperty("lantoa.bench.w9.rate", "20"));
    static final int THINK_MS = Integer.getInteger("lantoa.bench.w9.think", 3000);
    static final String ONLY = System.getProperty("lantoa.bench.only", "w5,w6,w7,w8,w9,w12");
    /** How many times the naive baselines run per level (they take seconds to minutes over the country at 10 M). */
    static final int NAIVE_COMMUNE = Integer.getInteger("lantoa.bench.naive.commune", SAMPLES);
    static final int NAIVE_PROVINCE = Integer.getInteger("lantoa.bench.naive.province", SAMPLES);
    static final int NAIVE_COUNTRY = Integer.getInteger("lantoa.bench.naive.country", 30);
    /** Reuse the data of an earlier run of the same tree, size and seed in the same database (PostgreSQL). */
    static final boolean REUSE = Boolean.parseBoolean(System.getProperty("lantoa.bench.reuse", "true"));
    static final long SEED = 42;
    /**
     * W12's periods: "all" (every period of the data set) or "written" (the period this run's W7/W8 wrote into, as a
     * rerun on a reused data set does unless told otherwise: the generating run compared all of them).
     */
    static final String W12_PERIODS = System.getProperty("lantoa.bench.w12");

    @LocalServerPort
    int port;
    @Autowired
    NationalTree generator;
    @Autowired
    PlanManagement plans;
    @Autowired
    PlanPeriods periods;
    @Autowired
    ActivityTotals totals;
    @Autowired
    ReportCounts counts;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    Units units;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;

    final StringBuilder report = new StringBuilder();
    final List<String> summary = new ArrayList<>();
    boolean postgres;
    String db;

    NationalTree.Tree tree;
    List<ReportingData.U> all;
    long planA;
    long planB;
    ReportingPeriod quarter; // W5, W6: the last whole quarter
    ReportingPeriod current; // W7, W8: today's
    List<ReportingPeriod> covered;
    boolean reused;

    @Test
    void reportingWorkloads() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        db = postgres ? "postgresql" : "h2";
        if (!postgres) {
            noResultReuse();
        }
        line("# Reporting benchmarks W5–W9, W12 (" + db + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + load() + ")");
        build();
        if (ONLY.contains("w5")) {
            w5();
        }
        if (ONLY.contains("w6")) {
            w6();
            w6http();
        }
        if (ONLY.contains("w7")) {
            w7();
        }
        if (ONLY.contains("w8")) {
            w8();
        }
        if (ONLY.contains("w9")) {
            w9();
        }
        long differences = ONLY.contains("w12") ? w12() : 0;
        line("");
        line("## Summary (" + db + ", " + String.format("%,d", ACTIVITIES) + " activities, tree " + TREE
                + ", load average at the end " + load() + ")");
        line("");
        line("| workload | candidate | p50 ms | p99 ms | baseline | p50 ms | p99 ms | ratio | target |");
        line("|---|---|---|---|---|---|---|---|---|");
        summary.forEach(this::line);
        Path out = Path.of("target", "bench", "reporting-" + db + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        assertThat(differences).as("W12: counters that differ from a recomputation").isZero();
    }

    // ------------------------------------------------------------------------------------------------------ data

    /** The name under which a loaded data set is recorded in bench_dataset: tree, size and seed. */
    static String datasetName() {
        return TREE + "/" + ACTIVITIES + "/" + SEED;
    }

    void build() throws Exception {
        jdbc.execute("create table if not exists bench_dataset (name varchar(100) primary key, root_id bigint not null, "
                + "plan_a bigint not null, plan_b bigint not null, quarter varchar(10) not null, first_day date not "
                + "null, activities bigint not null, outputs bigint not null, totals bigint not null, reports bigint "
                + "not null, load_seconds double precision not null, loaded_at timestamp with time zone not null)");
        if (REUSE && reuse()) {
            return;
        }
        String tag = TestActor.token();
        long t0 = System.nanoTime();
        long started = t0;
        tree = generator.generate(TREE.equals("small") ? NationalTree.Settings.small(tag)
                : NationalTree.Settings.national(tag));
        line(String.format("tree: %,d units generated in %.1f s", tree.units(), (System.nanoTime() - t0) / 1e9));
        String rootPath = units.get(tree.rootId()).path();
        all = jdbc.query("select id, parent_id, path, depth, kind from unit where path >= ? and path < ?",
                (rs, i) -> new ReportingData.U(rs.getLong(1), (Long) rs.getObject(2, Long.class), rs.getString(3),
                        rs.getInt(4), rs.getString(5)), rootPath, Units.upperBound(rootPath));
        all = new ArrayList<>(all);
        all.sort((a, b) -> a.path().compareTo(b.path()));
        CurrentUser issuer = PlanFixture.user(units.get(tree.rootId()), Role.OFFICER);
        planA = plans.create(issuer, PlanInput.parse(ReportingWorld.planJson("Bench A " + tag))).id();
        plans.issue(issuer, planA, null);
        planB = plans.create(issuer, PlanInput.parse(ReportingWorld.planJson("Bench B " + tag)
                .replace("\"77\"", "\"78\"").replace("77-KH", "78-KH"))).id();
        plans.issue(issuer, planB, null);
        PeriodScheme scheme = periods.scheme(planA);
        LocalDate today = LocalDate.now(Deadline.VIETNAM);
        current = scheme.containing(today).orElseThrow();
        quarter = scheme.containing(current.from().minusDays(1)).orElseThrow();
        LocalDate first = quarter.from().minusMonths(18); // 8 quarters in all
        first = scheme.containing(first).orElseThrow().from();
        covered = scheme.between(first, today);
        line("periods: " + covered.stream().map(ReportingPeriod::id).toList() + "; W5/W6 on " + quarter.id() + " ("
                + quarter.from() + " – " + quarter.to() + "), W7/W8 write in " + current.id());

        Map<String, List<String>> indicators = new LinkedHashMap<>();
        jdbc.query("select channel, code from indicator where active = true order by channel, position, code",
                rs -> {
                    indicators.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        ReportingData data = new ReportingData(dataSource, postgres, indicators);
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from activity", Long.class);
        t0 = System.nanoTime();
        Map<LocalDate, String> byDay = new HashMap<>();
        LocalDate from = first;
        long next = data.load(planA, all, ACTIVITIES, firstId, from, today, day -> byDay.computeIfAbsent(day,
                d -> scheme.containing(d).map(ReportingPeriod::id).orElse(null)), 42);
        jdbc.execute("alter table activity alter column id restart with " + next);
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        data.reports(planA, all, quarter.id(), quarter.from(), quarter.to(), quarter.due() == null ? quarter.to()
                : quarter.due(), 43);
        double reportSeconds = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        if (postgres) {
            for (String table : List.of("activity", "activity_output", "activity_total", "activity_level_total",
                    "activity_trend", "report", "report_count", "unit")) {
                jdbc.execute("vacuum analyze " + table);
            }
        } else {
            jdbc.execute("analyze");
        }
        line(String.format("data: %,d activities, %,d outputs, %,d counter rows, %,d per-level rows and %,d dashboard "
                + "counter rows loaded in %.1f s (%,.0f activities/s); %,d reports of %s with their counters in %.1f s; "
                + "analyze %.1f s", data.activities, data.outputs, data.totals, data.levels, data.trends, loadSeconds, data.activities / loadSeconds, data.reports, quarter.id(), reportSeconds,
                (System.nanoTime() - t0) / 1e9));
        double total = (System.nanoTime() - started) / 1e9;
        line(String.format("data set %s loaded in %.1f s in all (tree, activities, reports, analyze)", datasetName(),
                total));
        // recorded last: a run that stopped half-way leaves nothing to reuse
        jdbc.update("delete from bench_dataset where name = ?", datasetName());
        jdbc.update("insert into bench_dataset (name, root_id, plan_a, plan_b, quarter, first_day, activities, outputs, "
                + "totals, reports, load_seconds, loaded_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, current_timestamp)",
                datasetName(), tree.rootId(), planA, planB, quarter.id(), first, data.activities, data.outputs,
                data.totals, data.reports, total);
        line(String.format("activities of %s in the whole tree: %,d", quarter.id(), count("select count(*) from "
                + "activity where plan_id = ? and starts_on >= ? and starts_on <= ?", planA, quarter.from(),
                quarter.to())));
    }

    /**
     * Finds the data set of an earlier run (same tree, size and seed) in this database and takes its tree, plans and
     * quarter instead of generating them again; false when there is none.
     */
    boolean reuse() {
        List<Map<String, Object>> rows = jdbc.queryForList("select * from bench_dataset where name = ?",
                datasetName());
        if (rows.isEmpty()) {
            line("no data set " + datasetName() + " to reuse in this database: generating it");
            return false;
        }
        Map<String, Object> r = rows.get(0);
        long t0 = System.nanoTime();
        long root = ((Number) r.get("root_id")).longValue();
        planA = ((Number) r.get("plan_a")).longValue();
        planB = ((Number) r.get("plan_b")).longValue();
        List<Long> top = jdbc.queryForList("select id from unit where parent_id = ? and kind = 'PARTY_COMMITTEE' "
                + "order by id", Long.class, root);
        Long board = jdbc.queryForList("select id from unit where parent_id = ? and kind = 'PARTY_BOARD' order by id",
                Long.class, root).stream().findFirst().orElse(null);
        List<List<Long>> communes = new ArrayList<>();
        for (long province : top) {
            communes.add(jdbc.queryForList("select id from unit where parent_id = ? and kind = 'PARTY_COMMITTEE' "
                    + "order by id", Long.class, province));
        }
        String rootPath = units.get(root).path();
        all = new ArrayList<>(jdbc.query("select id, parent_id, path, depth, kind from unit where path >= ? and "
                + "path < ?", (rs, i) -> new ReportingData.U(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5)), rootPath, Units.upperBound(rootPath)));
        tree = new NationalTree.Tree(root, board == null ? 0 : board, top, communes, all.size(), Duration.ZERO);
        PeriodScheme scheme = periods.scheme(planA);
        LocalDate today = LocalDate.now(Deadline.VIETNAM);
        current = scheme.containing(today).orElseThrow();
        LocalDate first = ((java.sql.Date) r.get("first_day")).toLocalDate();
        covered = scheme.between(first, today);
        String q = (String) r.get("quarter");
        quarter = covered.stream().filter(p -> p.id().equals(q)).findFirst().orElseThrow();
        line(String.format("data set %s REUSED (loaded %s in %.0f s): %,d units, %,d activities, %,d outputs, %,d "
                + "counter rows, %,d reports; plan A %d, plan B %d; W5/W6 on %s, W7/W8 write in %s; found in %.1f s",
                datasetName(), r.get("loaded_at"), ((Number) r.get("load_seconds")).doubleValue(), all.size(),
                ((Number) r.get("activities")).longValue(), ((Number) r.get("outputs")).longValue(),
                ((Number) r.get("totals")).longValue(), ((Number) r.get("reports")).longValue(), planA, planB,
                quarter.id(), current.id(), (System.nanoTime() - t0) / 1e9));
        line(String.format("activities of plan A in the database now: %,d (%s: %,d)", count("select count(*) from "
                + "activity where plan_id = ?", planA), quarter.id(), count("select count(*) from activity where "
                + "plan_id = ? and starts_on >= ? and starts_on <= ?", planA, quarter.from(), quarter.to())));
        reused = true;
        return true;
    }

    // ------------------------------------------------------------------------------------------------------ W5

    static final String NAIVE_ROLLUP = """
            with recursive sub (id) as (
              select cast(? as bigint)
              union all
              select u.id from unit u join sub s on u.parent_id = s.id
            )
            select a.channel, '' as code, count(*) from activity a join sub s on a.unit_id = s.id
            where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ? group by a.channel
            union all
            select a.channel, o.indicator_code, sum(o.quantity) from activity a join sub s on a.unit_id = s.id
            join activity_output o on o.activity_id = a.id
            where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ? group by a.channel, o.indicator_code""";

    /** The statement of {@link ActivityTotals#subtree}, for its execution inside the database (EXPLAIN ANALYZE). */
    static final String SUBTREE = "select channel, indicator_code, sum(quantity) from activity_total where plan_id = ? "
            + "and period_id = ? and unit_id = ? and own = false group by channel, indicator_code "
            + "order by channel, indicator_code";

    /**
     * Each level in three passes (session 7: the baselines no longer run between the samples they are compared with).
     * 1. Steady state: the candidate, with the PK lookup (round-trip floor) in the same loop; the warm-up visits every
     * province once. 2. The baselines (naive recursion, scan floor), answers compared, each followed by one more
     * candidate read: a read on caches that a 300,000-row scan has just churned, reported apart (the condition every
     * sample had when the baselines were interleaved). 3. PostgreSQL: the candidate's execution inside the database
     * (EXPLAIN ANALYZE), without the network, driver, pool, JVM or a wait for a core.
     */
    void w5() {
        line("");
        line("## W5: roll-up per channel and indicator for " + quarter.id() + " (ActivityTotals.subtree)");
        Random random = new Random(5);
        long maxId = count("select max(id) from activity where plan_id = ?", planA);
        long minId = count("select min(id) from activity where plan_id = ?", planA);
        List<Long> communes = tree.communes().stream().flatMap(List::stream).toList();
        for (String level : List.of("commune", "province", "country")) {
            IntFunction<Long> unitOf = unitsOf(level, communes, random);
            Conditions conditions = new Conditions();
            List<Long> c = new ArrayList<>();
            List<Long> pk = new ArrayList<>();
            int warm = warmUp(level);
            steady(warm, random, minId, maxId, c, pk, i -> {
                long unit = unitOf.apply(i);
                return () -> totals.subtree(planA, quarter.id(), unit);
            });
            String steady = conditions.end();
            List<Long> naive = new ArrayList<>();
            List<Long> scan = new ArrayList<>();
            List<Long> afterScan = new ArrayList<>();
            for (int i = 0; i < naiveRuns(level); i++) {
                long unit = unitOf.apply(i);
                String path = units.get(unit).path();
                long a = System.nanoTime();
                Map<String, Long> expected = naiveRollup(unit);
                naive.add(System.nanoTime() - a);
                a = System.nanoTime();
                count("select count(*) from activity where plan_id = ? and unit_path >= ? and unit_path < ? and "
                        + "starts_on >= ? and starts_on <= ?", planA, path, Units.upperBound(path), quarter.from(),
                        quarter.to());
                scan.add(System.nanoTime() - a);
                a = System.nanoTime();
                List<ActivityTotals.Figure> figures = totals.subtree(planA, quarter.id(), unit);
                afterScan.add(System.nanoTime() - a);
                Map<String, Long> ours = new TreeMap<>();
                figures.forEach(f -> ours.merge(f.channel() + "/" + f.indicator(), f.quantity(), Long::sum));
                ours.values().removeIf(q -> q == 0);
                assertThat(ours).as("W5 %s %d", level, unit).isEqualTo(expected);
            }
            String target = level.equals("commune") ? "p99 < 5 ms" : level.equals("province")
                    ? "p99 < 5 ms; ≥ 100× naive" : "p99 < 5 ms; ≥ 1,000× naive";
            line("- W5 " + level + ", steady-state pass: " + steady);
            ratio("W5 " + level, "counters (subtree row)", c, "naive recursive CTE", naive, target);
            ratio("W5 " + level, "counters (subtree row)", c, "count(*) of the subtree's quarter (scan floor)", scan,
                    "—");
            ratio("W5 " + level, "counters (subtree row)", c, "PK lookup (round-trip floor)", pk, "≤ 10× PK");
            alone("W5 " + level, "counters, read right after a baseline's scan (churned caches)", afterScan, "—");
            if (postgres) {
                inDatabase("W5 " + level, SUBTREE, warm, i -> new Object[] {planA, quarter.id(), unitOf.apply(i)});
            }
        }
    }

    /** The i-th unit a level reads: the root, the provinces in turn, or a random commune. */
    IntFunction<Long> unitsOf(String level, List<Long> communes, Random random) {
        return i -> level.equals("country") ? tree.rootId() : level.equals("province")
                ? tree.provinces().get(i % tree.provinces().size()) : communes.get(random.nextInt(communes.size()));
    }

    /**
     * A steady-state pass: {@code read.apply(i)} prepares the i-th read (untimed) and returns it; the read is timed
     * into {@code candidate}, then a PK lookup (the round-trip floor in the same conditions: how much of a p99 is the
     * machine's, not the query's) into {@code floor}, after {@code warm} unmeasured iterations.
     */
    void steady(int warm, Random random, long minId, long maxId, List<Long> candidate, List<Long> floor,
            IntFunction<Runnable> read) {
        for (int i = 0; i < SAMPLES + warm; i++) {
            Runnable r = read.apply(i);
            long a = System.nanoTime();
            r.run();
            long took = System.nanoTime() - a;
            long pk = pkLookup(random, minId, maxId);
            if (i >= warm) {
                candidate.add(took);
                floor.add(pk);
            }
        }
    }

    /** Warm-up reads before a steady-state pass: every province once (else the first visits are the p99). */
    int warmUp(String level) {
        return level.equals("province") ? Math.max(20, tree.provinces().size()) : 20;
    }

    /** How many times the naive baseline of a level runs. */
    static int naiveRuns(String level) {
        return level.equals("country") ? NAIVE_COUNTRY : level.equals("province") ? NAIVE_PROVINCE : NAIVE_COMMUNE;
    }

    /**
     * PostgreSQL: a statement's execution time inside the database (EXPLAIN (ANALYZE, BUFFERS), parameters as the
     * candidate binds them), SAMPLES times after {@code warm} unmeasured ones, and how many of them read pages from
     * outside the buffer cache (from the OS, or the disk).
     */
    void inDatabase(String workload, String sql, int warm, IntFunction<Object[]> args) {
        List<Long> times = new ArrayList<>();
        int cold = 0;
        for (int i = 0; i < SAMPLES + warm; i++) {
            String plan = String.join("\n", jdbc.queryForList("explain (analyze, buffers, timing off, format json) "
                    + sql, String.class, args.apply(i)));
            if (i >= warm) {
                times.add(Math.round(jsonNumber(plan, "Execution Time") * 1e6));
                cold += jsonNumber(plan, "Shared Read Blocks") > 0 ? 1 : 0;
            }
        }
        alone(workload, "execution inside the database (EXPLAIN ANALYZE; " + cold + " of " + times.size()
                + " read pages from outside the buffer cache)", times, "diagnosis: the round trip above is judged");
    }

    /** The first number after "name": in an EXPLAIN's JSON (the top node's, which includes its children's). */
    static double jsonNumber(String json, String name) {
        int at = json.indexOf("\"" + name + "\":");
        if (at < 0) {
            return 0;
        }
        int from = at + name.length() + 3;
        while (json.charAt(from) == ' ') {
            from++;
        }
        int to = from;
        while (to < json.length() && (Character.isDigit(json.charAt(to)) || json.charAt(to) == '.')) {
            to++;
        }
        return Double.parseDouble(json.substring(from, to));
    }

    /** The JVM's collections and the machine's load average over a pass: what else could have made a sample slow. */
    static final class Conditions {
        final long[] gc = gc();
        final String load = load();

        String end() {
            long[] now = gc();
            return String.format("%d JVM collections (%d ms), load average %s → %s", now[0] - gc[0], now[1] - gc[1],
                    load, load());
        }
    }

    /** The round-trip floor: one activity read by its primary key (a random one); returns the time taken in ns. */
    long pkLookup(Random random, long minId, long maxId) {
        long id = minId + (long) (random.nextDouble() * (maxId - minId));
        long a = System.nanoTime();
        jdbc.queryForList("select title from activity where id = ?", String.class, id);
        return System.nanoTime() - a;
    }

    Map<String, Long> naiveRollup(long unit) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.query(NAIVE_ROLLUP, rs -> {
            result.merge(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3), Long::sum);
        }, unit, planA, quarter.from(), quarter.to(), planA, quarter.from(), quarter.to());
        result.values().removeIf(q -> q == 0);
        return result;
    }

    // ------------------------------------------------------------------------------------------------------ W6

    static final String LEVEL_COLUMNS = """
            count(*),
            sum(case when r.status in ('SUBMITTED', 'ACCEPTED') then 1 else 0 end),
            sum(case when r.status in ('SUBMITTED', 'ACCEPTED') and r.on_time = true then 1 else 0 end),
            sum(case when r.status in ('SUBMITTED', 'ACCEPTED') and r.on_time = false then 1 else 0 end),
            sum(case when r.status = 'ACCEPTED' then 1 else 0 end),
            sum(case when r.status = 'RETURNED' then 1 else 0 end)""";

    static final String NAIVE_LEVELS = """
            with recursive sub (id, depth) as (
              select id, depth from unit where id = ?
              union all
              select u.id, u.depth from unit u join sub s on u.parent_id = s.id
            )
            select s.depth, COLUMNS from sub s join unit u on u.id = s.id
            left join report r on r.plan_id = ? and r.period_id = ? and r.unit_id = s.id
            where u.closed_on is null group by s.depth""".replace("COLUMNS", LEVEL_COLUMNS);

    static final String NAIVE_CHILDREN = """
            with recursive sub (id, depth, child) as (
              select id, depth, id from unit where parent_id = ?
              union all
              select u.id, u.depth, s.child from unit u join sub s on u.parent_id = s.id
            )
            select s.child, s.depth, COLUMNS from sub s join unit u on u.id = s.id
            left join report r on r.plan_id = ? and r.period_id = ? and r.unit_id = s.id
            where u.closed_on is null group by s.child, s.depth""".replace("COLUMNS", LEVEL_COLUMNS);

    /** The statement of {@link ReportCounts#completeness}, for its execution inside the database. */
    static final String COMPLETENESS = "select 0, changes, 0, 0, 0, 0, 0, 0 from unit_tree_lock where id = 1 union all "
            + "select 1, 0, level, reported, on_time, late, accepted, returned from report_count where plan_id = ? and "
            + "period_id = ? and unit_id = ? union all select 2, unit_id, level, reported, on_time, late, accepted, "
            + "returned from report_count where plan_id = ? and period_id = ? and parent_id = ?";

    /** In the same three passes as W5. */
    void w6() {
        line("");
        line("## W6: completeness of " + quarter.id() + " per level and per child (ReportCounts)");
        List<Long> communes = tree.communes().stream().flatMap(List::stream).toList();
        Random random = new Random(6);
        long maxId = count("select max(id) from activity where plan_id = ?", planA);
        long minId = count("select min(id) from activity where plan_id = ?", planA);
        for (String level : List.of("commune", "province", "country")) {
            IntFunction<Long> unitOf = unitsOf(level, communes, random);
            Conditions conditions = new Conditions();
            List<Long> c = new ArrayList<>();
            List<Long> pk = new ArrayList<>();
            int warm = warmUp(level);
            steady(warm, random, minId, maxId, c, pk, i -> {
                long unit = unitOf.apply(i);
                String path = units.get(unit).path();
                return () -> counts.completeness(planA, quarter.id(), unit, path);
            });
            String steady = conditions.end();
            List<Long> naive = new ArrayList<>();
            List<Long> afterScan = new ArrayList<>();
            for (int i = 0; i < naiveRuns(level); i++) {
                long unit = unitOf.apply(i);
                String path = units.get(unit).path();
                long a = System.nanoTime();
                List<ReportCounts.Level> naiveLevels = jdbc.query(NAIVE_LEVELS, (rs, n) -> level(rs, 1), unit, planA,
                        quarter.id());
                Map<Long, List<ReportCounts.Level>> naiveChildren = new HashMap<>();
                jdbc.query(NAIVE_CHILDREN, rs -> {
                    naiveChildren.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(level(rs, 2));
                }, unit, planA, quarter.id());
                naive.add(System.nanoTime() - a);
                a = System.nanoTime();
                ReportCounts.Completeness completeness = counts.completeness(planA, quarter.id(), unit, path);
                afterScan.add(System.nanoTime() - a);
                assertThat(completeness.levels()).as("W6 %s %d per level", level, unit)
                        .containsExactlyInAnyOrderElementsOf(naiveLevels);
                assertThat(completeness.children().keySet()).isEqualTo(naiveChildren.keySet());
                completeness.children().forEach((child, l) -> assertThat(l).as("W6 child %d", child)
                        .containsExactlyInAnyOrderElementsOf(naiveChildren.get(child)));
            }
            String target = level.equals("country") ? "p99 < 25 ms" : level.equals("province") ? "p99 < 2 ms" : "—";
            line("- W6 " + level + ", steady-state pass: " + steady);
            ratio("W6 " + level, "counters + cached unit counts", c, "naive recursive CTE", naive, target);
            ratio("W6 " + level, "counters + cached unit counts", c, "PK lookup (round-trip floor)", pk, "—");
            alone("W6 " + level, "counters, read right after a baseline's scan (churned caches)", afterScan, "—");
            if (postgres) {
                inDatabase("W6 " + level, COMPLETENESS, warm, i -> {
                    long unit = unitOf.apply(i);
                    return new Object[] {planA, quarter.id(), unit, planA, quarter.id(), unit};
                });
            }
        }
    }

    /** W6 over HTTP: the whole country's completeness for one user, against GET /api/v1/me with the same token. */
    void w6http() throws Exception {
        String token = token(tree.rootId());
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        HttpRequest completeness = get(token, "/api/v1/plans/" + planA + "/completeness?period=" + quarter.id());
        HttpRequest me = get(token, "/api/v1/me");
        List<Long> c = new ArrayList<>();
        List<Long> b = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 20; i++) {
            long a = System.nanoTime();
            HttpResponse<String> r = http.send(completeness, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - a;
            assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
            a = System.nanoTime();
            HttpResponse<String> f = http.send(me, HttpResponse.BodyHandlers.ofString());
            long floor = System.nanoTime() - a;
            assertThat(f.statusCode()).isEqualTo(200);
            if (i >= 20) {
                c.add(took);
                b.add(floor);
            }
        }
        ratio("W6 country over HTTP", "GET /plans/{id}/completeness", c, "GET /api/v1/me", b, "p99 < 50 ms");
    }

    static ReportCounts.Level level(java.sql.ResultSet rs, int first) throws java.sql.SQLException {
        return new ReportCounts.Level(rs.getInt(first), rs.getLong(first + 1), rs.getLong(first + 2),
                rs.getLong(first + 3), rs.getLong(first + 4), rs.getLong(first + 5), rs.getLong(first + 6));
    }

    // ------------------------------------------------------------------------------------------------------ W7

    /** An API token of a new officer of the unit. */
    String token(long unitId) {
        var unit = units.get(unitId);
        String name = "bench." + unitId + "." + TestActor.token();
        long id = users.insert(name, name, unitId, Role.OFFICER, "{noop}x", false, Instant.now());
        return tokens.create(new CurrentUser(id, name, name, unitId, unit.path(), unit.shortName(), Role.OFFICER,
                false), "bench", 1).token();
    }

    HttpRequest post(String token, long plan, String channel, String code, long quantity, String title) {
        String body = "planId=" + plan + "&title=" + title.replace(' ', '+') + "&channel=" + channel + "&startsOn="
                + LocalDate.now(Deadline.VIETNAM) + "&output." + code + "=" + quantity;
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/activities"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    HttpRequest get(String token, String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).GET().build();
    }

    /** Latencies (ns) and errors of a closed-loop run. */
    record Run(List<Long> latencies, long errors, double seconds) {
        double rate() {
            return latencies.size() / seconds;
        }
    }

    /** CONNECTIONS threads, one HTTP/1.1 connection each, back to back for the given time. */
    Run closed(int threads, double seconds, IntFunction<HttpRequest> request, int status) throws Exception {
        return closed(threads, seconds, request, status, new AtomicBoolean());
    }

    /** The same, ending early when {@code stop} is set. */
    Run closed(int threads, double seconds, IntFunction<HttpRequest> request, int status, AtomicBoolean stop)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        ConcurrentLinkedQueue<Long> latencies = new ConcurrentLinkedQueue<>();
        AtomicLong errors = new AtomicLong();
        long end = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        List<java.util.concurrent.Future<?>> futures = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int thread = t;
            futures.add(pool.submit(() -> {
                HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
                List<Long> mine = new ArrayList<>();
                while (System.nanoTime() < end && !stop.get()) {
                    long a = System.nanoTime();
                    try {
                        HttpResponse<String> r = http.send(request.apply(thread), HttpResponse.BodyHandlers
                                .ofString());
                        if (r.statusCode() != status) {
                            if (errors.incrementAndGet() < 3) {
                                System.out.println("unexpected " + r.statusCode() + ": " + r.body());
                            }
                            continue;
                        }
                    } catch (Exception e) {
                        errors.incrementAndGet();
                        continue;
                    }
                    mine.add(System.nanoTime() - a);
                }
                latencies.addAll(mine);
                return null;
            }));
        }
        for (var f : futures) {
            f.get();
        }
        double took = (System.nanoTime() - start) / 1e9;
        pool.shutdown();
        return new Run(new ArrayList<>(latencies), errors.get(), took);
    }

    void w7() throws Exception {
        line("");
        line("## W7: record activities over HTTP (POST /api/v1/activities, " + CONNECTIONS + " connections, "
                + SECONDS + " s blocks) while dashboards are read");
        if (postgres) {
            line("PostgreSQL synchronous_commit = " + jdbc.queryForObject("show synchronous_commit", String.class)
                    + ", fsync = " + jdbc.queryForObject("show fsync", String.class));
        }
        List<Long> communes = tree.communes().stream().flatMap(List::stream).toList();
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            writers.add(token(communes.get((i * 7919) % communes.size())));
        }
        long province = tree.provinces().get(0);
        String reader = token(province);
        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> dashboard = new ConcurrentLinkedQueue<>();
        AtomicLong dashboardErrors = new AtomicLong();
        Thread dashboards = new Thread(() -> {
            HttpClient http = HttpClient.newHttpClient();
            while (reading.get()) {
                long a = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(get(reader, "/api/v1/plans/" + planA + "/consolidation?period="
                            + current.id() + "&unit=" + province),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        dashboard.add(System.nanoTime() - a);
                    } else {
                        dashboardErrors.incrementAndGet();
                    }
                    Thread.sleep(100);
                } catch (Exception e) {
                    dashboardErrors.incrementAndGet();
                }
            }
        });
        String[][] kinds = {{"oral", "attendees"}, {"visual", "banners"}, {"mass_media", "news_items"},
                {"social_media", "social_posts"}};
        AtomicLong n = new AtomicLong();
        IntFunction<HttpRequest> on = t -> {
            String[] k = kinds[(int) (n.incrementAndGet() % kinds.length)];
            return post(writers.get(t), planA, k[0], k[1], 1 + n.get() % 50, "Bench W7 " + n.get());
        };
        IntFunction<HttpRequest> off = t -> {
            String[] k = kinds[(int) (n.incrementAndGet() % kinds.length)];
            return post(writers.get(t), planB, k[0], k[1], 1 + n.get() % 50, "Bench W7 " + n.get());
        };
        IntFunction<HttpRequest> me = t -> get(writers.get(t), "/api/v1/me");
        dashboards.start();
        try {
            closed(CONNECTIONS, Math.max(3, SECONDS / 2), on, 201); // warm-up
            BenchSwitch.liveTotals(totals, false);
            closed(CONNECTIONS, Math.max(3, SECONDS / 2), off, 201);
            BenchSwitch.liveTotals(totals, true);
            List<Run> ons = new ArrayList<>();
            List<Run> offs = new ArrayList<>();
            List<Run> pings = new ArrayList<>();
            for (int round = 0; round < 2; round++) {
                ons.add(closed(CONNECTIONS, SECONDS, on, 201));
                BenchSwitch.liveTotals(totals, false);
                try {
                    offs.add(closed(CONNECTIONS, SECONDS, off, 201));
                } finally {
                    BenchSwitch.liveTotals(totals, true);
                }
                pings.add(closed(CONNECTIONS, SECONDS, me, 200));
            }
            Run a = merge(ons);
            Run b = merge(offs);
            Run p = merge(pings);
            line(String.format("- counters on: %,.0f activities/s, errors %d; counters off: %,.0f/s, errors %d; "
                    + "GET /api/v1/me: %,.0f req/s, errors %d", a.rate(), a.errors(), b.rate(), b.errors(), p.rate(),
                    p.errors()));
            line(String.format("- write amplification (throughput off ÷ on): %.2f; on ÷ /me throughput: %.2f",
                    b.rate() / a.rate(), a.rate() / p.rate()));
            ratio("W7 POST activity", String.format("counters on (%,.0f/s)", a.rate()), a.latencies(),
                    String.format("counters off (%,.0f/s)", b.rate()), b.latencies(), "≥ 2,000/s, p99 < 50 ms; "
                            + "amplification ≤ 2×");
            ratio("W7 POST activity", String.format("counters on (%,.0f/s)", a.rate()), a.latencies(),
                    String.format("GET /api/v1/me (%,.0f/s)", p.rate()), p.latencies(), "—");
            assertThat(a.errors() + b.errors()).isZero();
        } finally {
            reading.set(false);
            dashboards.join();
        }
        List<Long> d = new ArrayList<>(dashboard);
        if (!d.isEmpty()) {
            long[] s = sorted(d);
            line(String.format("- dashboards read meanwhile (consolidation of a province, every 100 ms): n=%d, p50 "
                    + "%.2f ms, p99 %.2f ms, errors %d", s.length, pct(s, 50), pct(s, 99), dashboardErrors.get()));
        }
    }

    static Run merge(List<Run> runs) {
        List<Long> l = new ArrayList<>();
        long errors = 0;
        double seconds = 0;
        for (Run r : runs) {
            l.addAll(r.latencies());
            errors += r.errors();
            seconds += r.seconds();
        }
        return new Run(l, errors, seconds);
    }

    // ------------------------------------------------------------------------------------------------------ W8

    void w8() throws Exception {
        line("");
        line("## W8: freshness: a recorded activity in the national total (poll ActivityTotals.subtree of the root)"
                + " while " + CONNECTIONS / 2 + " connections keep writing");
        List<Long> communes = tree.communes().stream().flatMap(List::stream).toList();
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS / 2; i++) {
            writers.add(token(communes.get((i * 104_729) % communes.size())));
        }
        String writer = token(communes.get(communes.size() / 2));
        AtomicLong n = new AtomicLong();
        ExecutorService background = Executors.newSingleThreadExecutor();
        int samples = Math.max(20, SAMPLES / 6);
        AtomicBoolean stop = new AtomicBoolean();
        var load = background.submit(() -> closed(writers.size(), 3600, t -> post(writers.get(t), planA, "oral",
                "attendees", 1 + n.incrementAndGet() % 40, "Bench W8 " + n.get()), 201, stop));
        List<Long> visible = new ArrayList<>();
        List<Long> afterResponse = new ArrayList<>();
        HttpClient http = HttpClient.newHttpClient();
        try {
            Thread.sleep(1000);
            for (int i = 0; i < samples; i++) {
                long before = national("literary_works");
                long a = System.nanoTime();
                HttpResponse<String> r = http.send(post(writer, planA, "literature_art", "literary_works", 1,
                        "Bench W8 fresh " + i), HttpResponse.BodyHandlers.ofString());
                long answered = System.nanoTime();
                assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
                while (national("literary_works") < before + 1) {
                    if (System.nanoTime() - a > 10_000_000_000L) {
                        throw new AssertionError("W8: not visible after 10 s");
                    }
                }
                long seen = System.nanoTime();
                visible.add(seen - a);
                afterResponse.add(seen - answered);
            }
        } finally {
            stop.set(true);
            Run written = load.get(); // every background writer has had its answer: nothing left in flight
            line(String.format("- background writers: %,.0f activities/s, errors %d", written.rate(),
                    written.errors()));
            background.shutdown();
        }
        long[] v = sorted(visible);
        long[] w = sorted(afterResponse);
        line(String.format("- from sending the POST to the national total showing it: n=%d p50 %.2f ms, p99 %.2f ms, "
                + "max %.2f ms; after the 201: p50 %.3f ms, max %.3f ms", v.length, pct(v, 50), pct(v, 99),
                v[v.length - 1] / 1e6, pct(w, 50), w[w.length - 1] / 1e6));
        summary.add(String.format("| W8 freshness | POST → national total | %.2f | %.2f | after the 201 | %.3f | %.3f "
                + "| — | p99 < 1 s: %s |", pct(v, 50), pct(v, 99), pct(w, 50), pct(w, 99),
                pct(v, 99) < 1000 ? "met" : "**missed**"));
    }

    long national(String code) {
        return totals.subtree(planA, current.id(), tree.rootId()).stream().filter(f -> f.indicator().equals(code))
                .mapToLong(ActivityTotals.Figure::quantity).sum();
    }

    // ------------------------------------------------------------------------------------------------------ W9

    /** One page of the journey: its name and request. */
    record Page(String name, HttpRequest request) {
    }

    List<Page> journey(String token, long province, long child) {
        return List.of(new Page("me (sign-in)", get(token, "/api/v1/me")),
                new Page("dashboard (consolidation)", get(token, "/api/v1/plans/" + planA + "/consolidation?period="
                        + quarter.id() + "&unit=" + province)),
                new Page("cascade", get(token, "/api/v1/plans/" + planA + "/cascade")),
                new Page("completeness", get(token, "/api/v1/plans/" + planA + "/completeness?period="
                        + quarter.id() + "&unit=" + province)),
                new Page("child's report", get(token, "/api/v1/reports?plan=" + planA + "&unit=" + child + "&period="
                        + quarter.id())));
    }

    void w9() throws Exception {
        line("");
        line(String.format("## W9: province officers' journey, open model %.0f users/s for %d s, think %d–%d ms, "
                + "against one user", W9_RATE, W9_SECONDS, THINK_MS, THINK_MS + 2000));
        Map<Long, String> officers = new HashMap<>();
        Map<Long, Long> firstChild = new HashMap<>();
        for (int p = 0; p < tree.provinces().size(); p++) {
            long province = tree.provinces().get(p);
            officers.put(province, token(province));
            firstChild.put(province, tree.communes().get(p).get(0));
        }
        HttpClient http = HttpClient.newHttpClient();
        long probe = tree.provinces().get(0);
        for (Page page : journey(officers.get(probe), probe, firstChild.get(probe))) {
            HttpResponse<String> r = http.send(page.request(), HttpResponse.BodyHandlers.ofString());
            line("- probe " + page.name() + ": " + r.statusCode() + ", " + r.body().length() + " bytes");
        }
        // one user, journey after journey, no think time
        Map<String, List<Long>> single = new LinkedHashMap<>();
        for (int j = 0; j < Math.max(20, SAMPLES / 10); j++) {
            long province = tree.provinces().get(j % tree.provinces().size());
            for (Page page : journey(officers.get(province), province, firstChild.get(province))) {
                long a = System.nanoTime();
                HttpResponse<Void> r = http.send(page.request(), HttpResponse.BodyHandlers.discarding());
                if (j >= 5 && r.statusCode() < 400) {
                    single.computeIfAbsent(page.name(), k -> new ArrayList<>()).add(System.nanoTime() - a);
                }
            }
        }
        // open model: arrivals at a fixed rate, each user walks the journey with think times
        Map<String, ConcurrentLinkedQueue<Long>> loaded = new LinkedHashMap<>();
        single.keySet().forEach(k -> loaded.put(k, new ConcurrentLinkedQueue<>()));
        AtomicLong errors = new AtomicLong();
        AtomicLong journeys = new AtomicLong();
        ExecutorService users = Executors.newCachedThreadPool();
        ScheduledExecutorService arrivals = Executors.newSingleThreadScheduledExecutor();
        HttpClient shared = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        AtomicLong arrived = new AtomicLong();
        long period = (long) (1_000_000 / W9_RATE);
        arrivals.scheduleAtFixedRate(() -> {
            long i = arrived.getAndIncrement();
            users.submit(() -> {
                Random random = new Random(i);
                long province = tree.provinces().get((int) (i % tree.provinces().size()));
                for (Page page : journey(officers.get(province), province, firstChild.get(province))) {
                    long a = System.nanoTime();
                    try {
                        // the body read to its end and dropped: a browser's copy of a 0.5 MB dashboard does not
                        // live in the server's heap, the load generator's String would (and its collections pause
                        // the server: this JVM is both)
                        HttpResponse<Void> r = shared.send(page.request(), HttpResponse.BodyHandlers.discarding());
                        if (r.statusCode() >= 400) {
                            errors.incrementAndGet();
                        } else if (loaded.containsKey(page.name())) {
                            loaded.get(page.name()).add(System.nanoTime() - a);
                        }
                        Thread.sleep(THINK_MS + random.nextInt(2001));
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    } catch (Exception e) {
                        errors.incrementAndGet();
                    }
                }
                journeys.incrementAndGet();
            });
        }, 0, period, TimeUnit.MICROSECONDS);
        long[] gcBefore = gc();
        Thread.sleep(W9_SECONDS * 1000L);
        long[] gcAfter = gc();
        line(String.format("- garbage collections while users arrived (%d s): %d, %d ms in all (the server and the "
                + "load generator share this JVM)", W9_SECONDS, gcAfter[0] - gcBefore[0], gcAfter[1] - gcBefore[1]));
        arrivals.shutdownNow();
        users.shutdown();
        users.awaitTermination(60, TimeUnit.SECONDS);
        users.shutdownNow();
        line(String.format("- %,d users arrived, %,d journeys finished, %d errors", arrived.get(), journeys.get(),
                errors.get()));
        for (String page : single.keySet()) {
            List<Long> underLoad = new ArrayList<>(loaded.get(page));
            if (underLoad.isEmpty()) {
                continue;
            }
            long[] l = sorted(underLoad);
            long[] s = sorted(single.get(page));
            line(String.format("- %s: under load n=%d p50 %.2f ms p99 %.2f ms; one user p50 %.2f ms; p99 under load ÷ "
                    + "p50 one user = %.1f", page, l.length, pct(l, 50), pct(l, 99), pct(s, 50),
                    pct(l, 99) / pct(s, 50)));
            summary.add(String.format("| W9 %s | %.0f users/s | %.2f | %.2f | one user | %.2f | %.2f | %.1f | p99 < "
                    + "300 ms, ratio ≤ 5×, 0 errors: %s |", page, W9_RATE, pct(l, 50), pct(l, 99), pct(s, 50),
                    pct(s, 99), pct(l, 99) / pct(s, 50), pct(l, 99) < 300 && pct(l, 99) / pct(s, 50) <= 5
                            && errors.get() == 0 ? "met" : "**missed**"));
        }
    }

    // ------------------------------------------------------------------------------------------------------ W12

    /**
     * Whether W12 also compares the dashboard counters (activity_trend) with a recomputation from every activity of
     * plan A: by default on H2 and on a data set generated by this run, not on a reused one (a minute or two at 10 M).
     */
    static final String W12_TRENDS = System.getProperty("lantoa.bench.w12.trends");

    /** The counters of plan A against a recomputation from its raw activities, period by period. */
    long w12() throws Exception {
        line("");
        line("## W12: counters of plan A against a recomputation from its activities (after W7/W8)");
        long trends = W12_TRENDS == null ? (!postgres || !reused ? w12Trends() : 0)
                : Boolean.parseBoolean(W12_TRENDS) ? w12Trends() : 0;
        if (postgres) {
            return trends + w12InDatabase();
        }
        return trends + w12Totals();
    }

    /** The dashboard counters of plan A (activity_trend) against the migration's backfill run as a query. */
    long w12Trends() {
        long t0 = System.nanoTime();
        Map<String, Long> counters = TrendsCheck.counters(jdbc, planA);
        Map<String, Long> recomputed = TrendsCheck.recomputed(jdbc, planA);
        long differences = TrendsCheck.differences(counters, recomputed, this::line);
        line(String.format("- dashboard counters (activity_trend): %,d keys (summed over slots) compared with a "
                + "recomputation from every activity of plan A in %.1f s: %d differences", counters.size(),
                (System.nanoTime() - t0) / 1e9, differences));
        summary.add(String.format("| W12 dashboard counters = recomputation | %,d counter keys | — | — | "
                + "recomputation from activities | — | — | %d differences | 0: %s |", counters.size(), differences,
                differences == 0 ? "met" : "**missed**"));
        return differences;
    }

    /** W12 on H2: the period counters recomputed here, period by period. */
    long w12Totals() {
        long differences = 0;
        long rows = 0;
        long t0 = System.nanoTime();
        for (ReportingPeriod p : covered) {
            Map<String, Long> expected = new HashMap<>();
            jdbc.query("""
                    select a.unit_path, a.channel, '' as code, count(*) from activity a
                    where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ? group by a.unit_path, a.channel
                    union all
                    select a.unit_path, a.channel, o.indicator_code, sum(o.quantity) from activity a
                    join activity_output o on o.activity_id = a.id
                    where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ?
                    group by a.unit_path, a.channel, o.indicator_code""", rs -> {
                String path = rs.getString(1);
                String rest = "|" + rs.getString(2) + "|" + rs.getString(3);
                long q = rs.getLong(4);
                List<String> ids = new ArrayList<>();
                for (String part : path.split("/")) {
                    if (!part.isEmpty()) {
                        ids.add(part);
                    }
                }
                expected.merge(ids.get(ids.size() - 1) + "|true" + rest, q, Long::sum);
                for (String id : ids) {
                    expected.merge(id + "|false" + rest, q, Long::sum);
                }
                // the per-level rows of the ancestors at depth 0–1: the recording unit's level
                for (int d = 0; d < Math.min(ids.size(), 2); d++) {
                    expected.merge(ids.get(d) + "|level " + (ids.size() - 1) + rest, q, Long::sum);
                }
            }, planA, p.from(), p.to(), planA, p.from(), p.to());
            Map<String, Long> actual = new HashMap<>();
            jdbc.query("select unit_id, own, channel, indicator_code, sum(quantity) from activity_total where "
                    + "plan_id = ? and period_id = ? group by unit_id, own, channel, indicator_code", rs -> {
                        actual.put(rs.getLong(1) + "|" + rs.getBoolean(2) + "|" + rs.getString(3) + "|"
                                + rs.getString(4), rs.getLong(5));
                    }, planA, p.id());
            jdbc.query("select unit_id, level, channel, indicator_code, sum(quantity) from activity_level_total where "
                    + "plan_id = ? and period_id = ? group by unit_id, level, channel, indicator_code", rs -> {
                        actual.put(rs.getLong(1) + "|level " + rs.getInt(2) + "|" + rs.getString(3) + "|"
                                + rs.getString(4), rs.getLong(5));
                    }, planA, p.id());
            expected.values().removeIf(q -> q == 0);
            actual.values().removeIf(q -> q == 0);
            rows += actual.size();
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey()))) {
                    if (differences++ < 5) {
                        line("- differs: " + e.getKey() + " recomputed " + e.getValue() + ", counter "
                                + actual.get(e.getKey()));
                    }
                }
            }
            for (String k : actual.keySet()) {
                if (!expected.containsKey(k) && differences++ < 5) {
                    line("- counter without activities: " + k + " = " + actual.get(k));
                }
            }
        }
        line(String.format("- %,d counter rows (summed over slots) compared in %.1f s: %d differences", rows,
                (System.nanoTime() - t0) / 1e9, differences));
        summary.add(String.format("| W12 counters = recomputation | %,d counter keys | — | — | recomputation from "
                + "activities | — | — | %d differences | 0: %s |", rows, differences, differences == 0 ? "met"
                        : "**missed**"));
        return differences;
    }

    /**
     * W12 on PostgreSQL: the recomputation in the database, set-based (at 10 M activities the keys of one period do not
     * fit the benchmark's 1 GB heap): own rows from the raw activities and outputs, subtree rows through the tree's
     * closure (unit, ancestor), per-level rows of the ancestors at depth 0–1 through the same closure, compared with
     * the counters summed over slots by a full join.
     */
    long w12InDatabase() throws Exception {
        long t0 = System.nanoTime();
        String rootPath = units.get(tree.rootId()).path();
        long differences = 0;
        long rows = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (var st = c.createStatement()) {
                st.execute("set local work_mem = '256MB'");
                st.execute("create temporary table bench_closure (id bigint not null, ancestor bigint not null) "
                        + "on commit drop");
            }
            try (var ps = c.prepareStatement("""
                    insert into bench_closure (id, ancestor)
                    with recursive up (id, ancestor) as (
                      select id, id from unit where path >= ? and path < ?
                      union all
                      select up.id, u.parent_id from up join unit u on u.id = up.ancestor
                      where u.parent_id is not null and u.path > ?
                    )
                    select id, ancestor from up""")) {
                ps.setString(1, rootPath);
                ps.setString(2, Units.upperBound(rootPath));
                ps.setString(3, rootPath);
                ps.executeUpdate();
            }
            try (var st = c.createStatement()) {
                st.execute("analyze bench_closure");
            }
            boolean all = W12_PERIODS == null ? !reused : W12_PERIODS.equals("all");
            List<ReportingPeriod> compared = all ? covered : List.of(current);
            line("- periods compared: " + compared.stream().map(ReportingPeriod::id).toList() + (all ? "" : " (the one "
                    + "this run wrote into; the data set was compared in full when it was generated; "
                    + "-Dlantoa.bench.w12=all for every period)"));
            for (ReportingPeriod p : compared) {
                try (var ps = c.prepareStatement("""
                        with own (unit_id, channel, code, q) as (
                          select a.unit_id, a.channel, '', count(*) from activity a
                          where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ? group by a.unit_id, a.channel
                          union all
                          select a.unit_id, a.channel, o.indicator_code, cast(sum(o.quantity) as bigint) from activity a
                          join activity_output o on o.activity_id = a.id
                          where a.plan_id = ? and a.starts_on >= ? and a.starts_on <= ?
                          group by a.unit_id, a.channel, o.indicator_code
                        ), expected (unit_id, kind, channel, code, q) as (
                          select unit_id, -1, channel, code, q from own
                          union all
                          select c.ancestor, -2, o.channel, o.code, cast(sum(o.q) as bigint) from own o
                          join bench_closure c on c.id = o.unit_id group by c.ancestor, o.channel, o.code
                          union all
                          select c.ancestor, u.depth, o.channel, o.code, cast(sum(o.q) as bigint) from own o
                          join bench_closure c on c.id = o.unit_id
                          join unit a on a.id = c.ancestor and a.depth <= 1
                          join unit u on u.id = o.unit_id
                          group by c.ancestor, u.depth, o.channel, o.code
                        ), actual (unit_id, kind, channel, code, q) as (
                          select unit_id, case when own then -1 else -2 end, channel, indicator_code,
                                 cast(sum(quantity) as bigint) from activity_total
                          where plan_id = ? and period_id = ? group by unit_id, own, channel, indicator_code
                          union all
                          select unit_id, level, channel, indicator_code, cast(sum(quantity) as bigint)
                          from activity_level_total
                          where plan_id = ? and period_id = ? group by unit_id, level, channel, indicator_code
                        )
                        select coalesce(e.unit_id, t.unit_id), coalesce(e.kind, t.kind), coalesce(e.channel, t.channel),
                               coalesce(e.code, t.code), e.q, t.q, count(*) over ()
                        from expected e full join actual t on t.unit_id = e.unit_id and t.kind = e.kind
                          and t.channel = e.channel and t.code = e.code
                        where coalesce(e.q, 0) <> coalesce(t.q, 0)
                        limit 5""")) {
                    int i = 1;
                    for (int k = 0; k < 2; k++) {
                        ps.setLong(i++, planA);
                        ps.setObject(i++, p.from());
                        ps.setObject(i++, p.to());
                    }
                    for (int k = 0; k < 2; k++) {
                        ps.setLong(i++, planA);
                        ps.setString(i++, p.id());
                    }
                    try (var rs = ps.executeQuery()) {
                        boolean first = true;
                        while (rs.next()) {
                            if (first) {
                                differences += rs.getLong(7); // all the differences of the period, not only these 5
                                first = false;
                            }
                            int kind = rs.getInt(2);
                            line("- differs in " + p.id() + ": unit " + rs.getLong(1) + (kind == -1 ? " own"
                                    : kind == -2 ? " subtree" : " level " + kind) + " " + rs.getString(3) + "/" + rs.getString(4) + ": recomputed "
                                    + rs.getObject(5) + ", counter " + rs.getObject(6));
                        }
                    }
                }
                try (var ps = c.prepareStatement("select count(*) from (select 1 from activity_total where plan_id = ? "
                        + "and period_id = ? group by unit_id, own, channel, indicator_code having sum(quantity) <> 0) "
                        + "k")) {
                    ps.setLong(1, planA);
                    ps.setString(2, p.id());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
                try (var ps = c.prepareStatement("select count(*) from (select 1 from activity_level_total where "
                        + "plan_id = ? and period_id = ? group by unit_id, level, channel, indicator_code having "
                        + "sum(quantity) <> 0) k")) {
                    ps.setLong(1, planA);
                    ps.setString(2, p.id());
                    try (var rs = ps.executeQuery()) {
                        rs.next();
                        rows += rs.getLong(1);
                    }
                }
            }
            c.commit();
        }
        line(String.format("- %,d counter keys (summed over slots) compared with the recomputation in the database in "
                + "%.1f s: %d differences", rows, (System.nanoTime() - t0) / 1e9, differences));
        summary.add(String.format("| W12 counters = recomputation | %,d counter keys | — | — | recomputation from "
                + "activities (in the database) | — | — | %d differences | 0: %s |", rows, differences,
                differences == 0 ? "met" : "**missed**"));
        return differences;
    }

    // --------------------------------------------------------------------------------------------- helpers

    void noResultReuse() throws Exception {
        // PERFORMANCE.md §3.9 trap 2: H2 would answer a repeated identical query from its last result
        List<Connection> held = new ArrayList<>();
        try {
            for (int i = 0; i < 10; i++) {
                Connection c = dataSource.getConnection();
                held.add(c);
                try (var st = c.createStatement()) {
                    st.execute("SET OPTIMIZE_REUSE_RESULTS 0");
                }
            }
        } finally {
            for (Connection c : held) {
                c.close();
            }
        }
    }

    /** Collections so far and their accumulated time (ms), over every collector of this JVM. */
    static long[] gc() {
        long n = 0;
        long ms = 0;
        for (var bean : java.lang.management.ManagementFactory.getGarbageCollectorMXBeans()) {
            n += Math.max(0, bean.getCollectionCount());
            ms += Math.max(0, bean.getCollectionTime());
        }
        return new long[] {n, ms};
    }

    long count(String sql, Object... args) {
        Long n = jdbc.queryForObject(sql, Long.class, args);
        return n == null ? 0 : n;
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

    void ratio(String workload, String candidateName, List<Long> candidate, String baselineName,
            List<Long> baseline, String target) {
        long[] c = sorted(candidate);
        long[] b = sorted(baseline);
        if (c.length == 0 || b.length == 0) {
            return;
        }
        double r = pct(b, 50) / pct(c, 50);
        line(String.format("- %s %s: n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", workload,
                candidateName, c.length, pct(c, 50), pct(c, 90), pct(c, 99), c[c.length - 1] / 1e6));
        line(String.format("  %s: n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms; baseline ÷ candidate "
                + "(p50) = %.1f", baselineName, b.length, pct(b, 50), pct(b, 90), pct(b, 99), b[b.length - 1] / 1e6,
                r));
        summary.add(String.format("| %s | %s | %.3f | %.3f | %s | %.3f | %.3f | %.1f | %s |", workload, candidateName,
                pct(c, 50), pct(c, 99), baselineName, pct(b, 50), pct(b, 99), r, target));
    }

    /** One distribution with no baseline of its own (a read on churned caches, an execution inside the database). */
    void alone(String workload, String name, List<Long> samples, String target) {
        long[] c = sorted(samples);
        if (c.length == 0) {
            return;
        }
        line(String.format("- %s %s: n=%d p50 %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms", workload, name,
                c.length, pct(c, 50), pct(c, 90), pct(c, 99), c[c.length - 1] / 1e6));
        summary.add(String.format("| %s | %s | %.3f | %.3f | — | | | | %s |", workload, name, pct(c, 50), pct(c, 99),
                target));
    }

    static long[] sorted(List<Long> values) {
        long[] a = values.stream().mapToLong(Long::longValue).toArray();
        java.util.Arrays.sort(a);
        return a;
    }

    static double pct(long[] sorted, int p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
