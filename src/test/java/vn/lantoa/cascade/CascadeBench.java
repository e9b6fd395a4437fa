package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.transaction.support.TransactionTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.Users;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;

/**
 * Benchmarks W2, W3 and W4 of PERFORMANCE.md on the national tree (tier M: ~60,000 units), each against its baseline
 * in the same run, interleaved (A, B, A, B). Not part of the normal suite: run with {@code -Dlantoa.bench=true}
 * (commands in docs/benchmarks.md). Writes target/bench/cascade-&lt;database&gt;.md.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EnabledIfSystemProperty(named = "lantoa.bench", matches = "true")
class CascadeBench {

    static final int ROUNDS = Integer.getInteger("lantoa.bench.rounds", 5);
    static final int SAMPLES = Integer.getInteger("lantoa.bench.samples", 300);
    static final int COMMUNE_PROVINCES = Integer.getInteger("lantoa.bench.communeProvinces", 34);
    /** Tier: the national tree by default; fewer provinces and communes to validate the harness quickly. */
    static final int PROVINCES = Integer.getInteger("lantoa.bench.provinces", 34);
    static final int COMMUNES = Integer.getInteger("lantoa.bench.communes", 3_321);

    @LocalServerPort
    int port;
    @Autowired
    NationalTree generator;
    @Autowired
    PlanManagement plans;
    @Autowired
    CascadeIssuing issuing;
    @Autowired
    CascadeDerive derive;
    @Autowired
    CascadeView view;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    DataSource dataSource;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    Users users;
    @Autowired
    ApiTokens tokens;
    @Autowired
    Units units;

    final StringBuilder report = new StringBuilder();
    boolean postgres;
    long ids = 8_000_000_000L;

    /** A unit of the generated tree. */
    record U(long id, Long parentId, String path, int depth, String kind, String shortName) {
    }

    @Test
    void cascadeWorkloads() throws Exception {
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
        String db = postgres ? "postgresql" : "h2";
        if (!postgres) {
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
        line("# Cascade benchmarks (" + db + ", " + Runtime.getRuntime().availableProcessors() + " cores)");
        String tag = TestActor.token();
        long t0 = System.nanoTime();
        NationalTree.Tree tree = generator.generate(PROVINCES == 34 && COMMUNES == 3_321
                ? NationalTree.Settings.national(tag) : new NationalTree.Settings(PROVINCES, COMMUNES, 7, 42, tag));
        line(String.format("generated %,d units in %.1f s", tree.units(), (System.nanoTime() - t0) / 1e9));
        String rootPath = units.get(tree.rootId()).path();
        List<U> all = jdbc.query("select id, parent_id, path, depth, kind, short_name from unit where path >= ? "
                + "and path < ? order by path", (rs, i) -> new U(rs.getLong(1), (Long) rs.getObject(2, Long.class),
                        rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6)), rootPath,
                Units.upperBound(rootPath));
        int rootDepth = all.get(0).depth();
        java.util.Set<Long> communeIds = new java.util.HashSet<>();
        tree.communes().forEach(communeIds::addAll);
        List<PlanIssued.AssignedUnit> assigned = new ArrayList<>();
        for (U u : all) {
            if (u.id() == tree.rootId() || u.id() == tree.boardId()) {
                continue;
            }
            int index = u.depth() == rootDepth + 1 ? 0 : communeIds.contains(u.id()) ? 1
                    : u.kind().equals("PARTY_CELL") ? 3 : 2;
            assigned.add(new PlanIssued.AssignedUnit(u.id(), index, vn.lantoa.planformat.Role.LEAD));
        }
        U board = all.stream().filter(u -> u.id() == tree.boardId()).findFirst().orElseThrow();
        CurrentUser boardOfficer = user(board, Role.OFFICER);

        String only = System.getProperty("lantoa.bench.only", "w2,w3,w4");
        long keep;
        if (only.contains("w2")) {
            keep = w2(tag, board, boardOfficer, assigned);
        } else {
            StoredPlan plan = issueNational(boardOfficer, tag + " w3");
            tx.execute(s -> issuing.issued(new PlanIssued(plan.id(), 1, board.id(), plan.plan().document().symbol(),
                    plan.plan().document().issuedOn(), Instant.now(), List.of(), assigned)));
            keep = plan.id();
        }
        if (only.contains("w4")) {
            w4(tag, tree, all, board, boardOfficer);
        }
        if (only.contains("w3")) {
            w3(keep, all, communeIds);
        }

        Path out = Path.of("target", "bench", "cascade-" + db + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, report.toString());
        System.out.println(report);
    }

    // ------------------------------------------------------------------------------------------------------ W2

    /**
     * Issues the national plan to every unit end to end (candidate: {@code POST /api/v1/plans/{id}/issue} over HTTP,
     * the plan module's issue with everything it triggers: the cascade's tasks and entries in the issuing transaction,
     * the listeners after commit) against COPY / a JDBC batch of the same rows, and once against per-row autocommit.
     * Each round's draft is created and its four headings confirmed to the units (as an officer does on the review
     * screen) before the clock starts.
     */
    long w2(String tag, U board, CurrentUser ignored, List<PlanIssued.AssignedUnit> assigned) throws Exception {
        line("");
        line("## W2: issue a national plan to " + String.format("%,d", assigned.size())
                + " units (POST /api/v1/plans/{id}/issue over HTTP)");
        // what a commit costs here decides what the naive baseline means: say it with the figures
        line(postgres ? "server: fsync=" + jdbc.queryForObject("show fsync", String.class) + ", synchronous_commit="
                + jdbc.queryForObject("show synchronous_commit", String.class) + ", full_page_writes="
                + jdbc.queryForObject("show full_page_writes", String.class)
                : "server: H2 in memory (a commit writes nothing durable: the naive baseline there is per-row "
                        + "statement overhead only)");
        String name = "bench.issuer." + TestActor.token();
        long userId = users.insert(name, name, board.id(), Role.OFFICER, "{noop}x", false, Instant.now());
        CurrentUser officer = new CurrentUser(userId, name, name, board.id(), board.path(), board.shortName(),
                Role.OFFICER, false);
        String bearer = tokens.create(officer, "bench", 1).token();
        Map<Integer, List<Long>> byIndex = new java.util.TreeMap<>();
        assigned.forEach(a -> byIndex.computeIfAbsent(a.assignmentIndex(), k -> new ArrayList<>()).add(a.unitId()));
        List<Integer> order = byIndex.keySet().stream()
                .sorted(java.util.Comparator.comparingInt(i -> byIndex.get(i).size())).toList();
        HttpClient http = HttpClient.newHttpClient();
        List<Long> candidate = new ArrayList<>();
        List<Long> baseline = new ArrayList<>();
        long keep = 0;
        long expectedTasks = 0;
        long expectedEntries = 0;
        List<Object[]> keptTasks = null;
        List<Object[]> keptEntries = null;
        for (int round = 0; round < ROUNDS + 1; round++) {
            StoredPlan draft = draftNational(officer, tag + " " + round);
            for (int index : order) { // smallest first: each confirmation rewrites the plan's matches
                plans.confirmUnits(officer, draft.id(), index, byIndex.get(index),
                        plans.get(officer, draft.id()).version());
            }
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans/"
                    + draft.id() + "/issue")).header("Authorization", "Bearer " + bearer)
                    .POST(HttpRequest.BodyPublishers.noBody()).build();
            long a = System.nanoTime();
            HttpResponse<String> issued = http.send(post, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - a;
            assertThat(issued.statusCode()).as(issued.body()).isEqualTo(200);
            long planId = draft.id();
            long tasks = count("select count(*) from task where plan_id = ?", planId);
            long entries = count("select count(*) from cascade_entry where plan_id = ?", planId);
            assertThat(tasks).isGreaterThan((long) assigned.size());
            assertThat(count("select count(distinct unit_id) from task where plan_id = ?", planId))
                    .isEqualTo((long) assigned.size());
            assertThat(view.counts(planId).stream().mapToLong(CascadeCounts::total).sum())
                    .isEqualTo((long) assigned.size());
            expectedTasks = tasks;
            expectedEntries = entries;
            // the same rows, read back, then written again by the floor
            List<Object[]> taskRows = jdbc.query("select plan_id, assignment_index, task_index, unit_id, kind, due_on "
                    + "from task where plan_id = ? order by id", (rs, i) -> new Object[] {rs.getLong(1), rs.getInt(2),
                            rs.getInt(3), rs.getLong(4), rs.getString(5), rs.getObject(6, LocalDate.class)}, planId);
            List<Object[]> entryRows = jdbc.query("select plan_id, unit_id, plan_path, level, due_on, state "
                    + "from cascade_entry where plan_id = ?", (rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2),
                            rs.getString(3), rs.getInt(4), rs.getObject(5, LocalDate.class), rs.getString(6)},
                    planId);
            if (round == ROUNDS) {
                keep = planId; // the last one stays: W3 derives from it
                keptTasks = taskRows;
                keptEntries = entryRows;
                break;
            }
            clean(planId);
            long b = System.nanoTime();
            floor(taskRows, entryRows);
            long floorTook = System.nanoTime() - b;
            assertThat(count("select count(*) from task where plan_id = ?", planId)).isEqualTo(tasks);
            clean(planId);
            if (round > 0) { // round 0 warms up
                candidate.add(took);
                baseline.add(floorTook);
            }
        }
        line(String.format("rows per issue: %,d tasks + %,d cascade entries (+ per-ancestor counters, the plan's "
                + "tasks, the calendar's index)", expectedTasks, expectedEntries));
        ratio("POST /api/v1/plans/{id}/issue (HTTP, end to end)", candidate,
                postgres ? "COPY of the same rows" : "JDBC batch insert of the same rows", baseline);
        if (!Boolean.getBoolean("lantoa.bench.skipNaive")) {
            // the naive baseline, once: the same rows, one INSERT and one commit each, into a scratch plan id
            long scratch = -keep;
            long n0 = System.nanoTime();
            naive(keptTasks, keptEntries, scratch);
            long naiveTook = System.nanoTime() - n0;
            assertThat(count("select count(*) from task where plan_id = ?", scratch)).isEqualTo(expectedTasks);
            clean(scratch);
            double ours = pct(candidate.stream().mapToLong(Long::longValue).sorted().toArray(), 50);
            line(String.format("- naive (per-row INSERT, autocommit, the same %,d rows), once: %.0f ms; naive ÷ "
                    + "issue (p50): %.1f", keptTasks.size() + keptEntries.size(), naiveTook / 1e6,
                    naiveTook / 1e6 / ours));
        }
        return keep;
    }

    /** The rows one at a time, each INSERT committed on its own (autocommit). */
    void naive(List<Object[]> taskRows, List<Object[]> entryRows, long planId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(true);
            try (PreparedStatement ps = c.prepareStatement("insert into task (plan_id, assignment_index, task_index, "
                    + "unit_id, kind, due_on, status, version) values (?, ?, ?, ?, ?, ?, 'OPEN', 0)")) {
                for (Object[] r : taskRows) {
                    ps.setLong(1, planId);
                    ps.setInt(2, (Integer) r[1]);
                    ps.setInt(3, (Integer) r[2]);
                    ps.setLong(4, (Long) r[3]);
                    ps.setString(5, (String) r[4]);
                    ps.setObject(6, r[5]);
                    ps.executeUpdate();
                }
            }
            try (PreparedStatement ps = c.prepareStatement("insert into cascade_entry (plan_id, unit_id, plan_path, "
                    + "level, due_on, state) values (?, ?, ?, ?, ?, ?)")) {
                for (Object[] r : entryRows) {
                    ps.setLong(1, planId);
                    ps.setLong(2, (Long) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setInt(4, (Integer) r[3]);
                    ps.setObject(5, r[4]);
                    ps.setString(6, (String) r[5]);
                    ps.executeUpdate();
                }
            }
        }
    }

    /** COPY (PostgreSQL) or a JDBC batch (H2) of the rows, in one transaction. */
    void floor(List<Object[]> taskRows, List<Object[]> entryRows) throws Exception {
        tx.execute(s -> {
            Connection c = DataSourceUtils.getConnection(dataSource);
            try {
                if (postgres) {
                    StringBuilder csv = new StringBuilder();
                    for (Object[] r : taskRows) {
                        csv.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(r[3])
                                .append(',').append(r[4]).append(',').append(r[5] == null ? "" : r[5])
                                .append(",OPEN,0\n");
                    }
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    copy.copyIn("copy task (plan_id, assignment_index, task_index, unit_id, kind, due_on, status, "
                            + "version) from stdin (format csv)", new StringReader(csv.toString()));
                    csv.setLength(0);
                    for (Object[] r : entryRows) {
                        csv.append(r[0]).append(',').append(r[1]).append(',').append(r[2]).append(',').append(r[3])
                                .append(',').append(r[4] == null ? "" : r[4]).append(',').append(r[5]).append('\n');
                    }
                    copy.copyIn("copy cascade_entry (plan_id, unit_id, plan_path, level, due_on, state) from stdin "
                            + "(format csv)", new StringReader(csv.toString()));
                } else {
                    try (PreparedStatement ps = c.prepareStatement("insert into task (plan_id, assignment_index, "
                            + "task_index, unit_id, kind, due_on, status, version) values (?, ?, ?, ?, ?, ?, 'OPEN', 0)")) {
                        int n = 0;
                        for (Object[] r : taskRows) {
                            ps.setLong(1, (Long) r[0]);
                            ps.setInt(2, (Integer) r[1]);
                            ps.setInt(3, (Integer) r[2]);
                            ps.setLong(4, (Long) r[3]);
                            ps.setString(5, (String) r[4]);
                            ps.setObject(6, r[5]);
                            ps.addBatch();
                            if (++n % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                        ps.executeBatch();
                    }
                    try (PreparedStatement ps = c.prepareStatement("insert into cascade_entry (plan_id, unit_id, "
                            + "plan_path, level, due_on, state) values (?, ?, ?, ?, ?, ?)")) {
                        int n = 0;
                        for (Object[] r : entryRows) {
                            ps.setLong(1, (Long) r[0]);
                            ps.setLong(2, (Long) r[1]);
                            ps.setString(3, (String) r[2]);
                            ps.setInt(4, (Integer) r[3]);
                            ps.setObject(5, r[4]);
                            ps.setString(6, (String) r[5]);
                            ps.addBatch();
                            if (++n % 1000 == 0) {
                                ps.executeBatch();
                            }
                        }
                        ps.executeBatch();
                    }
                }
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            return null;
        });
    }

    void clean(long planId) {
        tx.execute(s -> {
            jdbc.update("delete from task where plan_id = ?", planId);
            jdbc.update("delete from cascade_entry where plan_id = ?", planId);
            jdbc.update("delete from cascade_count where plan_id = ?", planId);
            return null;
        });
    }

    /** A national plan with four assignments (provinces, communes, bodies, Party cells), created and issued. */
    StoredPlan issueNational(CurrentUser officer, String title) {
        return plans.issue(officer, draftNational(officer, title).id(), null);
    }

    /** The same plan as a draft. */
    StoredPlan draftNational(CurrentUser officer, String title) {
        String json = """
                {
                  "format": "lantoa.plan/1",
                  "document": {
                    "kind": "KH", "number": "NUMBER", "symbol": "NUMBER-KH/BTGTW", "system": "party",
                    "issuedOn": "2025-01-02", "issuer": "Ban Tuyên giáo Trung ương", "title": "tuyên truyền TITLE",
                    "signer": { "name": "Nguyễn Văn A", "position": "Phó Trưởng ban", "authority": "KT. Trưởng ban" }
                  },
                  "events": [], "phases": [ { "label": "Đợt 1", "title": "Trước Đại hội", "content": [ "Treo băng rôn" ],
                                              "phases": [] } ],
                  "channels": [ { "kind": "mass_media", "title": "Báo chí", "items": [] } ],
                  "themes": [ "Niềm tin mới" ],
                  "assignments": [
                    { "unit": "Nhóm một BENCH", "role": "lead", "tasks": [
                      { "text": "Xây dựng kế hoạch thực hiện", "due": { "date": "2025-02-15" }, "kind": "plan" },
                      { "text": "Báo cáo kết quả", "due": { "date": "2025-06-15" }, "kind": "report" } ] },
                    { "unit": "Nhóm hai BENCH", "role": "lead", "tasks": [
                      { "text": "Xây dựng kế hoạch thực hiện", "due": { "date": "2025-03-01" }, "kind": "plan" },
                      { "text": "Báo cáo kết quả", "due": { "date": "2025-06-10" }, "kind": "report" } ] },
                    { "unit": "Nhóm ba BENCH", "role": "lead", "tasks": [
                      { "text": "Treo băng rôn, khẩu hiệu", "due": { "date": "2025-03-31" }, "kind": "activity" },
                      { "text": "Báo cáo kết quả", "due": { "date": "2025-06-05" }, "kind": "report" } ] },
                    { "unit": "Nhóm bốn BENCH", "role": "lead", "tasks": [
                      { "text": "Quán triệt tại sinh hoạt chi bộ", "due": { "date": "2025-03-31" },
                        "kind": "activity" } ] } ],
                  "recipients": [ "Lưu" ]
                }
                """.replace("NUMBER", String.valueOf(100 + (ids++ % 800))).replace("TITLE", title);
        return plans.create(officer, PlanInput.parse(json));
    }

    // ------------------------------------------------------------------------------------------------------ W4

    /**
     * The cascade: a root plan assigns the 34 provinces; most derive and issue a plan assigning their bodies and
     * communes; most communes derive and issue one assigning their bodies (some late, some only drafted, some
     * missing). Then one screen of the view (root, a province) against the naive recursive query.
     */
    void w4(String tag, NationalTree.Tree tree, List<U> all, U board, CurrentUser officer) {
        line("");
        line("## W4: cascade view");
        Map<Long, U> byId = new HashMap<>();
        Map<Long, List<U>> children = new HashMap<>();
        for (U u : all) {
            byId.put(u.id(), u);
            if (u.parentId() != null) {
                children.computeIfAbsent(u.parentId(), k -> new ArrayList<>()).add(u);
            }
        }
        long t0 = System.nanoTime();
        StoredPlan root = issueNational(officer, tag + " cascade");
        List<PlanIssued.AssignedUnit> provinces = tree.provinces().stream()
                .map(id -> new PlanIssued.AssignedUnit(id, 0, vn.lantoa.planformat.Role.LEAD)).toList();
        tx.execute(s -> issuing.issued(new PlanIssued(root.id(), 1, board.id(), root.plan().document().symbol(),
                root.plan().document().issuedOn(), Instant.now(), List.of(), provinces)));
        Random random = new Random(42);
        int issuedPlans = 0;
        for (int p = 0; p < tree.provinces().size(); p++) {
            U province = byId.get(tree.provinces().get(p));
            double r = random.nextDouble();
            if (r < 0.06) {
                continue; // missing
            }
            CurrentUser provinceOfficer = user(province, Role.OFFICER);
            long draft = derive.derive(provinceOfficer, root.id(), province.id()).planId();
            if (r < 0.12) {
                continue; // a draft only
            }
            List<PlanIssued.AssignedUnit> below = new ArrayList<>();
            java.util.Set<Long> communes = new java.util.HashSet<>(tree.communes().get(p));
            for (U child : children.getOrDefault(province.id(), List.of())) {
                below.add(new PlanIssued.AssignedUnit(child.id(), communes.contains(child.id()) ? 0 : 1,
                        vn.lantoa.planformat.Role.LEAD));
            }
            issue(provinceOfficer, draft, province, r < 0.25 ? LocalDate.of(2025, 2, 20) : LocalDate.of(2025, 2, 10),
                    List.of("Nhóm hai BENCH", "Nhóm năm BENCH"), below);
            issuedPlans++;
            if (p >= COMMUNE_PROVINCES) {
                continue; // communes derive only in the first provinces (-Dlantoa.bench.communeProvinces)
            }
            for (long communeId : tree.communes().get(p)) {
                U commune = byId.get(communeId);
                double c = random.nextDouble();
                if (c < 0.2) {
                    continue;
                }
                CurrentUser communeOfficer = user(commune, Role.OFFICER);
                long communeDraft = derive.derive(communeOfficer, draft, commune.id()).planId();
                if (c < 0.3) {
                    continue;
                }
                List<PlanIssued.AssignedUnit> bodies = new ArrayList<>();
                for (U body : children.getOrDefault(commune.id(), List.of())) {
                    bodies.add(new PlanIssued.AssignedUnit(body.id(), 0, vn.lantoa.planformat.Role.LEAD));
                    for (U office : children.getOrDefault(body.id(), List.of())) {
                        bodies.add(new PlanIssued.AssignedUnit(office.id(), 0, vn.lantoa.planformat.Role.LEAD));
                    }
                }
                issue(communeOfficer, communeDraft, commune, c < 0.4 ? LocalDate.of(2025, 3, 20)
                        : LocalDate.of(2025, 2, 25), List.of("Nhóm sáu BENCH"), bodies);
                issuedPlans++;
            }
        }
        List<CascadeCounts> levels = view.counts(root.id());
        CascadeCounts total = levels.stream().reduce(CascadeCounts.ZERO, CascadeCounts::plus);
        line(String.format("cascade built in %.0f s: %,d plans issued below the root, %,d units in the cascade "
                + "(on time %,d, late %,d, draft %,d, missing %,d, not asked %,d)", (System.nanoTime() - t0) / 1e9,
                issuedPlans, total.total(), total.onTime(), total.late(), total.draft(), total.missing(),
                total.notAsked()));

        // the naive recursive answer, checked against ours
        List<Long> issuedProvinces = jdbc.queryForList("select e.unit_id from cascade_entry e join cascade_plan p on "
                + "p.plan_id = e.derived_plan_id where e.plan_id = ? and p.status = 'ISSUED' order by e.unit_id",
                Long.class, root.id());
        for (long province : issuedProvinces.subList(0, Math.min(3, issuedProvinces.size()))) {
            CascadeLevel ours = view.level(root.id(), province, null, 0);
            assertThat(naive(ours.planId())).isEqualTo(ours.total().total());
        }
        assertThat(naive(root.id())).isEqualTo(total.total());

        List<Long> ours = new ArrayList<>();
        List<Long> recursive = new ArrayList<>();
        for (int i = 0; i < SAMPLES + 50; i++) {
            boolean warm = i < 50;
            long a = System.nanoTime();
            CascadeLevel level = view.level(root.id(), null, null, 0);
            long took = System.nanoTime() - a;
            long b = System.nanoTime();
            long n = naiveScreen(root.id());
            long naiveTook = System.nanoTime() - b;
            assertThat(n).isEqualTo(level.total().total());
            if (!warm) {
                ours.add(took);
                recursive.add(naiveTook);
            }
        }
        ratio("root first screen (counts per level + first 100 children)", ours, "naive recursive", recursive);

        ours.clear();
        recursive.clear();
        for (int i = 0; i < SAMPLES + 50; i++) {
            long province = issuedProvinces.get(i % issuedProvinces.size());
            long a = System.nanoTime();
            CascadeLevel level = view.level(root.id(), province, null, 0);
            long took = System.nanoTime() - a;
            long b = System.nanoTime();
            long n = naiveScreen(level.planId());
            long naiveTook = System.nanoTime() - b;
            assertThat(n).isEqualTo(level.total().total());
            if (i >= 50) {
                ours.add(took);
                recursive.add(naiveTook);
            }
        }
        ratio("province screen (breadcrumb, counts per level, first 100 children)", ours, "naive recursive",
                recursive);

        long a = System.nanoTime();
        long[] rows = {0};
        view.each(officerFor(board), root.id(), n -> rows[0]++);
        line(String.format("full listing of the cascade (export's query): %,d rows in %.0f ms", rows[0],
                (System.nanoTime() - a) / 1e6));
    }

    /** The naive recursive count of the plan's whole cascade (every entry of every plan below it). */
    long naive(long planId) {
        return count("""
                with recursive below (plan_id) as (
                  select cast(? as bigint)
                  union all
                  select p.plan_id from cascade_plan p join below b on p.parent_plan_id = b.plan_id
                )
                select count(*) from cascade_entry e join below b on e.plan_id = b.plan_id""", planId);
    }

    /** The same screen the naive way: counts per level and state by recursion, and the first 100 children. */
    long naiveScreen(long planId) {
        List<long[]> counts = jdbc.query("""
                with recursive below (plan_id, depth) as (
                  select cast(? as bigint), 1
                  union all
                  select p.plan_id, b.depth + 1 from cascade_plan p join below b on p.parent_plan_id = b.plan_id
                )
                select b.depth, e.state, count(*) from cascade_entry e join below b on e.plan_id = b.plan_id
                group by b.depth, e.state""", (rs, i) -> new long[] {rs.getLong(1), rs.getLong(3)}, planId);
        jdbc.query("select e.unit_id, u.name, e.state from cascade_entry e join unit u on u.id = e.unit_id "
                + "where e.plan_id = ? order by u.name, e.unit_id limit 101", (rs, i) -> rs.getLong(1), planId);
        return counts.stream().mapToLong(c -> c[1]).sum();
    }

    /** Fills the draft's header and assignments and issues it, then gives the cascade its assigned units. */
    void issue(CurrentUser officer, long draftId, U unit, LocalDate issuedOn, List<String> headings,
            List<PlanIssued.AssignedUnit> assigned) {
        StoredPlan draft = plans.get(officer, draftId);
        Plan p = draft.plan();
        DocumentHeader d = p.document();
        List<Assignment> assignments = new ArrayList<>();
        for (String heading : headings) {
            assignments.add(new Assignment(heading, vn.lantoa.planformat.Role.LEAD, List.of(
                    new Task("Xây dựng kế hoạch thực hiện", TimeRef.day(issuedOn.plusDays(20)), TaskKind.PLAN),
                    new Task("Báo cáo kết quả", TimeRef.day(LocalDate.of(2025, 6, 1)), TaskKind.REPORT))));
        }
        String number = String.valueOf(1 + (ids++ % 900));
        Plan filled = new Plan(new DocumentHeader(d.kind(), number, number + "-KH/BENCH", d.system(), issuedOn, null,
                d.issuer(), d.title(), new Signer("Nguyễn Văn B", "Bí thư", "T/M")), p.bases(), p.citations(),
                p.events(), p.phases(), p.channels(), p.themes(), p.slogans(), assignments, p.reporting(),
                p.recipients(), p.warnings());
        plans.save(officer, draftId, new PlanInput(filled, null, draft.version()), null);
        StoredPlan issued = plans.issue(officer, draftId, null);
        tx.execute(s -> issuing.issued(new PlanIssued(issued.id(), 1, unit.id(), issued.plan().document().symbol(),
                issuedOn, Instant.now(), List.of(), assigned)));
    }

    // ------------------------------------------------------------------------------------------------------ W3

    /** Derive over HTTP by officers of 300 units (API tokens), against GET /api/v1/me with the same tokens. */
    void w3(long planId, List<U> all, java.util.Set<Long> communeIds) throws Exception {
        line("");
        line("## W3: derive a plan over HTTP (127.0.0.1, one client, sequential)");
        List<U> deriving = all.stream().filter(u -> u.kind().equals("PEOPLES_COMMITTEE") && !communeIds.contains(
                u.id())).limit(SAMPLES + 50).toList();
        List<String> bearer = new ArrayList<>();
        for (U u : deriving) {
            String name = "bench." + u.id() + "." + TestActor.token();
            long id = users.insert(name, name, u.id(), Role.OFFICER, "{noop}x", false, Instant.now());
            bearer.add(tokens.create(new CurrentUser(id, name, name, u.id(), u.path(), u.shortName(), Role.OFFICER,
                    false), "bench", 1).token());
        }
        HttpClient http = HttpClient.newHttpClient();
        List<Long> ours = new ArrayList<>();
        List<Long> ping = new ArrayList<>();
        for (int i = 0; i < deriving.size(); i++) {
            U u = deriving.get(i);
            HttpRequest post = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/plans/"
                    + planId + "/derive")).header("Authorization", "Bearer " + bearer.get(i))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"unitId\":" + u.id() + "}")).build();
            HttpRequest me = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/me"))
                    .header("Authorization", "Bearer " + bearer.get(i)).GET().build();
            long a = System.nanoTime();
            HttpResponse<String> derived = http.send(post, HttpResponse.BodyHandlers.ofString());
            long took = System.nanoTime() - a;
            assertThat(derived.statusCode()).as(derived.body()).isEqualTo(201);
            long b = System.nanoTime();
            HttpResponse<String> floor = http.send(me, HttpResponse.BodyHandlers.ofString());
            long floorTook = System.nanoTime() - b;
            assertThat(floor.statusCode()).isEqualTo(200);
            if (i >= 50) {
                ours.add(took);
                ping.add(floorTook);
            }
        }
        ratio("POST /api/v1/plans/{id}/derive (201, a new draft each)", ours, "GET /api/v1/me (same token)", ping);
    }

    // --------------------------------------------------------------------------------------------- helpers

    CurrentUser user(U unit, Role role) {
        long id = ids++;
        return new CurrentUser(id, "b" + id, "Bench " + id, unit.id(), unit.path(), unit.shortName(), role, false);
    }

    CurrentUser officerFor(U unit) {
        return user(unit, Role.OFFICER);
    }

    long count(String sql, Object... args) {
        return jdbc.queryForObject(sql, Long.class, args);
    }

    void line(String text) {
        report.append(text).append('\n');
        System.out.println(text);
    }

    /** Prints p50, p90, p99 of both, and candidate p50 ÷ baseline p50. */
    void ratio(String what, List<Long> candidate, String baselineName, List<Long> baseline) {
        long[] c = candidate.stream().mapToLong(Long::longValue).sorted().toArray();
        long[] b = baseline.stream().mapToLong(Long::longValue).sorted().toArray();
        line(String.format("- %s: n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", what, c.length,
                pct(c, 50), pct(c, 90), pct(c, 99), c[c.length - 1] / 1e6));
        line(String.format("- %s: p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms", baselineName, pct(b, 50),
                pct(b, 90), pct(b, 99), b[b.length - 1] / 1e6));
        line(String.format("- ratio candidate ÷ baseline (p50): %.2f; baseline ÷ candidate: %.2f",
                pct(c, 50) / pct(b, 50), pct(b, 50) / pct(c, 50)));
    }

    static double pct(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    static String join(long[] values) {
        return Arrays.toString(values);
    }
}
