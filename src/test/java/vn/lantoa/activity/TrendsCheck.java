package vn.lantoa.activity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.AopTestUtils;

/**
 * For tests and benchmarks: the dashboard counters of a plan ({@code activity_trend}, slots added up) and their
 * recomputation from the plan's activity rows by the migration's backfill statements (run as queries), as maps
 * "path|kind|bucket|channel|indicator" → sum, the zero sums left out; and the switch of the benchmark's baseline.
 */
public final class TrendsCheck {

    /** The migration that creates and backfills the counters. */
    static final String MIGRATION = "/db/migration/activity/V2026_11_28_90__activity_trend.sql";

    private TrendsCheck() {
    }

    /** Reads the dashboard's figures from the counters (on) or from the activities by range scans (off). */
    public static void fromCounters(ActivityFigures figures, boolean on) {
        // the bean is a proxy (a repository's exception translation): the switch is the target's
        ActivityFigures target = AopTestUtils.getUltimateTargetObject(figures);
        target.fromCounters = on;
    }

    /** The plan's counters. */
    public static Map<String, Long> counters(JdbcTemplate jdbc, long planId) {
        return grouped(jdbc, "select unit_path, kind, bucket, channel, indicator_code, quantity from activity_trend "
                + "where plan_id = ?", planId);
    }

    /** The plan's counters as the migration's backfill computes them from the activity rows. */
    public static Map<String, Long> recomputed(JdbcTemplate jdbc, long planId) {
        Map<String, Long> result = new TreeMap<>();
        for (String select : backfillQueries()) {
            grouped(jdbc, "select unit_path, kind, bucket, channel, indicator_code, quantity from (" + select + ") as "
                    + "b(plan_id, unit_path, kind, bucket, channel, indicator_code, slot, quantity) where plan_id = ?",
                    planId).forEach((k, q) -> result.merge(k, q, Long::sum));
        }
        result.values().removeIf(q -> q == 0);
        return result;
    }

    /**
     * How many keys differ between the counters and their recomputation (a counter without activities included); the
     * first five are told to {@code report}.
     */
    public static long differences(Map<String, Long> counters, Map<String, Long> recomputed,
            Consumer<String> report) {
        long differences = 0;
        for (Map.Entry<String, Long> e : recomputed.entrySet()) {
            if (!e.getValue().equals(counters.get(e.getKey())) && differences++ < 5) {
                report.accept("- dashboard counter differs: " + e.getKey() + " recomputed " + e.getValue()
                        + ", counter " + counters.get(e.getKey()));
            }
        }
        for (String k : counters.keySet()) {
            if (!recomputed.containsKey(k) && differences++ < 5) {
                report.accept("- dashboard counter without activities: " + k + " = " + counters.get(k));
            }
        }
        return differences;
    }

    /** The select part of each of the migration's insert statements. */
    static List<String> backfillQueries() {
        String sql;
        try (InputStream in = TrendsCheck.class.getResourceAsStream(MIGRATION)) {
            sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String code = sql.lines().filter(l -> !l.strip().startsWith("--")).reduce("", (a, b) -> a + "\n" + b);
        List<String> selects = new ArrayList<>();
        for (String statement : code.split(";")) {
            statement = statement.strip();
            if (statement.startsWith("insert into activity_trend")) {
                selects.add(statement.substring(statement.indexOf("select")));
            }
        }
        return selects;
    }

    private static Map<String, Long> grouped(JdbcTemplate jdbc, String sql, long planId) {
        Map<String, Long> result = new TreeMap<>();
        jdbc.query(sql, rs -> {
            result.merge(key(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5)),
                    rs.getLong(6), Long::sum);
        }, planId);
        result.values().removeIf(q -> q == 0);
        return result;
    }

    static String key(CharSequence path, String kind, String bucket, String channel, String indicator) {
        return path + "|" + kind + "|" + bucket + "|" + channel + "|" + indicator;
    }
}
