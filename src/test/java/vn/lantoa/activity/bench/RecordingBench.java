package vn.lantoa.activity.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.Users;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.cascade.NationalTree;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.ActivityTotals;
import vn.lantoa.activity.GroupSwitch;
import vn.lantoa.reporting.BenchSwitch;
import vn.lantoa.reporting.PeriodScheme;
import vn.lantoa.reporting.PlanPeriods;
import vn.lantoa.reporting.ReportingPeriod;

/**
 * W7 of PERFORMANCE.md §5.2: recording activities through {@code POST /api/v1/activities} (form-urlencoded, bearer
 * tokens of 16 commune officers, counters, validation and security on) at 16 connections, against the same endpoint
 * with the counters off and the request path's floors ({@code GET /api/v1/bench/ping}: security and token only;
 * {@code GET /api/v1/me}), in interleaved blocks of one run, while a province's consolidation (a dashboard) is read
 * every 100 ms; then W12 (the counters of the written plan equal a recomputation from its activities; the test fails
 * otherwise). The load comes from {@code wrk} (Debian package), a separate process, so that the clients do not eat
 * the server's JVM. Skipped unless {@code -Dlantoa.bench=true}; commands in docs/benchmarks.md.
 */
// W7 sends thousands of activities a minute from each officer: the per-user upload limit (B-EV-10, 120 a minute by
// default) guards against one person's flood, not the country's load, so the benchmark lifts it
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "lantoa.upload.rate-limit.max=100000000")
@Import(RecordingBench.Ping.class)
@EnabledIfSystemProperty(named = "lantoa.bench", matches = "true")
class RecordingBench {

    static final String TREE = System.getProperty("lantoa.bench.tree", "national");
    static final long ACTIVITIES = Long.getLong("lantoa.bench.activities", 100_000L);
    static final int SECONDS = Integer.getInteger("lantoa.bench.seconds", 10);
    static final int ROUNDS = Integer.getInteger("lantoa.bench.rounds", 3);
    static final int WARM_UP = Integer.getInteger("lantoa.bench.warmup", 30);
    static final int CONNECTIONS = Integer.getInteger("lantoa.bench.connections", 16);
    static final int THREADS = Integer.getInteger("lantoa.bench.wrk.threads", 2);
    static final String WRK = System.getProperty("lantoa.bench.wrk", "wrk");
    /**
     * Which blocks each round runs (for profiling one of them): on, off, alone (counters on, each recording in a
     * transaction of its own: the group commit's baseline), ping, me.
     */
    static final java.util.Set<String> BLOCKS = java.util.Set.of(System.getProperty("lantoa.bench.blocks",
            "on,off,alone,ping,me").split(","));
    /** Whether a dashboard is read every 100 ms meanwhile (the workload; off only to profile the POST alone). */
    static final boolean DASHBOARD = Boolean.parseBoolean(System.getProperty("lantoa.bench.dashboard", "true"));

    /** The floor of the request path: authenticated by the same filters, no work behind them. */
    @TestConfiguration
    @RestController
    static class Ping {
        @GetMapping("/api/v1/bench/ping")
        @PreAuthorize("isAuthenticated()")
        String ping() {
            return "pong";
        }
    }

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
    vn.lantoa.activity.ActivityManagement activities;
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
    boolean postgres;
    NationalTree.Tree tree;
    long planA;
    long planB;
    List<ReportingPeriod> covered;
    ReportingPeriod current;
    Path work;

