package vn.lantoa.activity;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.organization.Units;

/**
 * Số liệu hoạt động theo thời gian, đợt và đơn vị: the recorded activities of a subtree for a plan, summed per month,
 * per phase and per unit, for dashboards. The subtrees of the top levels (the country, the provinces) are read from
 * their live counters ({@link ActivityTrends}: a lookup, whatever the number of activities); deeper ones, small, by
 * one range of the subtree's path on the activity rows (the index {@code activity_plan_path_idx}), never recursion.
 * Both give the same figures. The caller checks that the user may see the subtree.
 */
@Repository
public class ActivityFigures {

    /** The indicator code of the number of activities. */
    public static final String COUNT = "";

    private final JdbcClient jdbc;
    private final ActivityTrends trends;
    /**
     * Off only in the dashboard benchmark (its "range scans" baseline, set by a test helper of this package): every
     * figure is then read from the activities, as before the counters.
     */
    volatile boolean fromCounters = true;

    ActivityFigures(JdbcClient jdbc, ActivityTrends trends) {
        this.jdbc = jdbc;
        this.trends = trends;
    }

    /**
     * A sum: under a key (a month {@code 2025-03}, a phase label, a unit path), for one channel and one indicator
     * ({@link #COUNT} for the number of activities).
     */
    public record Sum(String key, String channel, String indicator, long quantity) {
    }

    /** Per month of the first day: the number of activities and the outputs, per channel. */
    public List<Sum> perMonth(long planId, String subtreePath) {
        return fromCounters && ActivityTrends.covers(subtreePath) ? trends.perMonth(planId, subtreePath)
                : perMonthByPath(planId, subtreePath);
    }

    /** {@link #perMonth} read from the activities by path, at any depth (the range scan). */
    List<Sum> perMonthByPath(long planId, String subtreePath) {
        List<Sum> sums = new ArrayList<>();
        jdbc.sql("select extract(year from starts_on), extract(month from starts_on), channel, count(*) from activity "
                + "where plan_id = :plan and unit_path >= :p and unit_path < :upper "
                + "group by extract(year from starts_on), extract(month from starts_on), channel")
                .params(range(planId, subtreePath)).query(rs -> {
                    sums.add(new Sum(YearMonth.of(rs.getInt(1), rs.getInt(2)).toString(), rs.getString(3), COUNT,
                            rs.getLong(4)));
                });
        jdbc.sql("select extract(year from a.starts_on), extract(month from a.starts_on), a.channel, o.indicator_code, "
                + "sum(o.quantity) from activity a join activity_output o on o.activity_id = a.id "
                + "where a.plan_id = :plan and a.unit_path >= :p and a.unit_path < :upper "
                + "group by extract(year from a.starts_on), extract(month from a.starts_on), a.channel, o.indicator_code")
                .params(range(planId, subtreePath)).query(rs -> {
                    sums.add(new Sum(YearMonth.of(rs.getInt(1), rs.getInt(2)).toString(), rs.getString(3),
                            rs.getString(4), rs.getLong(5)));
                });
        return sums;
    }

    /** Per phase label ("" for activities that name no phase): the number of activities per channel. */
    public List<Sum> perPhase(long planId, String subtreePath) {
        return fromCounters && ActivityTrends.covers(subtreePath) ? trends.perPhase(planId, subtreePath)
                : perPhaseByPath(planId, subtreePath);
    }

    /** {@link #perPhase} read from the activities by path, at any depth (the range scan). */
    List<Sum> perPhaseByPath(long planId, String subtreePath) {
        return jdbc.sql("select coalesce(phase_label, ''), channel, count(*) from activity where plan_id = :plan and "
                + "unit_path >= :p and unit_path < :upper group by coalesce(phase_label, ''), channel")
                .params(range(planId, subtreePath))
                .query((rs, i) -> new Sum(rs.getString(1), rs.getString(2), COUNT, rs.getLong(3))).list();
    }

    /** Per unit (its path when the activity was recorded): the number of activities per channel. */
    public List<Sum> perUnitPath(long planId, String subtreePath) {
        return jdbc.sql("select unit_path, channel, count(*) from activity where plan_id = :plan and "
                + "unit_path >= :p and unit_path < :upper group by unit_path, channel")
                .params(range(planId, subtreePath))
                .query((rs, i) -> new Sum(rs.getString(1), rs.getString(2), COUNT, rs.getLong(3))).list();
    }

    /**
     * The number of activities in each of the given subtrees (the paths of the children of the subtree at
     * {@code subtreePath}): path → count, the subtrees without any left out. Under the country and a province, from
     * the counters of the children; deeper, one range read of the subtree's activities per unit.
     */
    public Map<String, Long> perChild(long planId, String subtreePath, Collection<String> childPaths) {
        if (fromCounters && childPaths.stream().allMatch(ActivityTrends::counts)) {
            return trends.count(planId, childPaths);
        }
        return perChildByPath(planId, subtreePath, childPaths);
    }

    /** {@link #perChild} read from the activities by path, at any depth (the range scan). */
    Map<String, Long> perChildByPath(long planId, String subtreePath, Collection<String> childPaths) {
        Set<String> children = new HashSet<>(childPaths);
        int depth = ActivityTrends.depth(subtreePath) + 1;
        Map<String, Long> counts = new HashMap<>();
        for (Sum s : perUnitPath(planId, subtreePath)) {
            List<String> chain = ActivityTrends.subtrees(s.key(), depth + 1);
            if (chain.size() == depth + 1 && children.contains(chain.get(depth))) {
                counts.merge(chain.get(depth), s.quantity(), Long::sum);
            }
        }
        return counts;
    }

    private static java.util.Map<String, Object> range(long planId, String path) {
        return java.util.Map.of("plan", planId, "p", path, "upper", Units.upperBound(path));
    }
}
