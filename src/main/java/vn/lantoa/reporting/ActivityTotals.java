package vn.lantoa.reporting;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.activity.ActivityRecorded;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanIssued;

/**
 * Số liệu cộng dồn: live totals of recorded activities per plan, period, unit, channel and indicator (table
 * {@code activity_total}), moved in the transaction that records the activity (a synchronous listener of
 * {@link ActivityRecorded}), so a figure is exact the moment the activity commits and no roll-up ever recurses.
 * Each activity adds to its unit's own row ({@code own}) and to the subtree row of the unit and of each ancestor; the
 * top two levels' rows are spread over {@link #SLOTS} slots so that concurrent writers do not queue on one row.
 * The indicator code {@code ""} counts activities.
 */
@Repository
public class ActivityTotals {

    /** Rows per key at depth 0 and 1. */
    static final int SLOTS = 8;
    /** The indicator code of the count of activities. */
    public static final String COUNT = "";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PlanPeriods periods;
    /**
     * Off only in the reporting benchmark (W7, "counters off" baseline, set by a test helper of this package): the
     * totals then no longer match the activities of the plans it writes to, which the benchmark keeps apart.
     */
    volatile boolean live = true;

    ActivityTotals(JdbcClient jdbc, JdbcTemplate template, PlanPeriods periods) {
        this.jdbc = jdbc;
        this.template = template;
        this.periods = periods;
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
        add(recorded.planId(), period, recorded.unitPath(), recorded.channel().json(), recorded.outputs(),
                recorded.activityId(), 1);
    }

    @EventListener
    void on(PlanIssued issued) {
        periods.forget(issued.planId());
    }

    /** Adds (sign 1) or removes (sign -1) one activity's figures. */
    void add(long planId, String period, String unitPath, String channel, Map<String, Long> outputs, long activityId,
            int sign) {
        List<Long> chain = ids(unitPath);
        Map<String, Long> amounts = new TreeMap<>();
        amounts.put(COUNT, 1L);
        outputs.forEach((code, q) -> amounts.put(code, q));
        List<Object[]> keys = new ArrayList<>();
        for (int depth = chain.size() - 1; depth >= 0; depth--) { // leaf first: every writer locks in the same order
            long unit = chain.get(depth);
            Long parent = depth == 0 ? null : chain.get(depth - 1);
            String path = pathOf(chain, depth);
            int slot = depth <= 1 ? (int) (activityId % SLOTS) : 0;
            for (Map.Entry<String, Long> a : amounts.entrySet()) {
                if (depth == chain.size() - 1) {
                    keys.add(new Object[] {sign * a.getValue(), planId, period, unit, true, channel, a.getKey(), slot,
                            parent, depth, path});
                }
                keys.add(new Object[] {sign * a.getValue(), planId, period, unit, false, channel, a.getKey(), slot,
                        parent, depth, path});
            }
        }
        String update = "update activity_total set quantity = quantity + ? where plan_id = ? and period_id = ? and "
                + "unit_id = ? and own = ? and channel = ? and indicator_code = ? and slot = ?";
        int[] updated = template.batchUpdate(update, keys.stream().map(k -> new Object[] {k[0], k[1], k[2], k[3], k[4],
                k[5], k[6], k[7]}).toList());
        List<Object[]> missing = new ArrayList<>();
        for (int i = 0; i < updated.length; i++) {
            if (updated[i] == 0) {
                missing.add(keys.get(i));
            }
        }
        if (missing.isEmpty()) {
            return;
        }
        template.batchUpdate("insert into activity_total (plan_id, period_id, unit_id, own, channel, indicator_code, "
                + "slot, parent_id, depth, unit_path, quantity) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0) "
                + "on conflict do nothing", missing.stream().map(k -> new Object[] {k[1], k[2], k[3], k[4], k[5], k[6],
                        k[7], k[8], k[9], k[10]}).toList());
        template.batchUpdate(update, missing.stream().map(k -> new Object[] {k[0], k[1], k[2], k[3], k[4], k[5], k[6],
                k[7]}).toList());
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
        Map<Long, List<Figure>> result = new HashMap<>();
        jdbc.sql("select unit_id, channel, indicator_code, sum(quantity) from activity_total where plan_id = :plan and "
                + "period_id = :period and parent_id = :unit and own = false group by unit_id, channel, indicator_code "
                + "order by unit_id, channel, indicator_code").param("plan", planId).param("period", period)
                .param("unit", unitId).query(rs -> {
                    result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                            .add(new Figure(rs.getString(2), rs.getString(3), rs.getLong(4)));
                });
        return result;
    }

    /** The totals of the units' own activities per depth (level) inside a subtree: depth → figures. */
    public Map<Integer, List<Figure>> perLevel(long planId, String period, String subtreePath) {
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