    @Test
    void recording() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        String db = postgres ? "postgresql" : "h2";
        work = Files.createDirectories(Path.of("target", "bench", "w7"));
        line("# W7: recording activities over HTTP (" + db + ", " + Runtime.getRuntime().availableProcessors()
                + " cores, load average " + load() + ")");
        if (postgres) {
            line("PostgreSQL " + jdbc.queryForObject("show server_version", String.class) + ": synchronous_commit = "
                    + jdbc.queryForObject("show synchronous_commit", String.class) + ", fsync = "
                    + jdbc.queryForObject("show fsync", String.class) + ", wal_sync_method = "
                    + jdbc.queryForObject("show wal_sync_method", String.class));
        }
        build();
        Result result = w7();
        long differences = w12();
        line("");
        line("## Summary (" + db + ", tree " + TREE + ", " + String.format("%,d", ACTIVITIES)
                + " activities before, load average at the end " + load() + ")");
        line("");
        line("| block | req/s | p50 ms | p90 ms | p99 ms (worst block) | server CPU µs/request | database CPU µs/request | errors |");
        line("|---|---|---|---|---|---|---|---|");
        for (String kind : List.of("counters on", "counters off", "one transaction each", "GET ping", "GET me")) {
            line(result.row(kind));
        }
        double on = result.rate("counters on");
        double off = result.rate("counters off");
        line("");
        line(String.format("- activities/s with counters: %,.0f (target ≥ 2,000: %s); p99 %.1f ms (target < 50: %s)",
                on, on >= 2000 ? "met" : "**missed**", result.p99("counters on"),
                result.p99("counters on") < 50 ? "met" : "**missed**"));
        line(String.format("- counters on ÷ counters off (cost per activity, 1/throughput): %.2f (target ≤ 2: %s)",
                off / on, off / on <= 2 ? "met" : "**missed**"));
        line(String.format("- POST with counters ÷ GET ping (cost per request): %.1f; ÷ GET me: %.1f",
                result.rate("GET ping") / on, result.rate("GET me") / on));
        line(String.format("- server CPU per request: counters on ÷ off %.2f; POST ÷ GET ping %.1f; POST ÷ GET me %.1f",
                result.cpu("counters on") / result.cpu("counters off"), result.cpu("counters on")
                        / result.cpu("GET ping"), result.cpu("counters on") / result.cpu("GET me")));
        if (!Double.isNaN(result.dbCpu("counters on"))) {
            double machine = result.cpu("counters on") + result.dbCpu("counters on");
            line(String.format("- CPU per recording, server JVM + database: %,.0f µs; on %d cores that allows at most "
                    + "%,.0f recordings/s (wrk's own CPU not counted)", machine, Runtime.getRuntime()
                    .availableProcessors(), Runtime.getRuntime().availableProcessors() * 1e6 / machine));
        }
        if (!result.of("one transaction each").isEmpty()) {
            line(String.format("- group commit: counters on ÷ one transaction per recording %.2f in throughput; CPU per "
                    + "recording (server + database) %.2f of it", on / result.rate("one transaction each"),
                    (result.cpu("counters on") + nanToZero(result.dbCpu("counters on")))
                            / (result.cpu("one transaction each") + nanToZero(result.dbCpu("one transaction each")))));
        }
        line(String.format("- W12: %d differences", differences));
        Files.writeString(Path.of("target", "bench", "recording-" + db + ".md"), report.toString());
        assertThat(result.errors()).as("W7: failed requests").isZero();
        assertThat(differences).as("W12: counters that differ from a recomputation").isZero();
    }

    // ------------------------------------------------------------------------------------------------------ data

    void build() throws Exception {
        String tag = TestActor.token();
        long t0 = System.nanoTime();
        tree = generator.generate(switch (TREE) {
            case "small" -> NationalTree.Settings.small(tag);
            case "national" -> NationalTree.Settings.national(tag);
            default -> { // provinces x communes, e.g. 34x340
                String[] pc = TREE.split("x");
                yield new NationalTree.Settings(Integer.parseInt(pc[0]), Integer.parseInt(pc[1]), 7, 42, tag);
            }
        });
        line(String.format("tree: %,d units generated in %.1f s", tree.units(), (System.nanoTime() - t0) / 1e9));
        CurrentUser issuer = PlanFixture.user(units.get(tree.rootId()), Role.OFFICER);
        planA = plans.create(issuer, PlanInput.parse(ReportingWorld.planJson("W7 A " + tag))).id();
        plans.issue(issuer, planA, null);
        planB = plans.create(issuer, PlanInput.parse(ReportingWorld.planJson("W7 B " + tag)
                .replace("\"77\"", "\"78\"").replace("77-KH", "78-KH"))).id();
        plans.issue(issuer, planB, null);
        PeriodScheme scheme = periods.scheme(planA);
        LocalDate today = LocalDate.now(Deadline.VIETNAM);
        current = scheme.containing(today).orElseThrow();
        LocalDate first = scheme.containing(current.from().minusMonths(21)).orElseThrow().from();
        covered = scheme.between(first, today);
        if (ACTIVITIES > 0) {
            t0 = System.nanoTime();
            long next = background(first, today, d -> scheme.containing(d).map(ReportingPeriod::id).orElse(null));
            jdbc.execute("alter table activity alter column id restart with " + next);
            if (postgres) {
                for (String table : List.of("activity", "activity_output", "activity_total")) {
                    jdbc.execute("vacuum analyze " + table);
                }
            } else {
                jdbc.execute("analyze");
            }
            line(String.format("background: %,d activities of plan A over %s–%s with their counters in %.1f s",
                    next - firstId, first, today, (System.nanoTime() - t0) / 1e9));
        }
    }

    long firstId;

    /**
     * The background activities of plan A and their counters, written by the reporting benchmark's loader
     * ({@code vn.lantoa.reporting.bench.ReportingData}, package-private there: used as it is, through reflection).
     */
    long background(LocalDate first, LocalDate last, Function<LocalDate, String> periodOf) throws Exception {
        String rootPath = units.get(tree.rootId()).path();
        Class<?> dataClass = Class.forName("vn.lantoa.reporting.bench.ReportingData");
        Class<?> unitClass = Class.forName("vn.lantoa.reporting.bench.ReportingData$U");
        Constructor<?> unit = unitClass.getDeclaredConstructor(long.class, Long.class, String.class, int.class,
                String.class);
        unit.setAccessible(true);
        List<Object> all = new ArrayList<>();
        List<Object[]> rows = jdbc.query("select id, parent_id, path, depth, kind from unit where path >= ? and "
                + "path < ? order by path", (rs, i) -> new Object[] {rs.getLong(1), rs.getObject(2, Long.class),
                    rs.getString(3), rs.getInt(4), rs.getString(5)}, rootPath, Units.upperBound(rootPath));
        rows.sort((a, b) -> ((String) a[2]).compareTo((String) b[2])); // Java's order, as the loader walks it
        for (Object[] r : rows) {
            all.add(unit.newInstance(r));
        }
        Map<String, List<String>> indicators = new LinkedHashMap<>();
        jdbc.query("select channel, code from indicator where active = true order by channel, position, code",
                rs -> {
                    indicators.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                });
        Constructor<?> make = dataClass.getDeclaredConstructor(DataSource.class, boolean.class, Map.class);
        make.setAccessible(true);
        Object data = make.newInstance(dataSource, postgres, indicators);
        Method load = dataClass.getDeclaredMethod("load", long.class, List.class, long.class, long.class,
                LocalDate.class, LocalDate.class, Function.class, long.class);
        load.setAccessible(true);
        firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1 from activity", Long.class);
        return (long) load.invoke(data, planA, all, ACTIVITIES, firstId, first, last, periodOf, 42L);
    }

    String token(long unitId) {
        var unit = units.get(unitId);
        String name = "w7." + unitId + "." + TestActor.token();
        long id = users.insert(name, name, unitId, Role.OFFICER, "{noop}x", false, Instant.now());
        return tokens.create(new CurrentUser(id, name, name, unitId, unit.path(), unit.shortName(), Role.OFFICER,
                false), "w7", 1).token();
    }

    // ------------------------------------------------------------------------------------------------------ W7

    /** One block's figures, from wrk. */
    record Block(String kind, long requests, double seconds, long errors, double p50, double p90, double p99,
            double max, double cpuMicros, double dbCpuMicros) {
        double rate() {
            return requests / seconds;
        }
    }

    /** Every measured block. */
    record Result(List<Block> blocks) {
        List<Block> of(String kind) {
            return blocks.stream().filter(b -> b.kind().equals(kind)).toList();
        }

        double rate(String kind) {
            return of(kind).stream().mapToLong(Block::requests).sum()
                    / of(kind).stream().mapToDouble(Block::seconds).sum();
        }

        double p99(String kind) {
            return of(kind).stream().mapToDouble(Block::p99).max().orElse(Double.NaN);
        }

        /** The server JVM's CPU time per request (µs): what a request costs, whatever else the machine runs. */
        double cpu(String kind) {
            return of(kind).stream().mapToDouble(b -> b.cpuMicros() * b.requests()).sum()
                    / of(kind).stream().mapToLong(Block::requests).sum();
        }

        /** The database server's CPU time per request (µs), when it runs on this machine as PostgreSQL; NaN otherwise. */
        double dbCpu(String kind) {
            return of(kind).stream().mapToDouble(b -> b.dbCpuMicros() * b.requests()).sum()
                    / of(kind).stream().mapToLong(Block::requests).sum();
        }

        double median(String kind, java.util.function.ToDoubleFunction<Block> f) {
            double[] v = of(kind).stream().mapToDouble(f).sorted().toArray();
            return v.length == 0 ? Double.NaN : v[v.length / 2];
        }

        long errors() {
            return blocks.stream().mapToLong(Block::errors).sum();
        }

        String row(String kind) {
            return String.format("| %s | %,.0f | %.2f | %.2f | %.2f | %,.0f | %,.0f | %d |", kind, rate(kind),
                    median(kind, Block::p50), median(kind, Block::p90), p99(kind), cpu(kind), dbCpu(kind),
                    of(kind).stream().mapToLong(Block::errors).sum());
        }
    }

    Result w7() throws Exception {
        line("");
        line(String.format("## W7: %d connections (wrk, %d threads), %d s blocks, %d rounds of: %s", CONNECTIONS,
                THREADS, SECONDS, ROUNDS, String.join(", ", new java.util.TreeSet<>(BLOCKS))));
        List<Long> communes = tree.communes().stream().flatMap(List::stream).toList();
        List<String> writers = new ArrayList<>();
        for (int i = 0; i < CONNECTIONS; i++) {
            writers.add(token(communes.get((int) ((i * 7919L) % communes.size()))));
        }
        Path tokenFile = work.resolve("tokens.txt");
        Files.write(tokenFile, writers);
        Path script = work.resolve("w7.lua");
        Files.writeString(script, LUA);
        long province = tree.provinces().get(0);
        String reader = token(province);
        AtomicBoolean reading = new AtomicBoolean(true);
        ConcurrentLinkedQueue<Long> dashboard = new ConcurrentLinkedQueue<>();
        AtomicLong dashboardErrors = new AtomicLong();
        HttpRequest consolidation = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans/"
                + planA + "/consolidation?period=" + current.id() + "&unit=" + province))
                .header("Authorization", "Bearer " + reader).GET().build();
        Thread dashboards = new Thread(() -> {
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            while (reading.get()) {
                long a = System.nanoTime();
                try {
                    HttpResponse<String> r = http.send(consolidation, HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() == 200) {
                        dashboard.add(System.nanoTime() - a);
                    } else {
                        dashboardErrors.incrementAndGet();
                    }
                    Thread.sleep(100);
                } catch (InterruptedException e) {
                    return;
                } catch (Exception e) {
                    dashboardErrors.incrementAndGet();
                }
            }
        }, "w7-dashboard");
        String day = LocalDate.now(Deadline.VIETNAM).toString();
        List<Block> blocks = new ArrayList<>();
        if (DASHBOARD) {
            dashboards.start();
        }
        try {
            // the JIT needs tens of thousands of requests before a block is steady: warm every path first
            wrk("warm-up on", tokenFile, script, "post", planA, day, WARM_UP);
            BenchSwitch.liveTotals(totals, false);
            try {
                wrk("warm-up off", tokenFile, script, "post", planB, day, WARM_UP / 2);
            } finally {
                BenchSwitch.liveTotals(totals, true);
            }
            wrk("warm-up ping", tokenFile, script, "/api/v1/bench/ping", 0, day, WARM_UP / 3);
            wrk("warm-up me", tokenFile, script, "/api/v1/me", 0, day, WARM_UP / 3);
            for (int round = 0; round < ROUNDS; round++) {
                if (BLOCKS.contains("on")) {
                    blocks.add(wrk("counters on", tokenFile, script, "post", planA, day, SECONDS));
                }
                if (BLOCKS.contains("off")) {
                    BenchSwitch.liveTotals(totals, false);
                    try {
                        blocks.add(wrk("counters off", tokenFile, script, "post", planB, day, SECONDS));
                    } finally {
                        BenchSwitch.liveTotals(totals, true);
                    }
                }
                if (BLOCKS.contains("alone")) {
                    GroupSwitch.grouped(activities, false);
                    try {
                        blocks.add(wrk("one transaction each", tokenFile, script, "post", planA, day, SECONDS));
                    } finally {
                        GroupSwitch.grouped(activities, true);
                    }
                }
                if (BLOCKS.contains("ping")) {
                    blocks.add(wrk("GET ping", tokenFile, script, "/api/v1/bench/ping", 0, day, SECONDS));
                }
                if (BLOCKS.contains("me")) {
                    blocks.add(wrk("GET me", tokenFile, script, "/api/v1/me", 0, day, SECONDS));
                }
            }
        } finally {
            reading.set(false);
            if (DASHBOARD) {
                dashboards.join(); // its request in flight answered (an interrupt would break the connection)
            }
        }
        long[] d = dashboard.stream().mapToLong(Long::longValue).sorted().toArray();
        if (d.length > 0) {
            line(String.format("- dashboards read meanwhile (consolidation of a province, every 100 ms): n=%d, p50 "
                    + "%.2f ms, p99 %.2f ms, max %.2f ms, errors %d", d.length, pct(d, 50), pct(d, 99),
                    d[d.length - 1] / 1e6, dashboardErrors.get()));
        }
        return new Result(blocks);
    }

    /**
     * One wrk run: "post" records activities for the plan (each request a new title, channel and quantity, the
     * officers' tokens in turn); otherwise GETs the path. For a POST block the activities written are counted in the
     * database too: each request wrk counts must have written one (a few more may have been in flight at its end).
     */
    Block wrk(String kind, Path tokens, Path script, String what, long plan, String day, int seconds)
            throws Exception {
        boolean post = what.equals("post");
        long before = post ? count(plan) : 0;
        List<String> command = List.of(WRK, "-t" + THREADS, "-c" + CONNECTIONS, "-d" + seconds + "s", "--timeout",
                "10s", "-s", script.toString(), "http://127.0.0.1:" + port, "--", tokens.toAbsolutePath().toString(),
                post ? "POST" : "GET", post ? "/api/v1/activities" : what, String.valueOf(plan), day);
        long cpu0 = cpu();
        long db0 = databaseCpu();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        long cpuUsed = cpu() - cpu0;
        long dbUsed = db0 < 0 ? -1 : databaseCpu() - db0;
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + out);
        }
        String figures = out.lines().filter(l -> l.startsWith("W7 ")).findFirst()
                .orElseThrow(() -> new IllegalStateException("no figures from wrk: " + out));
        String[] f = figures.split(" ");
        long requests = Long.parseLong(f[1]);
        double took = Long.parseLong(f[2]) / 1e6;
        long errors = Long.parseLong(f[3]) + Long.parseLong(f[4]) + Long.parseLong(f[5]) + Long.parseLong(f[6])
                + Long.parseLong(f[7]);
        Block block = new Block(kind, requests, took, errors, Long.parseLong(f[8]) / 1e3, Long.parseLong(f[9]) / 1e3,
                Long.parseLong(f[10]) / 1e3, Long.parseLong(f[11]) / 1e3, cpuUsed / 1e3 / Math.max(1, requests),
                dbUsed < 0 ? Double.NaN : dbUsed / 1e3 / Math.max(1, requests));
        String written = "";
        if (post) {
            Thread.sleep(200);
            long added = count(plan) - before;
            written = String.format(", %,d activities written", added);
            if (added < requests || added > requests + CONNECTIONS) {
                throw new AssertionError(kind + ": wrk counted " + requests + " answers but " + added
                        + " activities were written: " + out);
            }
        }
        line(String.format("- %s: %,.0f req/s (%,d in %.1f s%s), p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.1f ms, "
                + "server CPU %,.0f µs/request, database CPU %,.0f µs/request, errors %d (load average %s)", kind,
                block.rate(), requests, took, written, block.p50(), block.p90(), block.p99(), block.max(),
                block.cpuMicros(), block.dbCpuMicros(), errors, load()));
        if (errors > 0) {
            line("  wrk: " + out.replace('\n', ' '));
        }
        return block;
    }

    private static double nanToZero(double v) {
        return Double.isNaN(v) ? 0 : v;
    }

    /** The CPU time this JVM (the server) has used, ns. */
    static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * The CPU time the PostgreSQL server has used (ns): its postmaster and every process it started (backends, WAL
     * writer, checkpointer; the backends of the pool live through a block), from /proc; -1 for H2 or a server that is
     * not a process of this machine. What a recording costs the database whatever else the machine runs.
     */
    long databaseCpu() {
        try {
            if (!jdbc.queryForObject("select version()", String.class).startsWith("PostgreSQL")) {
                return -1;
            }
            long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
            long postmaster = parentOf(backend);
            if (postmaster <= 1) {
                return -1;
            }
            long ticks = 0;
            try (var procs = java.nio.file.Files.list(Path.of("/proc"))) {
                for (Path proc : (Iterable<Path>) procs::iterator) {
                    String name = proc.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    long pid = Long.parseLong(name);
                    try {
                        String[] stat = stat(pid);
                        if (pid == postmaster) { // itself, and the processes it has reaped
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]) + Long.parseLong(stat[13])
                                    + Long.parseLong(stat[14]);
                        } else if (Long.parseLong(stat[1]) == postmaster) {
                            ticks += Long.parseLong(stat[11]) + Long.parseLong(stat[12]);
                        }
                    } catch (java.io.IOException | RuntimeException gone) {
                        // a process that ended meanwhile
                    }
                }
            }
            return ticks * 10_000_000L; // USER_HZ = 100 on Linux
        } catch (Exception e) {
            return -1;
        }
    }

    /** /proc/PID/stat after the command's name: [0] state, [1] ppid, … [11] utime, [12] stime, [13] cutime, [14] cstime. */
    private static String[] stat(long pid) throws java.io.IOException {
        String stat = java.nio.file.Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
        return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    }

    private static long parentOf(long pid) throws java.io.IOException {
        return Long.parseLong(stat(pid)[1]);
    }

    long count(long plan) {
        return jdbc.queryForObject("select count(*) from activity where plan_id = ?", Long.class, plan);
    }

    /**
     * The wrk script. Arguments: the tokens' file, POST or GET, the path, the plan, the day. Each thread takes the
     * tokens in turn from its own offset; a POST carries a new title and a channel, indicator and quantity that
     * change from request to request. Prints one line: W7 requests duration-µs connect read write status timeout p50
     * p90 p99 max (µs); status counts answers ≥ 400.
     */
    static final String LUA = """
            local counter = 0
            function setup(thread)
              thread:set("tid", counter)
              counter = counter + 1
            end
            local kinds = {{"oral", "attendees"}, {"visual", "banners"}, {"mass_media", "news_items"},
                           {"social_media", "social_posts"}}
            function init(args)
              tokens = {}
              for line in io.lines(args[1]) do tokens[#tokens + 1] = line end
              method = args[2]; path = args[3]; plan = args[4]; day = args[5]
              n = 0
            end
            function request()
              n = n + 1
              local token = tokens[((tid or 0) * 7 + n) % #tokens + 1]
              local headers = {["Authorization"] = "Bearer " .. token}
              if method == "GET" then
                return wrk.format("GET", path, headers)
              end
              local k = kinds[n % #kinds + 1]
              headers["Content-Type"] = "application/x-www-form-urlencoded"
              local body = "planId=" .. plan .. "&title=W7+" .. (tid or 0) .. "-" .. n .. "&channel=" .. k[1]
                .. "&startsOn=" .. day .. "&output." .. k[2] .. "=" .. (1 + n % 50)
              return wrk.format("POST", path, headers, body)
            end
            function done(summary, latency, requests)
              local e = summary.errors
              io.write(string.format("W7 %d %d %d %d %d %d %d %d %d %d %d\\n", summary.requests, summary.duration,
                e.connect, e.read, e.write, e.status, e.timeout, latency:percentile(50), latency:percentile(90),
                latency:percentile(99), latency.max))
            end
            """;

    // ------------------------------------------------------------------------------------------------------ W12

    /** The counters of plan A against a recomputation from its activities and outputs, period by period. */
    long w12() {
        line("");
        line("## W12: counters of plan A against a recomputation from its activities (after W7)");
        long differences = 0;
        long keys = 0;
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
                String rest = "|" + rs.getString(2) + "|" + rs.getString(3);
                long q = rs.getLong(4);
                String[] ids = rs.getString(1).substring(1).split("/");
                expected.merge(ids[ids.length - 1] + "|true" + rest, q, Long::sum);
                for (String id : ids) {
                    expected.merge(id + "|false" + rest, q, Long::sum);
                }
            }, planA, p.from(), p.to(), planA, p.from(), p.to());
            Map<String, Long> actual = new HashMap<>();
            jdbc.query("select unit_id, own, channel, indicator_code, sum(quantity) from activity_total where "
                    + "plan_id = ? and period_id = ? group by unit_id, own, channel, indicator_code", rs -> {
                        actual.put(rs.getLong(1) + "|" + rs.getBoolean(2) + "|" + rs.getString(3) + "|"
                                + rs.getString(4), rs.getLong(5));
                    }, planA, p.id());
            expected.values().removeIf(q -> q == 0);
            actual.values().removeIf(q -> q == 0);
            keys += actual.size();
            for (Map.Entry<String, Long> e : expected.entrySet()) {
                if (!e.getValue().equals(actual.get(e.getKey())) && differences++ < 5) {
                    line("- differs: " + e.getKey() + " recomputed " + e.getValue() + ", counter "
                            + actual.get(e.getKey()));
                }
            }
            for (String k : actual.keySet()) {
                if (!expected.containsKey(k) && differences++ < 5) {
                    line("- counter without activities: " + k + " = " + actual.get(k));
                }
            }
        }
        line(String.format("- %,d counter keys (summed over slots) compared in %.1f s: %d differences", keys,
                (System.nanoTime() - t0) / 1e9, differences));
        return differences;
    }

    // --------------------------------------------------------------------------------------------- helpers

    static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException e) {
            return "?";
        }
    }

    void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }
}
