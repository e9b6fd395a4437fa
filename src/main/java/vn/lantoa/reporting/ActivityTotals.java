package vn.lantoa.reporting;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import vn.lantoa.activity.ActivityRecorded;
import vn.lantoa.activity.CounterRows;
import vn.lantoa.activity.Database;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanIssued;

/**
 * Số liệu cộng dồn: live totals of recorded activities per plan, period, unit, channel and indicator (table
 * {@code activity_total}), moved in the transaction that records the activity (a synchronous listener of
 * {@link ActivityRecorded}), so a figure is exact the moment the activity commits and no roll-up ever recurses.
 * Each activity adds to its unit's own row ({@code own}) and to the subtree row of the unit and of each ancestor; the
 * top two levels' rows are spread over {@link #SLOTS} slots so that concurrent writers do not queue on one row
 * (a transaction takes its thread's slot: {@link CounterRows#slotOfThisThread}).
 * The units of the top two levels also keep their subtree's own figures per level ({@code activity_level_total}), so
 * that a province's or the country's "per level" is one lookup. The indicator code {@code ""} counts activities.
 * Counters stay with the ancestors an activity had when it was recorded (a unit's move does not carry them).
 */
@Repository
public class ActivityTotals {

    /** Rows per key at depth 0 and 1. */
    static final int SLOTS = 8;
    /** The ancestors at depth 0 .. LEVEL_DEPTHS - 1 keep per-level rows ({@code activity_level_total}). */
    static final int LEVEL_DEPTHS = 2;
    /** The indicator code of the count of activities. */
    public static final String COUNT = "";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PlanPeriods periods;
    private final Database database;
    /**
     * Off only in the reporting benchmark (W7, "counters off" baseline, set by a test helper of this package): the
     * totals then no longer match the activities of the plans it writes to, which the benchmark keeps apart.
     */
    volatile boolean live = true;

    ActivityTotals(JdbcClient jdbc, JdbcTemplate template, PlanPeriods periods, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.periods = periods;
        this.database = database;
    }

    /** One figure: a quantity of one indicator (or the count of activities) on one channel. */
    public record Figure(String channel, String indicator, long quantity) {
    }

    @EventListener
    void on(ActivityRecorded recorded) {
        if (!live) {
            return;
        }
        String period = periods.scheme(recorded.planId()).containing(recorded.startsOn()).map(ReportingPeriod::id)
                .orElse(null);
        if (period == null) {
            return; // a custom scheme may leave days outside every period: such an activity is in no report
        }
        add(recorded.planId(), period, recorded.unitPath(), recorded.channel().json(), recorded.outputs(), 1);
    }

    @EventListener
    void on(PlanIssued issued) {
        periods.forget(issued.planId());
    }

    /**
     * Adds (sign 1) or removes (sign -1) one activity's figures. Inside a transaction the amounts are gathered and
     * written once, just before it commits ({@link Pending}): a transaction that records many activities (a bulk
     * entry, a group of recordings committed together) moves each counter row once, by the sum of its amounts.
     * Outside one, they are written at once.
     */
    void add(long planId, String period, String unitPath, String channel, Map<String, Long> outputs, int sign) {
        List<Long> chain = ids(unitPath);
        Map<String, Long> amounts = new TreeMap<>();
        amounts.put(COUNT, 1L);
        outputs.forEach((code, q) -> amounts.put(code, q));
        Pending pending = pending();
        int leaf = chain.size() - 1;
        for (int depth = leaf; depth >= 0; depth--) {
            long unit = chain.get(depth);
            Long parent = depth == 0 ? null : chain.get(depth - 1);
            String path = pathOf(chain, depth);
            int slot = depth <= 1 ? CounterRows.slotOfThisThread(SLOTS) : 0;
            for (Map.Entry<String, Long> a : amounts.entrySet()) {
                long amount = sign * a.getValue();
                if (depth == leaf) {
                    pending.totals.merge(new TotalKey(depth, unit, true, channel, a.getKey(), slot, planId, period,
                            parent, path), amount, Long::sum);
                }
                pending.totals.merge(new TotalKey(depth, unit, false, channel, a.getKey(), slot, planId, period,
                        parent, path), amount, Long::sum);
            }
        }
        // the per-level rows of the ancestors at depth < LEVEL_DEPTHS (the unit itself when it is one of them): the
        // activity's own figures at the unit's level
        int slot = CounterRows.slotOfThisThread(SLOTS);
        for (int depth = Math.min(leaf, LEVEL_DEPTHS - 1); depth >= 0; depth--) {
            for (Map.Entry<String, Long> a : amounts.entrySet()) {
                pending.levels.merge(new LevelKey(depth, chain.get(depth), leaf, channel, a.getKey(), slot, planId,
                        period), sign * a.getValue(), Long::sum);
            }
        }
        if (!pending.bound) {
            flush(pending);
        }
    }

