package vn.lantoa.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The issued plans and the units they assign, as PlanIssued told them (tables schedule_plan, schedule_plan_unit). */
@Repository
class IndexedPlans {

    /** One indexed plan. */
    record Row(long planId, long issuerUnitId) {
    }

    private final JdbcClient jdbc;
    private final org.springframework.jdbc.core.JdbcTemplate template;

    IndexedPlans(JdbcClient jdbc, org.springframework.jdbc.core.JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Records (or refreshes) an issued plan; with {@code assigned} non-null, replaces the units it assigns. */
    void put(long planId, long issuerUnitId, Map<Long, Set<Integer>> assigned, Instant now) {
        OffsetDateTime at = OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
        int updated = jdbc.sql("update schedule_plan set issuer_unit_id = :issuer, updated_at = :at where plan_id = :id")
                .param("issuer", issuerUnitId).param("at", at).param("id", planId).update();
        if (updated == 0) {
            jdbc.sql("insert into schedule_plan (plan_id, issuer_unit_id, updated_at) values (:id, :issuer, :at)")
                    .param("issuer", issuerUnitId).param("at", at).param("id", planId).update();
        }
        if (assigned == null) {
            return;
        }
        jdbc.sql("delete from schedule_plan_unit where plan_id = :id").param("id", planId).update();
        // one statement for all of them (60,000 units for a national plan: PERFORMANCE.md W2), H2 and PostgreSQL alike
        List<Long> unitIds = new java.util.ArrayList<>();
        List<Integer> indexes = new java.util.ArrayList<>();
        assigned.forEach((unit, of) -> of.forEach(index -> {
            unitIds.add(unit);
            indexes.add(index);
        }));
        if (unitIds.isEmpty()) {
            return;
        }
        template.execute((java.sql.Connection c) -> {
            java.sql.Array units = c.createArrayOf("bigint", unitIds.toArray(Long[]::new));
            java.sql.Array slots = c.createArrayOf("integer", indexes.toArray(Integer[]::new));
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into schedule_plan_unit (plan_id, unit_id, "
                    + "assignment_index) select ?, x.unit_id, x.slot from unnest(?, ?) as x (unit_id, slot)")) {
                ps.setLong(1, planId);
                ps.setArray(2, units);
                ps.setArray(3, slots);
                return ps.executeUpdate();
            } finally {
                units.free();
                slots.free();
            }
        });
    }

    /** Every indexed plan. */
    List<Row> all() {
        return jdbc.sql("select plan_id, issuer_unit_id from schedule_plan order by plan_id")
                .query((rs, n) -> new Row(rs.getLong("plan_id"), rs.getLong("issuer_unit_id"))).list();
    }

    /** Every indexed plan whose issuer is one of these units. */
    List<Row> issuedBy(Collection<Long> units) {
        if (units.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select plan_id, issuer_unit_id from schedule_plan where issuer_unit_id in (:units) "
                + "order by plan_id").param("units", units)
                .query((rs, n) -> new Row(rs.getLong("plan_id"), rs.getLong("issuer_unit_id"))).list();
    }

    /** For each plan, the units it assigns and their assignments' indexes (plans without any are absent). */
    Map<Long, Map<Long, Set<Integer>>> assigned(Collection<Long> planIds) {
        Map<Long, Map<Long, Set<Integer>>> out = new HashMap<>();
        if (planIds.isEmpty()) {
            return out;
        }
        jdbc.sql("select plan_id, unit_id, assignment_index from schedule_plan_unit where plan_id in (:ids)")
                .param("ids", planIds).query(rs -> {
                    out.computeIfAbsent(rs.getLong("plan_id"), k -> new HashMap<>())
                            .computeIfAbsent(rs.getLong("unit_id"), k -> new HashSet<>())
                            .add(rs.getInt("assignment_index"));
                });
        return out;
    }
}
