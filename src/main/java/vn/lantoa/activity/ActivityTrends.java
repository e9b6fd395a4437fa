package vn.lantoa.activity;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
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

/**
 * Xu hướng: live counters of the activities of the top levels' subtrees (table {@code activity_trend}) for the
 * dashboards of the country and the provinces — per month of the first day (count and outputs per channel and
 * indicator) and per phase (count per channel) for the subtrees at depth 0 and 1, and the number of activities of the
 * subtrees at depth 1 and 2 (the figure per child unit of those dashboards). Moved in the transaction that records
 * the activity (a synchronous listener of {@link ActivityRecorded}), as {@code reporting.ActivityTotals} does: a
 * dashboard is exact the moment the activity commits, and a country's chart is a lookup, not a scan of 10 M rows.
 *
 * <p>A subtree is keyed by its path as the activity row keeps it (the first segments of the recording unit's path at
 * the time of writing), so the counters of a subtree are exactly what a range of {@code activity.unit_path} gives,
 * whatever moves later. Deeper subtrees are small: {@link ActivityFigures} reads their activities by path range.
 */
@Repository
public class ActivityTrends {

    /** Rows per key at depth 0 and 1 (as activity_total's): concurrent writers do not queue on one row. */
    static final int SLOTS = 8;
    /** Subtrees at depth 0 .. DEPTHS - 1 keep per-month and per-phase rows, those at 1 .. DEPTHS a count. */
    public static final int DEPTHS = 2;

    /** What a row counts. */
    public enum Kind {
        /** Per month ({@code 2025-03}), channel and indicator ({@code ""}: the number of activities). */
        MONTH("M"),
        /** Per phase label ({@code ""}: none) and channel: the number of activities. */
        PHASE("P"),
        /** The number of activities of the subtree (no bucket, channel nor indicator). */
        UNITS("U");

        final String code;

        Kind(String code) {
            this.code = code;
        }
    }

    /**
     * An amount to add to one counter: the subtree's path, what it counts and under which bucket (month, phase label,
     * or {@code ""}), channel and indicator, its slot.
     */
    public record Delta(long planId, String unitPath, Kind kind, String bucket, String channel, String indicator,
            int slot, long amount) {

        Delta withAmount(long total) {
            return new Delta(planId, unitPath, kind, bucket, channel, indicator, slot, total);
        }
    }

    /**
     * The lock order of the counter rows: deepest subtree first (leaf first, as every writer of activity_total locks),
     * then by key — a total order, so that concurrent writers and batches of many activities never deadlock.
     */
    static final Comparator<Delta> LOCK_ORDER = Comparator
            .comparingInt((Delta d) -> -depth(d.unitPath())).thenComparingLong(Delta::planId)
            .thenComparing(Delta::unitPath).thenComparing(Delta::kind).thenComparing(Delta::bucket)
            .thenComparing(Delta::channel).thenComparing(Delta::indicator).thenComparingInt(Delta::slot);

    private static final String UPDATE = "update activity_trend set quantity = quantity + ? where plan_id = ? and "
            + "unit_path = ? and kind = ? and bucket = ? and channel = ? and indicator_code = ? and slot = ?";
    private static final String INSERT = "insert into activity_trend (plan_id, unit_path, kind, bucket, channel, "
            + "indicator_code, slot, quantity) values (?, ?, ?, ?, ?, ?, ?, 0) on conflict do nothing";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Database database;

    ActivityTrends(JdbcClient jdbc, JdbcTemplate template, Database database) {
        this.jdbc = jdbc;
        this.template = template;
        this.database = database;
    }


