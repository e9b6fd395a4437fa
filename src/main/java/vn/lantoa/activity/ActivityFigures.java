package vn.lantoa.activity;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.organization.Units;

/**
 * Số liệu hoạt động theo thời gian, đợt và đơn vị: the recorded activities of a subtree for a plan, summed per month,
 * per phase and per unit, for dashboards. Each query is one range of the subtree's path on the activity rows (the
 * index {@code activity_plan_path_idx}), never recursion. The caller checks that the user may see the subtree.
 */
@Repository
public class ActivityFigures {

    /** The indicator code of the number of activities. */
    public static final String COUNT = "";

    private final JdbcClient jdbc;

    ActivityFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A sum: under a key (a month {@code 2025-03}, a phase label, a unit path), for one channel and one indicator
     * ({@link #COUNT} for the number of activities).
     */
    public record Sum(String key, String channel, String indicator, long quantity) {
    }

    /** Per month of the first day: the number of activities and the outputs, per channel. */
    public List<Sum> perMonth(long planId, String subtreePath) {
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

    private static java.util.Map<String, Object> range(long planId, String path) {
        return java.util.Map.of("plan", planId, "p", path, "upper", Units.upperBound(path));
    }
}
