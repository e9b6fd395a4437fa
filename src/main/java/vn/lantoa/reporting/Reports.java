package vn.lantoa.reporting;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Reports, their versions, frozen figures and submissions, in SQL. */
@Repository
public class Reports {

    private static final String COLUMNS = "id, plan_id, unit_id, unit_path, period_id, period_from, period_to, due_on, "
            + "status, version, revision, results, shortcomings, proposals, submitted_at, on_time, review_comment, "
            + "reviewed_at, reviewed_by, updated_by, updated_at";

    private final JdbcClient jdbc;

    Reports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A report row. */
    record Row(long id, long planId, long unitId, String unitPath, String periodId, LocalDate from, LocalDate to,
            LocalDate due, Report.Status status, long version, int revision, String results, String shortcomings,
            String proposals, Instant submittedAt, Boolean onTime, String reviewComment, Instant reviewedAt,
            Long reviewedBy, long updatedBy, Instant updatedAt) {
    }

    Optional<Row> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from report where id = :id").param("id", id).query(Reports::row)
                .optional();
    }

    Optional<Row> find(long planId, long unitId, String periodId) {
        return jdbc.sql("select " + COLUMNS + " from report where plan_id = :plan and unit_id = :unit and "
                + "period_id = :period").param("plan", planId).param("unit", unitId).param("period", periodId)
                .query(Reports::row).optional();
    }

    /** The reports of these units for a plan and period: unit id → row. */
    Map<Long, Row> ofUnits(long planId, String periodId, List<Long> unitIds) {
        Map<Long, Row> result = new LinkedHashMap<>();
        if (unitIds.isEmpty()) {
            return result;
        }
        jdbc.sql("select " + COLUMNS + " from report where plan_id = :plan and period_id = :period and unit_id in "
                + "(:units)").param("plan", planId).param("period", periodId).param("units", unitIds)
                .query(Reports::row).list().forEach(r -> result.put(r.unitId(), r));
        return result;
    }

    long insert(long planId, long unitId, String unitPath, ReportingPeriod period, LocalDate due, long userId,
            Instant now) {
        int inserted = jdbc.sql("insert into report (plan_id, unit_id, unit_path, period_id, period_from, period_to, due_on, status, "
                + "version, revision, created_by, created_at, updated_by, updated_at) values (:plan, :unit, :path, "
                + ":period, :from, :to, :due, 'DRAFT', 0, 0, :user, :now, :user, :now) on conflict do nothing")
                .param("plan", planId)
                .param("unit", unitId).param("path", unitPath).param("period", period.id())
                .param("from", period.from()).param("to", period.to()).param("due", due).param("user", userId)
                .param("now", utc(now)).update();
        long id = find(planId, unitId, period.id()).orElseThrow().id();
        if (inserted == 1) {
            version(id, userId, now);
        }
        return id;
    }

    /** Saves the texts when the version is still {@code version}; false when someone saved first. */
    boolean saveTexts(long id, long version, String results, String shortcomings, String proposals, long userId,
            Instant now) {
        int n = jdbc.sql("update report set results = :results, shortcomings = :shortcomings, proposals = :proposals, "
                + "version = version + 1, updated_by = :user, updated_at = :now where id = :id and version = :version "
                + "and status in ('DRAFT', 'RETURNED')").param("results", results).param("shortcomings", shortcomings)
                .param("proposals", proposals).param("user", userId).param("now", utc(now)).param("id", id)
                .param("version", version).update();
        if (n == 1) {
            version(id, userId, now);
        }
        return n == 1;
    }

    /** Marks the report submitted; false when it is not a draft or returned report any more. */
    boolean submit(long id, boolean onTime, long userId, Instant now) {
        int n = jdbc.sql("update report set status = 'SUBMITTED', revision = revision + 1, version = version + 1, "
                + "submitted_at = :now, on_time = :onTime, updated_by = :user, updated_at = :now where id = :id and "
                + "status in ('DRAFT', 'RETURNED')").param("now", utc(now)).param("onTime", onTime)
                .param("user", userId).param("id", id).update();
        if (n == 1) {
            version(id, userId, now);
        }
        return n == 1;
    }

    /** Returns or accepts a submitted report; false when it is not submitted (any more). */
    boolean review(long id, Report.Status to, String comment, Long expectedVersion, long userId, Instant now) {
        int n = jdbc.sql("update report set status = :status, version = version + 1, review_comment = :comment, "
                + "reviewed_at = :now, reviewed_by = :user, updated_by = :user, updated_at = :now where id = :id and "
                + "status = 'SUBMITTED'" + (expectedVersion == null ? "" : " and version = :version"))
                .param("status", to.name()).param("comment", comment).param("now", utc(now)).param("user", userId)
                .param("id", id).params(expectedVersion == null ? Map.of() : Map.of("version", expectedVersion))
                .update();
        if (n == 1) {
            version(id, userId, now);
        }
        return n == 1;
    }

    private void version(long id, long userId, Instant now) {
        jdbc.sql("insert into report_version (report_id, version, status, results, shortcomings, proposals, "
                + "review_comment, saved_by, saved_at) select id, version, status, results, shortcomings, proposals, "
                + "review_comment, :user, :now from report where id = :id").param("user", userId)
                .param("now", utc(now)).param("id", id).update();
    }

    List<Report.Version> versions(long id) {
        return jdbc.sql("select version, status, results, shortcomings, proposals, review_comment, saved_by, saved_at "
                + "from report_version where report_id = :id order by version").param("id", id)
                .query((rs, i) -> new Report.Version(rs.getLong(1), Report.Status.valueOf(rs.getString(2)),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getLong(7),
                        instant(rs, 8)))
                .list();
    }

    /** The submission made with this key, if any: its revision. */
    Optional<Integer> submissionWithKey(long id, String key) {
        return jdbc.sql("select revision from report_submission where report_id = :id and idempotency_key = :key")
                .param("id", id).param("key", key).query(Integer.class).optional();
    }

    void recordSubmission(long id, int revision, String key, long userId, Instant now, boolean onTime) {
        jdbc.sql("insert into report_submission (report_id, revision, idempotency_key, submitted_by, submitted_at, "
                + "on_time) values (:id, :revision, :key, :user, :now, :onTime)").param("id", id)
                .param("revision", revision).param("key", key).param("user", userId).param("now", utc(now))
                .param("onTime", onTime).update();
    }

    long submissions(long id) {
        return jdbc.sql("select count(*) from report_submission where report_id = :id").param("id", id)
                .query(Long.class).single();
    }

    /** Freezes the figures of a submission: key "channel/indicator" → {total, own}. */
    void freeze(long id, int revision, Map<String, long[]> figures) {
        figures.forEach((key, q) -> {
            int slash = key.indexOf('/');
            jdbc.sql("insert into report_figure (report_id, revision, channel, indicator_code, quantity, own_quantity) "
                    + "values (:id, :revision, :channel, :indicator, :q, :own)").param("id", id)
                    .param("revision", revision).param("channel", key.substring(0, slash))
                    .param("indicator", key.substring(slash + 1)).param("q", q[0]).param("own", q[1]).update();
        });
    }

    /** The frozen figures of a submission: key "channel/indicator" → {total, own}. */
    Map<String, long[]> frozen(long id, int revision) {
        Map<String, long[]> figures = new LinkedHashMap<>();
        jdbc.sql("select channel, indicator_code, quantity, own_quantity from report_figure where report_id = :id and "
                + "revision = :revision order by channel, indicator_code").param("id", id).param("revision", revision)
                .query(rs -> {
                    figures.put(rs.getString(1) + "/" + rs.getString(2), new long[] {rs.getLong(3), rs.getLong(4)});
                });
        return figures;
    }

    /** The frozen figures of several submissions (report id → its revision): report id → key → {total, own}. */
    Map<Long, Map<String, long[]>> frozen(Map<Long, Integer> revisions) {
        Map<Long, Map<String, long[]>> result = new HashMap<>();
        if (revisions.isEmpty()) {
            return result;
        }
        jdbc.sql("select report_id, revision, channel, indicator_code, quantity, own_quantity from report_figure where "
                + "report_id in (:ids) order by report_id, channel, indicator_code").param("ids", List.copyOf(
                        revisions.keySet())).query(rs -> {
                            long id = rs.getLong(1);
                            if (rs.getInt(2) == revisions.get(id)) { // earlier submissions' figures are kept too
                                result.computeIfAbsent(id, k -> new LinkedHashMap<>()).put(rs.getString(3) + "/"
                                        + rs.getString(4), new long[] {rs.getLong(5), rs.getLong(6)});
                            }
                        });
        return result;
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("unit_id"), rs.getString("unit_path"),
                rs.getString("period_id"), rs.getObject("period_from", LocalDate.class),
                rs.getObject("period_to", LocalDate.class), rs.getObject("due_on", LocalDate.class),
                Report.Status.valueOf(rs.getString("status")), rs.getLong("version"), rs.getInt("revision"),
                rs.getString("results"), rs.getString("shortcomings"), rs.getString("proposals"),
                instant(rs, "submitted_at"), (Boolean) rs.getObject("on_time", Boolean.class),
                rs.getString("review_comment"), instant(rs, "reviewed_at"),
                rs.getObject("reviewed_by", Long.class), rs.getLong("updated_by"), instant(rs, "updated_at"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    static List<Long> ids(List<Row> rows) {
        List<Long> ids = new ArrayList<>();
        rows.forEach(r -> ids.add(r.id()));
        return ids;
    }
}
