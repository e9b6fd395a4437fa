package vn.lantoa.reporting.bench;

import java.io.StringReader;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;

import javax.sql.DataSource;

import org.postgresql.PGConnection;

/**
 * Loads N activities of one plan spread over the units of a generated tree, their outputs and the live totals
 * ({@code activity_total}) built by the same rules as {@code ActivityTotals} (own row of the unit, subtree rows of the
 * unit and every ancestor, slots at depth 0–1 by activity id, and the per-level rows of the ancestors at depth 0–1 in
 * {@code activity_level_total}), plus one period's reports and their per-ancestor
 * counters ({@code report_count}), and the dashboard counters ({@code activity_trend}: per month and phase of the
 * subtrees at depth 0–1, the count of those at depth 1–2, by the rules of {@code ActivityTrends}). COPY on PostgreSQL,
 * JDBC batches on H2; the totals are accumulated while walking the tree in path order (a stack of the open subtrees),
 * so memory stays small whatever N (the dashboard counters are few: the top levels' months, channels and indicators).
 */
final class ReportingData {

    static final int SLOTS = 8;

    /** A unit of the tree. */
    record U(long id, Long parentId, String path, int depth, String kind) {
    }

    /** A counter's key below its unit. */
    private record K(String period, String channel, String code, int slot) {
    }

    /** A per-level counter's key below its unit (depth 0–1): the level of the recording units. */
    private record L(String period, int level, String channel, String code, int slot) {
    }

    /** A dashboard counter's key (activity_trend). */
    private record T(String path, String kind, String bucket, String channel, String code, int slot) {
    }

    /** An open subtree while walking: its unit, its sums and (depth 0–1) its own figures per level. */
    private record Frame(U unit, Map<K, long[]> sums, Map<L, long[]> levels) {
        Frame(U unit) {
            this(unit, new HashMap<>(), new HashMap<>());
        }
    }

    /** The catalogue: indicator codes per channel. */
    final Map<String, List<String>> indicators;
    final List<String> channels;
    private final DataSource dataSource;
    private final boolean postgres;
    long activities;
    long outputs;
    long totals;
    /** Per-level counter rows (activity_level_total). */
    long levels;
    /** Dashboard counter rows (activity_trend). */
    long trends;
    long reports;

    ReportingData(DataSource dataSource, boolean postgres, Map<String, List<String>> indicators) {
        this.dataSource = dataSource;
        this.postgres = postgres;
        this.indicators = indicators;
        this.channels = new ArrayList<>(indicators.keySet());
    }