    /**
     * Gathers the activity's amounts with the others of its transaction, written once just before it commits (a
     * group of recordings, a bulk entry: each counter row moved once, by the sum); at once outside a transaction.
     */
    @EventListener
    void on(ActivityRecorded recorded) {
        List<Delta> deltas = deltas(recorded, 1, CounterRows.slotOfThisThread(SLOTS));
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            add(deltas);
            return;
        }
        @SuppressWarnings("unchecked")
        List<Delta> pending = (List<Delta>) TransactionSynchronizationManager.getResource(this);
        if (pending == null) {
            List<Delta> created = new ArrayList<>();
            TransactionSynchronizationManager.bindResource(this, created);
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void beforeCommit(boolean readOnly) {
                    List<Delta> all = List.copyOf(created);
                    created.clear();
                    add(all);
                }

                @Override
                public void afterCompletion(int status) {
                    TransactionSynchronizationManager.unbindResourceIfPossible(ActivityTrends.this);
                }
            });
            pending = created;
        }
        pending.addAll(deltas);
    }

    /**
     * The counters one activity moves (sign 1 to add it, -1 to take it away): per month (its count and each output)
     * and per phase for its subtrees at depth 0 and 1, the count of its subtrees at depth 1 and 2. For a unit at depth
     * 2 or below with n outputs: 2 (n + 2) + 2 rows. The rows of depth 0 and 1 go to {@code topSlot} (reads sum the
     * slots).
     */
    static List<Delta> deltas(ActivityRecorded a, int sign, int topSlot) {
        List<Delta> deltas = new ArrayList<>();
        List<String> subtrees = subtrees(a.unitPath(), DEPTHS + 1);
        String month = a.startsOn().getYear() + "-" + (a.startsOn().getMonthValue() < 10 ? "0" : "")
                + a.startsOn().getMonthValue();
        String channel = a.channel().json();
        String phase = a.phase() == null ? "" : a.phase();
        for (int depth = subtrees.size() - 1; depth >= 0; depth--) {
            String path = subtrees.get(depth);
            int slot = depth < DEPTHS ? topSlot : 0;
            if (depth >= 1) {
                deltas.add(new Delta(a.planId(), path, Kind.UNITS, "", "", "", slot, sign));
            }
            if (depth < DEPTHS) {
                deltas.add(new Delta(a.planId(), path, Kind.MONTH, month, channel, ActivityFigures.COUNT, slot, sign));
                a.outputs().forEach((code, q) -> deltas.add(new Delta(a.planId(), path, Kind.MONTH, month, channel,
                        code, slot, sign * q)));
                deltas.add(new Delta(a.planId(), path, Kind.PHASE, phase, channel, ActivityFigures.COUNT, slot,
                        sign));
            }
        }
        return deltas;
    }

    /**
     * Adds the amounts to their counters, equal keys merged, in {@link #LOCK_ORDER}: one batch of updates; the rows not
     * there yet (a subtree's first activity of a month, phase or channel on that slot) are inserted at 0 — {@code on
     * conflict do nothing}: a concurrent writer may insert one first — and updated again. Many activities of one
     * transaction may be given at once (one batch for all).
     */
    public void add(List<Delta> deltas) {
        if (deltas.isEmpty()) {
            return;
        }
        TreeMap<Delta, long[]> merged = new TreeMap<>(LOCK_ORDER);
        deltas.forEach(d -> merged.computeIfAbsent(d, k -> new long[1])[0] += d.amount());
        List<Object[]> updates = new ArrayList<>(merged.size());
        merged.forEach((d, amount) -> updates.add(new Object[] {amount[0], d.planId(), d.unitPath(), d.kind().code,
                d.bucket(), d.channel(), d.indicator(), d.slot()}));
        if (database.postgres()) {
            upsert(updates);
            return;
        }
        int[] updated = template.batchUpdate(UPDATE, updates);
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(updates.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        template.batchUpdate(INSERT, missing.stream().map(u -> Arrays.copyOfRange(u, 1, u.length)).toList());
        template.batchUpdate(UPDATE, missing);
    }

    /**
     * PostgreSQL: the rows as one {@code insert … on conflict do update} over unnested arrays, in the order given (the
     * lock order); H2 has no {@code do update} and takes the batches of {@link #add}.
     */
    private void upsert(List<Object[]> rows) {
        CounterRows.upsert(template, """
                insert into activity_trend as t (quantity, plan_id, unit_path, kind, bucket, channel,
                    indicator_code, slot)
                select v.q, v.plan_id, v.unit_path, v.kind, v.bucket, v.channel, v.indicator_code, v.slot
                from unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
                    ?::varchar[], ?::int[]) with ordinality
                    as v (q, plan_id, unit_path, kind, bucket, channel, indicator_code, slot, n)
                order by v.n
                on conflict (plan_id, unit_path, kind, bucket, channel, indicator_code, slot)
                do update set quantity = t.quantity + excluded.quantity
                """, rows, "bigint", "bigint", "varchar", "varchar", "varchar", "varchar", "varchar", "int");
    }


    // ------------------------------------------------------------------------------------------------------ reads

    /** Whether the subtree of this path keeps per-month and per-phase counters (depth 0 and 1). */
    static boolean covers(String subtreePath) {
        return depth(subtreePath) < DEPTHS;
    }

    /** Whether the subtrees of these paths keep their counts (depth 1 and 2). */
    static boolean counts(String childPath) {
        int depth = depth(childPath);
        return depth >= 1 && depth <= DEPTHS;
    }

    /** {@link ActivityFigures#perMonth} from the counters of a subtree at depth 0 or 1. */
    List<ActivityFigures.Sum> perMonth(long planId, String subtreePath) {
        return sums(planId, subtreePath, Kind.MONTH);
    }

    /** {@link ActivityFigures#perPhase} from the counters of a subtree at depth 0 or 1. */
    List<ActivityFigures.Sum> perPhase(long planId, String subtreePath) {
        return sums(planId, subtreePath, Kind.PHASE);
    }

    /** The non-zero sums of a subtree's counters of one kind (a removed activity leaves its rows at 0). */
    private List<ActivityFigures.Sum> sums(long planId, String subtreePath, Kind kind) {
        return jdbc.sql("select bucket, channel, indicator_code, sum(quantity) from activity_trend where plan_id = "
                + ":plan and unit_path = :path and kind = :kind group by bucket, channel, indicator_code "
                + "having sum(quantity) <> 0")
                .param("plan", planId).param("path", subtreePath).param("kind", kind.code)
                .query((rs, i) -> new ActivityFigures.Sum(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getLong(4))).list();
    }

    /** The number of activities of each subtree (paths at depth 1 or 2) that has any: path → count. */
    Map<String, Long> count(long planId, Collection<String> subtreePaths) {
        Map<String, Long> counts = new HashMap<>();
        if (subtreePaths.isEmpty()) {
            return counts;
        }
        jdbc.sql("select unit_path, sum(quantity) from activity_trend where plan_id = :plan and unit_path in (:paths) "
                + "and kind = 'U' group by unit_path having sum(quantity) <> 0").param("plan", planId)
                .param("paths", List.copyOf(subtreePaths)).query(rs -> {
                    counts.put(rs.getString(1), rs.getLong(2));
                });
        return counts;
    }

    /** The paths of the subtrees at depth 0 .. n - 1 that contain the unit of this path (fewer when it is higher). */
    static List<String> subtrees(String path, int n) {
        List<String> subtrees = new ArrayList<>(n);
        for (int i = path.indexOf('/', 1); i > 0 && subtrees.size() < n; i = path.indexOf('/', i + 1)) {
            subtrees.add(path.substring(0, i + 1));
        }
        return subtrees;
    }

    /** The depth of the unit of a path ({@code /78/} is 0). */
    static int depth(String path) {
        int slashes = 0;
        for (int i = 0; i < path.length(); i++) {
            if (path.charAt(i) == '/') {
                slashes++;
            }
        }
        return slashes - 2;
    }
}
