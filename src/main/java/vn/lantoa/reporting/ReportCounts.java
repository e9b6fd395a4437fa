package vn.lantoa.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.organization.Units;

/**
 * Tình hình báo cáo theo cấp: who reported for a plan and a period, per level of a subtree and per child unit, from
 * per-ancestor counters (table {@code report_count}) moved in the transaction that submits, returns or accepts a
 * report, so that the whole country's completeness is one indexed read (PERFORMANCE.md W6) instead of a recursive walk.
 *
 * <p>The units expected to report are the open units of the subtree, counted per level from the unit table and kept
 * in memory until the tree's shape changes (the organization's tree lock counts every change of shape).
 */
@Repository
public class ReportCounts {

    /** Subtrees whose unit counts are kept; past it, the deeper ones are dropped (the top {@link #KEPT_DEPTHS} stay). */
    static final int CACHED_SUBTREES = 2_000;
    /**
     * The subtrees of the units at depth 0 .. KEPT_DEPTHS - 1 are never dropped for room: counting the root's again
     * reads every unit (60,630 rows, ~100 ms at 10 M), a whole-country completeness's p99 if commune reads filled the
     * cache; a commune's is a few rows.
     */
    static final int KEPT_DEPTHS = 2;

    private final JdbcClient jdbc;
    private final Map<String, Expected> expected = new ConcurrentHashMap<>();

    ReportCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * One level of a subtree: how many units there are (open ones: those expected to report), how many reported (on
     * time, late), how many reports were accepted and how many returned.
     */
    public record Level(int depth, long expected, long reported, long onTime, long late, long accepted,
            long returned) {

        Level plus(Level o) {
            return new Level(depth, expected + o.expected, reported + o.reported, onTime + o.onTime, late + o.late,
                    accepted + o.accepted, returned + o.returned);
        }
    }

    /** A unit's completeness for a plan and a period: per level of its subtree and per child unit. */
    public record Completeness(long planId, long unitId, String periodId, List<Level> levels,
            Map<Long, List<Level>> children) {
    }

    /** The open units of a subtree per depth, and per child unit per depth, at one state of the tree. */
    private record Expected(long changes, Map<Integer, Long> perDepth, Map<Long, Map<Integer, Long>> perChild) {
    }

    /** Moves the counters of a report's unit and its ancestors from one state to another. */
    void moved(long planId, String periodId, String unitPath, Report.Status from, Boolean fromOnTime,
            Report.Status to, Boolean toOnTime) {
        long[] delta = vector(to, toOnTime);
        long[] before = vector(from, fromOnTime);
        boolean any = false;
        for (int i = 0; i < delta.length; i++) {
            delta[i] -= before[i];
            any |= delta[i] != 0;
        }
        if (!any) {
            return;
        }
        List<Long> chain = ActivityTotals.ids(unitPath);
        int level = chain.size() - 1;
        for (int depth = level; depth >= 0; depth--) { // leaf first, as ActivityTotals: one lock order for all
            long unit = chain.get(depth);
            Long parent = depth == 0 ? null : chain.get(depth - 1);
            if (update(planId, periodId, unit, level, delta) == 0) {
                jdbc.sql("insert into report_count (plan_id, period_id, unit_id, level, parent_id) values (:plan, "
                        + ":period, :unit, :level, :parent) on conflict do nothing").param("plan", planId)
                        .param("period", periodId).param("unit", unit).param("level", level).param("parent", parent)
                        .update();
                update(planId, periodId, unit, level, delta);
            }
        }
    }

    private int update(long planId, String periodId, long unit, int level, long[] d) {
        return jdbc.sql("update report_count set reported = reported + :r, on_time = on_time + :o, late = late + :l, "
                + "accepted = accepted + :a, returned = returned + :t where plan_id = :plan and period_id = :period "
                + "and unit_id = :unit and level = :level").param("r", d[0]).param("o", d[1]).param("l", d[2])
                .param("a", d[3]).param("t", d[4]).param("plan", planId).param("period", periodId)
                .param("unit", unit).param("level", level).update();
    }

    /** reported, on time, late, accepted, returned: 1 or 0 for a report in this state. */
    static long[] vector(Report.Status status, Boolean onTime) {
        boolean done = status == Report.Status.SUBMITTED || status == Report.Status.ACCEPTED;
        return new long[] {done ? 1 : 0, done && Boolean.TRUE.equals(onTime) ? 1 : 0,
                done && Boolean.FALSE.equals(onTime) ? 1 : 0, status == Report.Status.ACCEPTED ? 1 : 0,
                status == Report.Status.RETURNED ? 1 : 0};
    }