    /**
     * Writes the activities of the plan over the units (in path order) with days in [first, last]; returns the next
     * free activity id.
     */
    long load(long planId, List<U> units, long n, long firstId, LocalDate first, LocalDate last,
            Function<LocalDate, String> periodOf, long seed) throws SQLException {
        Random random = new Random(seed);
        double[] weight = new double[units.size()];
        double sum = 0;
        for (int i = 0; i < units.size(); i++) {
            int d = units.get(i).depth();
            weight[i] = d == 0 ? 5 : d == 1 ? 20 : d == 2 ? 2 : 1; // provinces and communes record more
            sum += weight[i];
        }
        int days = (int) (last.toEpochDay() - first.toEpochDay()) + 1;
        String[] periodByDay = new String[days];
        String[] monthByDay = new String[days];
        for (int i = 0; i < days; i++) {
            periodByDay[i] = periodOf.apply(first.plusDays(i));
            monthByDay[i] = java.time.YearMonth.from(first.plusDays(i)).toString();
        }
        Map<T, long[]> trend = new HashMap<>();
        long id = firstId;
        try (Sink sink = new Sink(dataSource.getConnection(), postgres)) {
            Deque<Frame> stack = new ArrayDeque<>();
            for (int i = 0; i < units.size(); i++) {
                U u = units.get(i);
                while (!stack.isEmpty() && !u.path().startsWith(stack.peek().unit().path())) {
                    flush(sink, planId, stack.pop(), false);
                }
                stack.push(new Frame(u));
                double exact = n * weight[i] / sum;
                long count = (long) exact + (random.nextDouble() < exact - Math.floor(exact) ? 1 : 0);
                Frame own = new Frame(u);
                List<String> subtrees = subtrees(u.path());
                for (long a = 0; a < count; a++) {
                    long activity = id++;
                    String channel = channels.get(channel(random));
                    int day = random.nextInt(days);
                    LocalDate on = first.plusDays(day);
                    sink.activity(activity, planId, u, channel, on);
                    Map<String, Long> amounts = new LinkedHashMap<>();
                    amounts.put("", 1L);
                    List<String> codes = indicators.get(channel);
                    int k = random.nextInt(codes.size());
                    long q = 1 + random.nextInt(codes.get(k).contains("attendees") || codes.get(k).contains("reach")
                            || codes.get(k).contains("participants") ? 500 : 20);
                    amounts.put(codes.get(k), q);
                    sink.output(activity, codes.get(k), q);
                    if (codes.size() > 1 && random.nextDouble() < 0.2) {
                        int k2 = (k + 1 + random.nextInt(codes.size() - 1)) % codes.size();
                        long q2 = 1 + random.nextInt(50);
                        amounts.put(codes.get(k2), q2);
                        sink.output(activity, codes.get(k2), q2);
                    }
                    activities++;
                    sink.maybeFlush();
                    trend(trend, subtrees, activity, monthByDay[day], channel, amounts);
                    String period = periodByDay[day];
                    if (period == null) {
                        continue; // in no period: in no total, as ActivityTotals does
                    }
                    for (Map.Entry<String, Long> e : amounts.entrySet()) {
                        add(own, period, channel, e.getKey(), activity, e.getValue());
                        for (Frame f : stack) {
                            add(f, period, channel, e.getKey(), activity, e.getValue());
                            if (f.unit().depth() <= 1) { // ActivityTotals.LEVEL_DEPTHS: the unit's level figures
                                f.levels().computeIfAbsent(new L(period, u.depth(), channel, e.getKey(),
                                        (int) (activity % SLOTS)), x -> new long[1])[0] += e.getValue();
                            }
                        }
                    }
                }
                flush(sink, planId, own, true);
            }
            while (!stack.isEmpty()) {
                flush(sink, planId, stack.pop(), false);
            }
            for (Map.Entry<T, long[]> e : trend.entrySet()) {
                T k = e.getKey();
                sink.trend(planId, k.path(), k.kind(), k.bucket(), k.channel(), k.code(), k.slot(), e.getValue()[0]);
                sink.maybeFlush();
            }
            sink.commit();
            outputs += sink.outputs;
            totals += sink.totals;
            levels += sink.levels;
            trends += sink.trends;
        }
        return id;
    }

    /** The paths of the subtrees at depth 0, 1 and 2 that contain the unit of this path. */
    private static List<String> subtrees(String path) {
        List<String> subtrees = new ArrayList<>();
        for (int i = path.indexOf('/', 1); i > 0 && subtrees.size() < 3; i = path.indexOf('/', i + 1)) {
            subtrees.add(path.substring(0, i + 1));
        }
        return subtrees;
    }

    /**
     * One activity in the dashboard counters (ActivityTrends.deltas): per month (count and outputs) and phase (none
     * here) for its subtrees at depth 0–1 on the activity's slot, the count of its subtrees at depth 1 (slot) and 2.
     */
    private static void trend(Map<T, long[]> trend, List<String> subtrees, long activity, String month,
            String channel, Map<String, Long> amounts) {
        int slot = (int) (activity % SLOTS);
        for (int d = 0; d < subtrees.size(); d++) {
            String path = subtrees.get(d);
            if (d <= 1) {
                for (Map.Entry<String, Long> e : amounts.entrySet()) {
                    trend.computeIfAbsent(new T(path, "M", month, channel, e.getKey(), slot), x -> new long[1])[0] +=
                            e.getValue();
                }
                trend.computeIfAbsent(new T(path, "P", "", channel, "", slot), x -> new long[1])[0]++;
            }
            if (d >= 1) {
                trend.computeIfAbsent(new T(path, "U", "", "", "", d <= 1 ? slot : 0), x -> new long[1])[0]++;
            }
        }
    }

