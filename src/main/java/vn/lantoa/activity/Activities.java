package vn.lantoa.activity;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lantoa.organization.Units;
import vn.lantoa.planformat.ChannelKind;

/**
 * Activities, their outputs and evidence rows, in SQL. Subtrees are ranges of the path stored on the activity row
 * ({@code unit_path >= p and unit_path < p'}), never recursion.
 */
@Repository
public class Activities {

    private static final String COLUMNS = "id, plan_id, unit_id, unit_path, title, channel, starts_on, ends_on, "
            + "phase_label, task_text, place, description, notable, version, created_by, created_at";

    private final JdbcClient jdbc;
    private final Database database;

    Activities(JdbcClient jdbc, Database database) {
        this.jdbc = jdbc;
        this.database = database;
    }

    /** A recorded activity's id, and the path its unit had when it was written. */
    record Inserted(long id, String unitPath) {
    }

    /**
     * Inserts an activity of the unit with its outputs, when the unit is open: the insert reads the unit's row itself
     * (its current path, and that it is not closed), so the recording needs no read of the unit before it. Empty when
     * the unit is closed or gone (nothing is written).
     */
    java.util.Optional<Inserted> insert(long planId, long unitId, Clean a, long userId, Instant now) {
        String activity = "insert into activity (plan_id, unit_id, unit_path, title, channel, starts_on, ends_on, "
                + "phase_label, task_text, place, description, notable, evidence_bytes, version, created_by, created_at, "
                + "updated_by, updated_at) select :plan, u.id, u.path, :title, :channel, :starts, :ends, :phase, :task, "
                + ":place, :description, :notable, :bytes, 0, :user, :now, :user, :now from unit u "
                + "where u.id = :unit and u.closed_on is null";
        Map<String, Object> params = new HashMap<>();
        params.put("plan", planId);
        params.put("unit", unitId);
        params.put("title", a.title());
        params.put("channel", a.channel().json());
        params.put("starts", a.startsOn());
        params.put("ends", a.endsOn());
        params.put("phase", a.phase());
        params.put("task", a.task());
        params.put("place", a.place());
        params.put("description", a.description());
        params.put("notable", a.notable());
        params.put("bytes", a.bytes());
        params.put("user", userId);
        params.put("now", utc(now));
        if (database.postgres()) {
            // the activity and its outputs in one statement: a round trip less per recording (W7)
            StringBuilder sql = new StringBuilder("with a as (").append(activity).append(" returning id, unit_path)");
            if (!a.outputs().isEmpty()) {
                sql.append(", o as (insert into activity_output (activity_id, indicator_code, quantity) "
                        + "select a.id, x.code, x.q from a cross join (values ");
                int i = 0;
                for (Map.Entry<String, Long> e : a.outputs().entrySet()) {
                    sql.append(i == 0 ? "" : ", ").append("(:code").append(i).append(", :q").append(i).append(')');
                    params.put("code" + i, e.getKey());
                    params.put("q" + i, e.getValue());
                    i++;
                }
                sql.append(") as x(code, q))");
            }
            sql.append(" select id, unit_path from a");
            return jdbc.sql(sql.toString()).params(params)
                    .query((rs, row) -> new Inserted(rs.getLong("id"), rs.getString("unit_path"))).optional();
        }
        KeyHolder key = new GeneratedKeyHolder();
        int rows = jdbc.sql(activity).params(params).update(key, "id", "unit_path");
        if (rows == 0) {
            return java.util.Optional.empty();
        }
        Map<String, Object> keys = key.getKeys();
        long id = ((Number) value(keys, "id")).longValue();
        String unitPath = (String) value(keys, "unit_path");
        for (Map.Entry<String, Long> e : a.outputs().entrySet()) {
            jdbc.sql("insert into activity_output (activity_id, indicator_code, quantity) values (:id, :code, :q)")
                    .param("id", id).param("code", e.getKey()).param("q", e.getValue()).update();
        }
        return java.util.Optional.of(new Inserted(id, unitPath));
    }


    /** A generated key's value, whatever the case the driver names its column in. */
    private static Object value(Map<String, Object> keys, String column) {
        for (Map.Entry<String, Object> e : keys.entrySet()) {
            if (e.getKey().equalsIgnoreCase(column)) {
                return e.getValue();
            }
        }
        throw new IllegalStateException("no generated " + column + " in " + keys.keySet());
    }