    /**
     * Per level and per child unit at once, in one round trip: the tree's change counter (are the cached unit counts
     * still right?) and both sets of counters come in one statement. This is the dashboard's most frequent read
     * (PERFORMANCE.md W6); on a busy machine every extra round trip is one more chance to wait for a core.
     */
    public Completeness completeness(long planId, String periodId, long unitId, String unitPath) {
        long[] changes = {-1};
        List<long[]> own = new ArrayList<>();
        List<long[]> ofChildren = new ArrayList<>();
        jdbc.sql("select 0, changes, 0, 0, 0, 0, 0, 0 from unit_tree_lock where id = 1 union all select 1, 0, level, "
                + "reported, on_time, late, accepted, returned from report_count where plan_id = :plan and "
                + "period_id = :period and unit_id = :unit union all select 2, unit_id, level, reported, on_time, "
                + "late, accepted, returned from report_count where plan_id = :plan and period_id = :period and "
                + "parent_id = :unit").param("plan", planId).param("period", periodId).param("unit", unitId)
                .query(rs -> {
                    int kind = rs.getInt(1);
                    if (kind == 0) {
                        changes[0] = rs.getLong(2);
                    } else {
                        (kind == 1 ? own : ofChildren).add(new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4),
                                rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getLong(8)});
                    }
                });
        Expected e = expected(unitPath, changes[0]);
        Map<Integer, Level> levels = new TreeMap<>();
        e.perDepth().forEach((depth, n) -> levels.put(depth, new Level(depth, n, 0, 0, 0, 0, 0)));
        Map<Long, Map<Integer, Level>> children = new HashMap<>();
        e.perChild().forEach((child, depths) -> depths.forEach((depth, n) -> children
                .computeIfAbsent(child, k -> new TreeMap<>()).put(depth, new Level(depth, n, 0, 0, 0, 0, 0))));
        own.forEach(r -> levels.merge((int) r[1], counted(r), Level::plus));
        ofChildren.forEach(r -> children.computeIfAbsent(r[0], k -> new TreeMap<>()).merge((int) r[1], counted(r),
                Level::plus));
        Map<Long, List<Level>> perChild = new HashMap<>();
        children.forEach((child, l) -> perChild.put(child, List.copyOf(l.values())));
        return new Completeness(planId, unitId, periodId, List.copyOf(levels.values()), perChild);
    }

    /** A counter row {unit, level, reported, on time, late, accepted, returned} as a level with nothing expected. */
    private static Level counted(long[] r) {
        return new Level((int) r[1], 0, r[2], r[3], r[4], r[5], r[6]);
    }

    /** Per level of the subtree of a unit (itself included), in order of depth. */
    public List<Level> perLevel(long planId, String periodId, long unitId, String unitPath) {
        Expected e = expected(unitPath);
        Map<Integer, Level> levels = new TreeMap<>();
        e.perDepth().forEach((depth, n) -> levels.put(depth, new Level(depth, n, 0, 0, 0, 0, 0)));
        jdbc.sql("select level, reported, on_time, late, accepted, returned from report_count where plan_id = :plan "
                + "and period_id = :period and unit_id = :unit").param("plan", planId).param("period", periodId)
                .param("unit", unitId).query(rs -> {
                    Level l = new Level(rs.getInt(1), 0, rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                            rs.getLong(6));
                    levels.merge(l.depth(), l, Level::plus);
                });
        return List.copyOf(levels.values());
    }

    /** Per child unit of a unit: child id → its subtree per level. */
    public Map<Long, List<Level>> perChild(long planId, String periodId, long unitId, String unitPath) {
        Expected e = expected(unitPath);
        Map<Long, Map<Integer, Level>> children = new HashMap<>();
        e.perChild().forEach((child, depths) -> depths.forEach((depth, n) -> children
                .computeIfAbsent(child, k -> new TreeMap<>()).put(depth, new Level(depth, n, 0, 0, 0, 0, 0))));
        jdbc.sql("select unit_id, level, reported, on_time, late, accepted, returned from report_count where "
                + "plan_id = :plan and period_id = :period and parent_id = :unit").param("plan", planId)
                .param("period", periodId).param("unit", unitId).query(rs -> {
                    Level l = new Level(rs.getInt(2), 0, rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            rs.getLong(7));
                    children.computeIfAbsent(rs.getLong(1), k -> new TreeMap<>()).merge(l.depth(), l, Level::plus);
                });
        Map<Long, List<Level>> result = new HashMap<>();
        children.forEach((child, levels) -> result.put(child, List.copyOf(levels.values())));
        return result;
    }

    /** The open units of the subtree per depth and per child, from memory while the tree keeps its shape. */
    private Expected expected(String path) {
        return expected(path, jdbc.sql("select changes from unit_tree_lock where id = 1").query(Long.class).single());
    }

    /** {@link #expected(String)} with the tree's change counter already read. */
    private Expected expected(String path, long changes) {
        Expected cached = expected.get(path);
        if (cached != null && cached.changes() == changes) {
            return cached;
        }
        int depth = ActivityTotals.ids(path).size() - 1;
        Map<Integer, Long> perDepth = new TreeMap<>();
        Map<Long, Map<Integer, Long>> perChild = new HashMap<>();
        jdbc.sql("select path, depth from unit where path >= :p and path < :upper and closed_on is null")
                .param("p", path).param("upper", Units.upperBound(path)).query(rs -> {
                    int d = rs.getInt(2);
                    perDepth.merge(d, 1L, Long::sum);
                    if (d > depth) {
                        long child = childOf(rs.getString(1), path.length());
                        perChild.computeIfAbsent(child, k -> new TreeMap<>()).merge(d, 1L, Long::sum);
                    }
                });
        Expected fresh = new Expected(changes, perDepth, perChild);
        if (expected.size() >= CACHED_SUBTREES) {
            expected.keySet().removeIf(p -> ActivityTotals.ids(p).size() > KEPT_DEPTHS);
        }
        expected.put(path, fresh);
        return fresh;
    }

    /** Whether the unit counts of this subtree are in memory (tests). */
    boolean cached(String path) {
        return expected.containsKey(path);
    }

    /** The id that follows the prefix of this length in a path ("/1/7/42/", 3 → 7). */
    private static long childOf(String path, int prefix) {
        int end = path.indexOf('/', prefix);
        return Long.parseLong(path.substring(prefix, end));
    }
}