    /**
     * The amounts of the current transaction not written yet, bound to it on first use and written before it
     * commits; a fresh, unbound one outside a transaction.
     */
    private Pending pending() {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            return new Pending(false);
        }
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            Pending created = new Pending(true);
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    ActivityTotals.this.flush(created);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ActivityTotals.this);
                }
            });
            pending = created;
        }
        return pending;
    }

    /**
     * Writes the gathered amounts: the subtree and own rows, then the per-level rows, each set in one order that
     * every writer follows (deepest unit first, then by key), so that two transactions moving the same rows lock them
     * in the same order and never wait for each other in a circle.
     */
    private void flush(Pending pending) {
        List<Object[]> totals = new ArrayList<>();
        pending.totals.forEach((k, amount) -> {
            if (amount != 0) {
                totals.add(new Object[] {amount, k.plan, k.period, k.unit, k.own, k.channel, k.indicator, k.slot,
                        k.parent, k.depth, k.path});
            }
        });
        List<Object[]> levels = new ArrayList<>();
        pending.levels.forEach((k, amount) -> {
            if (amount != 0) {
                levels.add(new Object[] {amount, k.plan, k.period, k.unit, k.level, k.channel, k.indicator, k.slot});
            }
        });
        pending.totals.clear();
        pending.levels.clear();
        if (database.postgres()) {
            // one statement per table, whatever the number of rows: insert or add, in the order of the arrays
            upsert("""
                    insert into activity_total as t (quantity, plan_id, period_id, unit_id, own, channel,
                        indicator_code, slot, parent_id, depth, unit_path)
                    select v.q, v.plan_id, v.period_id, v.unit_id, v.own, v.channel, v.indicator_code, v.slot,
                        v.parent_id, v.depth, v.unit_path
                    from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::boolean[], ?::varchar[],
                        ?::varchar[], ?::int[], ?::bigint[], ?::int[], ?::varchar[]) with ordinality
                        as v (q, plan_id, period_id, unit_id, own, channel, indicator_code, slot, parent_id, depth,
                        unit_path, n)
                    order by v.n
                    on conflict (plan_id, period_id, unit_id, own, channel, indicator_code, slot)
                    do update set quantity = t.quantity + excluded.quantity
                    """, totals, "bigint", "bigint", "varchar", "bigint", "boolean", "varchar", "varchar", "int",
                    "bigint", "int", "varchar");
            upsert("""
                    insert into activity_level_total as t (quantity, plan_id, period_id, unit_id, level, channel,
                        indicator_code, slot)
                    select v.q, v.plan_id, v.period_id, v.unit_id, v.level, v.channel, v.indicator_code, v.slot
                    from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::bigint[], ?::int[], ?::varchar[],
                        ?::varchar[], ?::int[]) with ordinality
                        as v (q, plan_id, period_id, unit_id, level, channel, indicator_code, slot, n)
                    order by v.n
                    on conflict (plan_id, period_id, unit_id, level, channel, indicator_code, slot)
                    do update set quantity = t.quantity + excluded.quantity
                    """, levels, "bigint", "bigint", "varchar", "bigint", "int", "varchar", "varchar", "int");
            return;
        }
        if (!totals.isEmpty()) {
            addTo("update activity_total set quantity = quantity + ? where plan_id = ? and period_id = ? and unit_id = "
                    + "? and own = ? and channel = ? and indicator_code = ? and slot = ?", "insert into activity_total "
                    + "(plan_id, period_id, unit_id, own, channel, indicator_code, slot, parent_id, depth, unit_path, "
                    + "quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) on conflict do nothing", 7, totals);
        }
        if (!levels.isEmpty()) {
            addTo("update activity_level_total set quantity = quantity + ? where plan_id = ? and period_id = ? "
                    + "and unit_id = ? and level = ? and channel = ? and indicator_code = ? and slot = ?", "insert into "
                    + "activity_level_total (plan_id, period_id, unit_id, level, channel, indicator_code, slot, "
                    + "quantity) values (?, ?, ?, ?, ?, ?, ?, 0) on conflict do nothing", 7, levels);
        }
    }


    private void upsert(String sql, List<Object[]> rows, String... types) {
        CounterRows.upsert(template, sql, rows, types);
    }

    /** The amounts a transaction has gathered, per counter row, in the writers' lock order. */
    private static final class Pending {
        final boolean bound;
        final Map<TotalKey, Long> totals = new TreeMap<>();
        final Map<LevelKey, Long> levels = new TreeMap<>();

        Pending(boolean bound) {
            this.bound = bound;
        }
    }

    /** A row of {@code activity_total}; ordered deepest unit first, then by the rest of its key. */
    private record TotalKey(int depth, long unit, boolean own, String channel, String indicator, int slot, long plan,
            String period, Long parent, String path) implements Comparable<TotalKey> {
        private static final Comparator<TotalKey> ORDER = Comparator.comparingInt((TotalKey k) -> -k.depth)
                .thenComparingLong(TotalKey::unit).thenComparing(k -> !k.own).thenComparing(TotalKey::channel)
                .thenComparing(TotalKey::indicator).thenComparingInt(TotalKey::slot).thenComparingLong(TotalKey::plan)
                .thenComparing(TotalKey::period);

        @Override
        public int compareTo(TotalKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A row of {@code activity_level_total}; ordered deepest unit first, then by the rest of its key. */
    private record LevelKey(int depth, long unit, int level, String channel, String indicator, int slot, long plan,
            String period) implements Comparable<LevelKey> {
        private static final Comparator<LevelKey> ORDER = Comparator.comparingInt((LevelKey k) -> -k.depth)
                .thenComparingLong(LevelKey::unit).thenComparingInt(LevelKey::level).thenComparing(LevelKey::channel)
                .thenComparing(LevelKey::indicator).thenComparingInt(LevelKey::slot).thenComparingLong(LevelKey::plan)
                .thenComparing(LevelKey::period);

        @Override
        public int compareTo(LevelKey other) {
            return ORDER.compare(this, other);
        }
    }

    /**
     * Adds each key's amount to its counter row. A key is {amount, the row's {@code keyColumns} key values, the
     * insert's other values}: {@code update} binds the amount and the key values, {@code insert} everything after the
     * amount. One batch of updates; the rows not there yet (a unit's first activity of the period on that key) are
     * inserted at 0 — {@code on conflict do nothing}: a concurrent writer may insert one first — and updated again.
     */
    private void addTo(String update, String insert, int keyColumns, List<Object[]> keys) {
        List<Object[]> updates = keys.stream().map(k -> Arrays.copyOf(k, keyColumns + 1)).toList();
        int[] updated = template.batchUpdate(update, updates);
        List<Object[]> missing = new ArrayList<>();
        List<Object[]> inserts = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(updates.get(i));
                inserts.add(Arrays.copyOfRange(keys.get(i), 1, keys.get(i).length));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        template.batchUpdate(insert, inserts);
        template.batchUpdate(update, missing);
    }

    /** The totals of a unit's whole subtree (itself included) for a plan and a period. */
    public List<Figure> subtree(long planId, String period, long unitId) {
        return jdbc.sql("select channel, indicator_code, sum(quantity) from activity_total where plan_id = :plan and "
                + "period_id = :period and unit_id = :unit and own = false group by channel, indicator_code "
                + "order by channel, indicator_code").param("plan", planId).param("period", period)
                .param("unit", unitId).query((rs, i) -> new Figure(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The totals of a unit's own activities. */
    public List<Figure> own(long planId, String period, long unitId) {
        return jdbc.sql("select channel, indicator_code, sum(quantity) from activity_total where plan_id = :plan and "
                + "period_id = :period and unit_id = :unit and own = true group by channel, indicator_code "
                + "order by channel, indicator_code").param("plan", planId).param("period", period)
                .param("unit", unitId).query((rs, i) -> new Figure(rs.getString(1), rs.getString(2), rs.getLong(3)))
                .list();
    }

    /** The subtree totals of each child of a unit: child id → figures. */
    public Map<Long, List<Figure>> perChild(long planId, String period, long unitId) {
        return perChild(planId, period, unitId, false);
    }

    /**
     * The subtree totals of each child of a unit: child id → figures; with {@code countsOnly}, only the number of
     * activities per channel (indicator {@link #COUNT}).
     */
    public Map<Long, List<Figure>> perChild(long planId, String period, long unitId, boolean countsOnly) {
        Map<Long, List<Figure>> result = new HashMap<>();
        jdbc.sql("select unit_id, channel, indicator_code, sum(quantity) from activity_total where plan_id = :plan and "
                + "period_id = :period and parent_id = :unit and own = false"
                + (countsOnly ? " and indicator_code = ''" : "") + " group by unit_id, channel, indicator_code "
                + "order by unit_id, channel, indicator_code").param("plan", planId).param("period", period)
                .param("unit", unitId).query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Figure(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return result;
    }

    /**
     * The totals of the units' own activities per depth (level) inside a subtree: depth → figures. Under a unit of
     * the top {@link #LEVEL_DEPTHS} depths, one lookup of its per-level rows; deeper, a read of the subtree's own rows
     * by path (a small subtree).
     */
    public Map<Integer, List<Figure>> perLevel(long planId, String period, String subtreePath) {
        List<Long> chain = ids(subtreePath);
        if (!chain.isEmpty() && chain.size() <= LEVEL_DEPTHS) {
            Map<Integer, List<Figure>> result = new TreeMap<>();
            jdbc.sql("select level, channel, indicator_code, sum(quantity) from activity_level_total where plan_id = "
                    + ":plan and period_id = :period and unit_id = :unit group by level, channel, indicator_code "
                    + "order by level, channel, indicator_code").param("plan", planId).param("period", period)
                    .param("unit", chain.get(chain.size() - 1)).query(rs -> {
                        result.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                                .add(new Figure(rs.getString(2), rs.getString(3), rs.getLong(4)));
                    });
            return result;
        }
        return perLevelByPath(planId, period, subtreePath);
    }

    /** {@link #perLevel} read from the subtree's own rows by path, at any depth (the range scan). */
    Map<Integer, List<Figure>> perLevelByPath(long planId, String period, String subtreePath) {
        Map<Integer, List<Figure>> result = new TreeMap<>();
        jdbc.sql("select depth, channel, indicator_code, sum(quantity) from activity_total where plan_id = :plan and "
                + "period_id = :period and own = true and unit_path >= :p and unit_path < :upper "
                + "group by depth, channel, indicator_code order by depth, channel, indicator_code")
                .param("plan", planId).param("period", period).param("p", subtreePath)
                .param("upper", Units.upperBound(subtreePath)).query(rs -> {
                    result.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>())
                            .add(new Figure(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return result;
    }

    static List<Long> ids(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    private static String pathOf(List<Long> chain, int depth) {
        StringBuilder path = new StringBuilder("/");
        for (int i = 0; i <= depth; i++) {
            path.append(chain.get(i)).append('/');
        }
        return path.toString();
    }
}