    /** The channels' weights: oral, visual, media and social media are most of what units record. */
    private int channel(Random random) {
        double r = random.nextDouble();
        int size = channels.size();
        if (r < 0.6) {
            String[] common = {"oral", "visual", "mass_media", "social_media"};
            String pick = common[random.nextInt(common.length)];
            int index = channels.indexOf(pick);
            if (index >= 0) {
                return index;
            }
        }
        return random.nextInt(size);
    }

    private static void add(Frame f, String period, String channel, String code, long activityId, long q) {
        int slot = f.unit().depth() <= 1 ? (int) (activityId % SLOTS) : 0;
        f.sums().computeIfAbsent(new K(period, channel, code, slot), k -> new long[1])[0] += q;
    }

    private void flush(Sink sink, long planId, Frame f, boolean own) throws SQLException {
        for (Map.Entry<K, long[]> e : f.sums().entrySet()) {
            K k = e.getKey();
            sink.total(planId, k.period(), f.unit(), own, k.channel(), k.code(), k.slot(), e.getValue()[0]);
        }
        f.sums().clear();
        for (Map.Entry<L, long[]> e : f.levels().entrySet()) {
            L k = e.getKey();
            sink.level(planId, k.period(), f.unit().id(), k.level(), k.channel(), k.code(), k.slot(),
                    e.getValue()[0]);
        }
        f.levels().clear();
    }

    /**
     * One period's reports: for each unit, none (15%), a draft (5%), returned (5%), submitted (15%) or accepted
     * (60%); 85% of the submitted ones on time. The per-ancestor counters are written alongside.
     */
    void reports(long planId, List<U> units, String periodId, LocalDate from, LocalDate to, LocalDate due,
            long seed) throws SQLException {
        Random random = new Random(seed);
        Map<Long, Map<Integer, long[]>> counts = new HashMap<>();
        Map<Long, Long> parents = new HashMap<>();
        Map<Long, U> byId = new HashMap<>();
        units.forEach(u -> byId.put(u.id(), u));
        try (Sink sink = new Sink(dataSource.getConnection(), postgres)) {
            for (U u : units) {
                double r = random.nextDouble();
                if (r < 0.15) {
                    continue;
                }
                String status = r < 0.20 ? "DRAFT" : r < 0.25 ? "RETURNED" : r < 0.40 ? "SUBMITTED" : "ACCEPTED";
                Boolean onTime = status.equals("DRAFT") ? null : random.nextDouble() < 0.85;
                sink.report(planId, u, periodId, from, to, due, status, onTime);
                reports++;
                boolean done = status.equals("SUBMITTED") || status.equals("ACCEPTED");
                long[] v = {done ? 1 : 0, done && Boolean.TRUE.equals(onTime) ? 1 : 0,
                        done && Boolean.FALSE.equals(onTime) ? 1 : 0, status.equals("ACCEPTED") ? 1 : 0,
                        status.equals("RETURNED") ? 1 : 0};
                for (String part : u.path().split("/")) {
                    if (part.isEmpty()) {
                        continue;
                    }
                    long ancestor = Long.parseLong(part);
                    U a = byId.get(ancestor);
                    if (a == null) {
                        continue; // above the generated tree: none
                    }
                    parents.put(ancestor, a.parentId());
                    long[] c = counts.computeIfAbsent(ancestor, x -> new HashMap<>()).computeIfAbsent(u.depth(),
                            x -> new long[5]);
                    for (int i = 0; i < 5; i++) {
                        c[i] += v[i];
                    }
                }
                sink.maybeFlush();
            }
            for (Map.Entry<Long, Map<Integer, long[]>> e : counts.entrySet()) {
                for (Map.Entry<Integer, long[]> l : e.getValue().entrySet()) {
                    sink.reportCount(planId, periodId, e.getKey(), l.getKey(), parents.get(e.getKey()),
                            l.getValue());
                }
            }
            sink.commit();
        }
    }

