package vn.lantoa.event;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.organization.Units;
import vn.lantoa.shared.VietnameseText;

/** The event records and the plans' deadline readings, in SQL. Nothing here checks who is asking. */
@Repository
class Events {

    private static final String COLUMNS = "e.id, e.owner_unit_id, e.name, e.kind, e.congress_level, e.ordinal_number, "
            + "e.start_date, e.end_date, e.base_date, e.version, e.updated_at";

    private final JdbcClient jdbc;

    Events(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<EventRecord> byId(long id) {
        return jdbc.sql("select " + COLUMNS + " from event_record e where e.id = :id").param("id", id)
                .query(Events::map).optional();
    }

    /** National events and those owned by one of these units (the ancestors-or-self of an issuer). */
    List<EventRecord> ownedByAnyOf(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return jdbc.sql("select " + COLUMNS + " from event_record e where e.owner_unit_id is null order by e.id")
                    .query(Events::map).list();
        }
        return jdbc.sql("select " + COLUMNS + " from event_record e where e.owner_unit_id is null "
                + "or e.owner_unit_id in (:units) order by e.id").param("units", unitIds).query(Events::map).list();
    }

    /**
     * The events a user at {@code path} sees: national ones, those of units on the path (ancestors and self), and, when
     * {@code subtree}, those of units below; all of them when {@code path} is null (the system administrator).
     */
    List<EventRecord> visible(String path, List<Long> ancestorsAndSelf, boolean subtree, EventKind kind, String query,
            int limit) {
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from event_record e left join unit u on u.id = "
                + "e.owner_unit_id where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (path != null) {
            sql.append(" and (e.owner_unit_id is null or e.owner_unit_id in (:mine)");
            params.put("mine", ancestorsAndSelf.isEmpty() ? List.of(-1L) : ancestorsAndSelf);
            if (subtree) {
                sql.append(" or (u.path >= :p and u.path < :upper)");
                params.put("p", path);
                params.put("upper", Units.upperBound(path));
            }
            sql.append(")");
        }
        if (kind != null) {
            sql.append(" and e.kind = :kind");
            params.put("kind", kind.name());
        }
        String folded = VietnameseText.fold(query);
        if (!folded.isEmpty()) {
            sql.append(" and (' ' || e.name_key) like :pattern");
            params.put("pattern", "% " + folded.replace(" ", "% ") + "%");
        }
        sql.append(" order by e.start_date nulls last, e.name_key, e.id limit ").append(Math.max(1, limit));
        return jdbc.sql(sql.toString()).params(params).query(Events::map).list();
    }

    long insert(EventRecord e, long userId, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into event_record (owner_unit_id, name, name_key, kind, congress_level, ordinal_number, "
                + "start_date, end_date, base_date, version, created_by, created_at, updated_by, updated_at) values "
                + "(:owner, :name, :key, :kind, :level, :ordinal, :start, :end, :base, 0, :user, :now, :user, :now)")
                .params(values(e)).param("user", userId).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Writes the new values if the version is still {@code expected}; false when someone wrote first. */
    boolean update(EventRecord e, long expected, long userId, Instant now) {
        return jdbc.sql("update event_record set name = :name, name_key = :key, kind = :kind, congress_level = :level, "
                + "ordinal_number = :ordinal, start_date = :start, end_date = :end, base_date = :base, "
                + "version = version + 1, updated_by = :user, updated_at = :now where id = :id and version = :expected")
                .params(values(e)).param("user", userId).param("now", OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
                .param("id", e.id()).param("expected", expected).update() == 1;
    }

    private static Map<String, Object> values(EventRecord e) {
        Map<String, Object> v = new HashMap<>();
        v.put("owner", e.ownerUnitId());
        v.put("name", e.name());
        v.put("key", VietnameseText.fold(e.name()));
        v.put("kind", e.kind().name());
        v.put("level", e.level() == null ? null : e.level().name());
        v.put("ordinal", e.ordinal());
        v.put("start", e.start());
        v.put("end", e.end());
        v.put("base", e.baseDate());
        return v;
    }

    Map<Long, Reading> readings(Collection<Long> planIds) {
        Map<Long, Reading> readings = new HashMap<>();
        if (!planIds.isEmpty()) {
            jdbc.sql("select plan_id, reading from event_plan_reading where plan_id in (:ids)").param("ids", planIds)
                    .query(rs -> {
                        readings.put(rs.getLong("plan_id"), Reading.valueOf(rs.getString("reading")));
                    });
        }
        return readings;
    }

    void putReading(long planId, Reading reading, long userId, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, java.time.ZoneOffset.UTC);
        int updated = jdbc.sql("update event_plan_reading set reading = :r, updated_by = :u, updated_at = :t "
                + "where plan_id = :id").param("r", reading.name()).param("u", userId).param("t", at)
                .param("id", planId).update();
        if (updated == 0) {
            jdbc.sql("insert into event_plan_reading (plan_id, reading, updated_by, updated_at) values (:id, :r, :u, :t)")
                    .param("r", reading.name()).param("u", userId).param("t", at).param("id", planId).update();
        }
    }

    private static EventRecord map(ResultSet rs, int row) throws SQLException {
        long owner = rs.getLong("owner_unit_id");
        Long ownerId = rs.wasNull() ? null : owner;
        int ordinal = rs.getInt("ordinal_number");
        Integer ord = rs.wasNull() ? null : ordinal;
        String level = rs.getString("congress_level");
        OffsetDateTime updated = rs.getObject("updated_at", OffsetDateTime.class);
        return new EventRecord(rs.getLong("id"), ownerId, rs.getString("name"), EventKind.valueOf(rs.getString("kind")),
                level == null ? null : CongressLevel.valueOf(level), ord, rs.getObject("start_date", LocalDate.class),
                rs.getObject("end_date", LocalDate.class), rs.getObject("base_date", LocalDate.class),
                rs.getLong("version"), updated == null ? null : updated.toInstant());
    }
}
