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

import vn.lantoa.shared.SqlArrays;

/** The issued plans and the units they assign, as PlanIssued told them (tables schedule_plan, schedule_plan_assignment: a
 * plan's units per assignment, in arrays of at most SqlArrays.MAX_ELEMENTS). */
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
        jdbc.sql("delete from schedule_plan_assignment where plan_id = :id").param("id", planId).update();
        // one row per assignment, its units in an array: a national plan's 60,000 units are 4 rows (PERFORMANCE.md W2)
        Map<Integer, List<Long>> byAssignment = new java.util.TreeMap<>();
        assigned.forEach((unit, of) -> of.forEach(index ->
                byAssignment.computeIfAbsent(index, k -> new java.util.ArrayList<>()).add(unit)));
        if (byAssignment.isEmpty()) {
            return;
        }
        template.execute((java.sql.Connection c) -> {
            try (java.sql.PreparedStatement ps = c.prepareStatement("insert into schedule_plan_assignment (plan_id, "
                    + "assignment_index, part, unit_ids) values (?, ?, ?, ?)")) {
                for (var e : byAssignment.entrySet()) {
                    Long[] units = e.getValue().stream().sorted().toArray(Long[]::new);
                    // a row per SqlArrays.MAX_ELEMENTS units: H2 refuses longer arrays
                    SqlArrays.inChunks(units.length, (part, from, to) -> {
                        ps.setLong(1, planId);
                        ps.setInt(2, e.getKey());
                        ps.setInt(3, part);
                        ps.setArray(4, c.createArrayOf("bigint", java.util.Arrays.copyOfRange(units, from, to)));
                        ps.addBatch();
                        return 0;
                    });
                }
                return ps.executeBatch();
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
        jdbc.sql("select plan_id, assignment_index, unit_ids from schedule_plan_assignment where plan_id in (:ids)")
                .param("ids", planIds).query(rs -> {
                    Map<Long, Set<Integer>> plan = out.computeIfAbsent(rs.getLong("plan_id"), k -> new HashMap<>());
                    int index = rs.getInt("assignment_index");
                    java.sql.Array units = rs.getArray("unit_ids");
                    try {
                        for (Object unit : (Object[]) units.getArray()) {
                            plan.computeIfAbsent(((Number) unit).longValue(), k -> new HashSet<>()).add(index);
                        }
                    } finally {
                        units.free();
                    }
                });
        return out;
    }
}