    /** COPY (PostgreSQL) or JDBC batches (H2) into the tables, activities before the rows that refer to them. */
    private static final class Sink implements AutoCloseable {
        private final int batch;
        private final Connection c;
        private final boolean postgres;
        private StringBuilder activity = new StringBuilder();
        private StringBuilder output = new StringBuilder();
        private StringBuilder total = new StringBuilder();
        private StringBuilder report = new StringBuilder();
        private StringBuilder reportCount = new StringBuilder();
        private StringBuilder level = new StringBuilder();
        private StringBuilder trend = new StringBuilder();
        private PreparedStatement ptr;
        private PreparedStatement pl;
        private PreparedStatement pa;
        private PreparedStatement po;
        private PreparedStatement pt;
        private PreparedStatement pr;
        private PreparedStatement pc;
        private int pending;
        /** PostgreSQL: one thread COPYs the previous batch while the caller builds the next one. */
        private final java.util.concurrent.ExecutorService copier;
        private java.util.concurrent.Future<?> copying;
        long outputs;
        long totals;
        long levels;
        long trends;
        private final String now = OffsetDateTime.now(ZoneOffset.UTC).withNano(0).toString();

        Sink(Connection c, boolean postgres) throws SQLException {
            this.c = c;
            this.postgres = postgres;
            this.batch = postgres ? 100_000 : 20_000;
            c.setAutoCommit(false);
            copier = postgres ? java.util.concurrent.Executors.newSingleThreadExecutor() : null;
            if (postgres) {
                // a bulk load of rows the generator made consistent: no per-row foreign-key triggers (10 M activities
                // and 12 M outputs would cost three lookups each); needs a superuser, as the test server's postgres
                try (Statement s = c.createStatement()) {
                    s.execute("set session_replication_role = replica");
                } catch (SQLException e) {
                    c.rollback();
                }
            }
            if (!postgres) {
                pa = c.prepareStatement("insert into activity (id, plan_id, unit_id, unit_path, title, channel, "
                        + "starts_on, ends_on, created_by, created_at, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, "
                        + "?, ?, 1, current_timestamp, 1, current_timestamp)");
                po = c.prepareStatement("insert into activity_output (activity_id, indicator_code, quantity) values "
                        + "(?, ?, ?)");
                pt = c.prepareStatement("insert into activity_total (plan_id, period_id, unit_id, own, channel, "
                        + "indicator_code, slot, parent_id, depth, unit_path, quantity) values (?, ?, ?, ?, ?, ?, ?, ?, "
                        + "?, ?, ?)");
                pr = c.prepareStatement("insert into report (plan_id, unit_id, unit_path, period_id, period_from, "
                        + "period_to, due_on, status, version, revision, submitted_at, on_time, created_by, created_at, "
                        + "updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?, 1, ?, ?, ?, 1, current_timestamp, 1, "
                        + "current_timestamp)");
                pl = c.prepareStatement("insert into activity_level_total (plan_id, period_id, unit_id, level, "
                        + "channel, indicator_code, slot, quantity) values (?, ?, ?, ?, ?, ?, ?, ?)");
                pc = c.prepareStatement("insert into report_count (plan_id, period_id, unit_id, level, parent_id, "
                        + "reported, on_time, late, accepted, returned) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                ptr = c.prepareStatement("insert into activity_trend (plan_id, unit_path, kind, bucket, channel, "
                        + "indicator_code, slot, quantity) values (?, ?, ?, ?, ?, ?, ?, ?)");
            }
        }

        void activity(long id, long planId, U u, String channel, LocalDate on) throws SQLException {
            if (postgres) {
                activity.append(id).append(',').append(planId).append(',').append(u.id()).append(',')
                        .append(u.path()).append(",Hoạt động ").append(id).append(',').append(channel).append(',')
                        .append(on).append(',').append(on).append(",1,").append(now).append(",1,").append(now)
                        .append('\n');
            } else {
                pa.setLong(1, id);
                pa.setLong(2, planId);
                pa.setLong(3, u.id());
                pa.setString(4, u.path());
                pa.setString(5, "Hoạt động " + id);
                pa.setString(6, channel);
                pa.setObject(7, on);
                pa.setObject(8, on);
                pa.addBatch();
            }
            pending++;
        }

        void output(long activityId, String code, long q) throws SQLException {
            outputs++;
            if (postgres) {
                output.append(activityId).append(',').append(code).append(',').append(q).append('\n');
            } else {
                po.setLong(1, activityId);
                po.setString(2, code);
                po.setLong(3, q);
                po.addBatch();
            }
        }

        void total(long planId, String period, U u, boolean own, String channel, String code, int slot, long q)
                throws SQLException {
            totals++;
            if (postgres) {
                total.append(planId).append(',').append(period).append(',').append(u.id()).append(',').append(own)
                        .append(',').append(channel).append(",\"").append(code).append("\",").append(slot).append(',')
                        .append(u.parentId() == null ? "" : u.parentId()).append(',').append(u.depth()).append(',')
                        .append(u.path()).append(',').append(q).append('\n');
            } else {
                pt.setLong(1, planId);
                pt.setString(2, period);
                pt.setLong(3, u.id());
                pt.setBoolean(4, own);
                pt.setString(5, channel);
                pt.setString(6, code);
                pt.setInt(7, slot);
                pt.setObject(8, u.parentId());
                pt.setInt(9, u.depth());
                pt.setString(10, u.path());
                pt.setLong(11, q);
                pt.addBatch();
            }
            pending++;
        }

        void level(long planId, String period, long unit, int lvl, String channel, String code, int slot, long q)
                throws SQLException {
            levels++;
            if (postgres) {
                level.append(planId).append(',').append(period).append(',').append(unit).append(',').append(lvl)
                        .append(',').append(channel).append(",\"").append(code).append("\",").append(slot).append(',')
                        .append(q).append('\n');
            } else {
                pl.setLong(1, planId);
                pl.setString(2, period);
                pl.setLong(3, unit);
                pl.setInt(4, lvl);
                pl.setString(5, channel);
                pl.setString(6, code);
                pl.setInt(7, slot);
                pl.setLong(8, q);
                pl.addBatch();
            }
            pending++;
        }

        void trend(long planId, String path, String kind, String bucket, String channel, String code, int slot,
                long q) throws SQLException {
            trends++;
            if (postgres) {
                trend.append(planId).append(',').append(path).append(',').append(kind).append(",\"").append(bucket)
                        .append("\",\"").append(channel).append("\",\"").append(code).append("\",").append(slot)
                        .append(',').append(q).append('\n');
            } else {
                ptr.setLong(1, planId);
                ptr.setString(2, path);
                ptr.setString(3, kind);
                ptr.setString(4, bucket);
                ptr.setString(5, channel);
                ptr.setString(6, code);
                ptr.setInt(7, slot);
                ptr.setLong(8, q);
                ptr.addBatch();
            }
            pending++;
        }

        void report(long planId, U u, String periodId, LocalDate from, LocalDate to, LocalDate due, String status,
                Boolean onTime) throws SQLException {
            boolean submitted = onTime != null;
            int revision = submitted ? 1 : 0;
            String at = submitted ? (onTime ? due.minusDays(2) : due.plusDays(3)) + "T03:00:00Z" : null;
            if (postgres) {
                report.append(planId).append(',').append(u.id()).append(',').append(u.path()).append(',')
                        .append(periodId).append(',').append(from).append(',').append(to).append(',').append(due)
                        .append(',').append(status).append(",1,").append(revision).append(',')
                        .append(at == null ? "" : at).append(',').append(onTime == null ? "" : onTime).append(",1,")
                        .append(now).append(",1,").append(now).append('\n');
            } else {
                pr.setLong(1, planId);
                pr.setLong(2, u.id());
                pr.setString(3, u.path());
                pr.setString(4, periodId);
                pr.setObject(5, from);
                pr.setObject(6, to);
                pr.setObject(7, due);
                pr.setString(8, status);
                pr.setInt(9, revision);
                pr.setObject(10, at == null ? null : OffsetDateTime.parse(at));
                pr.setObject(11, onTime);
                pr.addBatch();
            }
            pending++;
        }

        void reportCount(long planId, String periodId, long unit, int level, Long parent, long[] v)
                throws SQLException {
            if (postgres) {
                reportCount.append(planId).append(',').append(periodId).append(',').append(unit).append(',')
                        .append(level).append(',').append(parent == null ? "" : parent);
                for (long x : v) {
                    reportCount.append(',').append(x);
                }
                reportCount.append('\n');
            } else {
                pc.setLong(1, planId);
                pc.setString(2, periodId);
                pc.setLong(3, unit);
                pc.setInt(4, level);
                pc.setObject(5, parent);
                for (int i = 0; i < 5; i++) {
                    pc.setLong(6 + i, v[i]);
                }
                pc.addBatch();
            }
            pending++;
        }

        void maybeFlush() throws SQLException {
            if (pending >= batch) {
                flush();
            }
        }

        void flush() throws SQLException {
            if (postgres) {
                awaitCopy();
                StringBuilder[] rows = {activity, output, total, report, reportCount, level, trend};
                activity = new StringBuilder(activity.capacity());
                output = new StringBuilder(output.capacity());
                total = new StringBuilder(total.capacity());
                report = new StringBuilder();
                reportCount = new StringBuilder();
                level = new StringBuilder();
                trend = new StringBuilder();
                copying = copier.submit(() -> {
                    var copy = c.unwrap(PGConnection.class).getCopyAPI();
                    copy(copy, rows[0], "copy activity (id, plan_id, unit_id, unit_path, title, channel, starts_on, "
                            + "ends_on, created_by, created_at, updated_by, updated_at) from stdin (format csv)");
                    copy(copy, rows[1], "copy activity_output (activity_id, indicator_code, quantity) from stdin "
                            + "(format csv)");
                    copy(copy, rows[2], "copy activity_total (plan_id, period_id, unit_id, own, channel, "
                            + "indicator_code, slot, parent_id, depth, unit_path, quantity) from stdin (format csv)");
                    copy(copy, rows[3], "copy report (plan_id, unit_id, unit_path, period_id, period_from, "
                            + "period_to, due_on, status, version, revision, submitted_at, on_time, created_by, "
                            + "created_at, updated_by, updated_at) from stdin (format csv)");
                    copy(copy, rows[4], "copy report_count (plan_id, period_id, unit_id, level, parent_id, "
                            + "reported, on_time, late, accepted, returned) from stdin (format csv)");
                    copy(copy, rows[5], "copy activity_level_total (plan_id, period_id, unit_id, level, channel, "
                            + "indicator_code, slot, quantity) from stdin (format csv)");
                    copy(copy, rows[6], "copy activity_trend (plan_id, unit_path, kind, bucket, channel, "
                            + "indicator_code, slot, quantity) from stdin (format csv)");
                    return null;
                });
            } else {
                pa.executeBatch();
                po.executeBatch();
                pt.executeBatch();
                pr.executeBatch();
                pc.executeBatch();
                pl.executeBatch();
                ptr.executeBatch();
                c.commit();
            }
            pending = 0;
        }

        private void awaitCopy() throws SQLException {
            if (copying == null) {
                return;
            }
            try {
                copying.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException(e);
            } catch (java.util.concurrent.ExecutionException e) {
                throw e.getCause() instanceof SQLException s ? s : new SQLException(e.getCause());
            } finally {
                copying = null;
            }
        }

        private static void copy(org.postgresql.copy.CopyManager copy, StringBuilder rows, String sql)
                throws SQLException, java.io.IOException {
            if (rows.length() > 0) {
                copy.copyIn(sql, new StringReader(rows.toString()));
                rows.setLength(0);
            }
        }

        void commit() throws SQLException {
            flush();
            awaitCopy();
            c.commit();
        }

        @Override
        public void close() throws SQLException {
            if (copier != null) {
                copier.shutdownNow();
            }
            for (Statement s : new Statement[] {pa, po, pt, pr, pc, pl, ptr}) {
                if (s != null) {
                    s.close();
                }
            }
            if (postgres) {
                try (Statement s = c.createStatement()) {
                    s.execute("reset session_replication_role");
                }
            }
            c.setAutoCommit(true);
            c.close();
        }
    }
}