    /** Inserts an evidence row; returns it with its id. */
    Evidence insertEvidence(long activityId, Evidence e, Instant now) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into evidence (activity_id, kind, display_name, media_type, size_bytes, sha256, "
                + "thumbnail_sha256, width, height, url, created_at) values (:activity, :kind, :name, :type, :size, "
                + ":sha, :thumb, :w, :h, :url, :now)").param("activity", activityId).param("kind", e.kind().name())
                .param("name", e.displayName()).param("type", e.mediaType()).param("size", e.sizeBytes())
                .param("sha", e.sha256()).param("thumb", e.thumbnailSha256()).param("w", e.width())
                .param("h", e.height()).param("url", e.url()).param("now", utc(now)).update(key, "id");
        return new Evidence(key.getKey().longValue(), e.kind(), e.displayName(), e.mediaType(), e.sizeBytes(),
                e.sha256(), e.thumbnailSha256(), e.width(), e.height(), e.url());
    }

    /** How many evidence rows refer to these bytes (as the file or as its thumbnail). */
    long references(String sha256) {
        return jdbc.sql("select count(*) from evidence where sha256 = :sha or thumbnail_sha256 = :sha")
                .param("sha", sha256).query(Long.class).single();
    }

    public java.util.Optional<Activity> byId(long id) {
        List<Activity> found = load("select " + COLUMNS + " from activity where id = :id", Map.of("id", id));
        return found.stream().findFirst();
    }

    /**
     * Activities of a subtree, newest first.
     *
     * @param path    the subtree's root path
     * @param planId  only this plan, or null
     * @param from    first day (of starts_on), or null
     * @param to      last day, or null
     */
    public List<Activity> inSubtree(String path, Long planId, LocalDate from, LocalDate to, int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS
                + " from activity where unit_path >= :p and unit_path < :upper");
        Map<String, Object> params = new HashMap<>();
        params.put("p", path);
        params.put("upper", Units.upperBound(path));
        if (planId != null) {
            sql.append(" and plan_id = :plan");
            params.put("plan", planId);
        }
        if (from != null) {
            sql.append(" and starts_on >= :from");
            params.put("from", from);
        }
        if (to != null) {
            sql.append(" and starts_on <= :to");
            params.put("to", to);
        }
        sql.append(" order by starts_on desc, id desc limit ").append(Math.max(1, limit));
        return load(sql.toString(), params);
    }

    /** The activities of one unit for one plan whose first day lies in [from, to], oldest first. */
    public List<Activity> ofUnit(long planId, long unitId, LocalDate from, LocalDate to) {
        return load("select " + COLUMNS + " from activity where plan_id = :plan and unit_id = :unit and starts_on >= "
                + ":from and starts_on <= :to order by starts_on, id", Map.of("plan", planId, "unit", unitId,
                        "from", from, "to", to));
    }

    private List<Activity> load(String sql, Map<String, Object> params) {
        List<Row> rows = jdbc.sql(sql).params(params).query(Activities::row).list();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, Map<String, Long>> outputs = new HashMap<>();
        jdbc.sql("select o.activity_id, o.indicator_code, o.quantity from activity_output o join indicator i on "
                + "i.code = o.indicator_code where o.activity_id in (:ids) order by o.activity_id, i.position, i.code")
                .param("ids", ids).query(rs -> {
                    outputs.computeIfAbsent(rs.getLong(1), k -> new LinkedHashMap<>()).put(rs.getString(2),
                            rs.getLong(3));
                });
        Map<Long, List<Evidence>> evidence = new HashMap<>();
        jdbc.sql("select id, activity_id, kind, display_name, media_type, size_bytes, sha256, thumbnail_sha256, width, "
                + "height, url from evidence where activity_id in (:ids) order by id").param("ids", ids).query(rs -> {
                    evidence.computeIfAbsent(rs.getLong("activity_id"), k -> new ArrayList<>()).add(evidence(rs));
                });
        List<Activity> result = new ArrayList<>();
        for (Row r : rows) {
            result.add(new Activity(r.id, r.planId, r.unitId, r.unitPath, r.title, r.channel, r.startsOn, r.endsOn,
                    r.phase, r.task, r.place, r.description, r.notable, outputs.getOrDefault(r.id, Map.of()),
                    evidence.getOrDefault(r.id, List.of()), r.version, r.createdBy, r.createdAt));
        }
        return result;
    }

    /** The evidence row with this id, and the activity it belongs to. */
    public java.util.Optional<Map.Entry<Long, Evidence>> evidence(long id) {
        return jdbc.sql("select id, activity_id, kind, display_name, media_type, size_bytes, sha256, thumbnail_sha256, "
                + "width, height, url from evidence where id = :id").param("id", id)
                .query((rs, i) -> Map.entry(rs.getLong("activity_id"), evidence(rs))).optional();
    }

    private static Evidence evidence(ResultSet rs) throws SQLException {
        return new Evidence(rs.getLong("id"), Evidence.Kind.valueOf(rs.getString("kind")), rs.getString("display_name"),
                rs.getString("media_type"), (Long) rs.getObject("size_bytes", Long.class), rs.getString("sha256"),
                rs.getString("thumbnail_sha256"), rs.getObject("width", Integer.class),
                rs.getObject("height", Integer.class), rs.getString("url"));
    }

    private record Row(long id, long planId, long unitId, String unitPath, String title, ChannelKind channel,
            LocalDate startsOn, LocalDate endsOn, String phase, String task, String place, String description,
            boolean notable, long version, long createdBy, Instant createdAt) {
    }

    private static Row row(ResultSet rs, int i) throws SQLException {
        return new Row(rs.getLong("id"), rs.getLong("plan_id"), rs.getLong("unit_id"), rs.getString("unit_path"),
                rs.getString("title"), ChannelKind.fromJson(rs.getString("channel")),
                rs.getObject("starts_on", LocalDate.class), rs.getObject("ends_on", LocalDate.class),
                rs.getString("phase_label"), rs.getString("task_text"), rs.getString("place"),
                rs.getString("description"), rs.getBoolean("notable"), rs.getLong("version"),
                rs.getLong("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }

    /** A validated activity, ready to insert. */
    record Clean(String title, ChannelKind channel, LocalDate startsOn, LocalDate endsOn, String phase, String task,
            String place, String description, boolean notable, Map<String, Long> outputs, long bytes) {

        Clean withBytes(long total) {
            return new Clean(title, channel, startsOn, endsOn, phase, task, place, description, notable, outputs,
                    total);
        }
    }
}
