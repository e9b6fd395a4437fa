package vn.lantoa.plan;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Plan;

/**
 * The stored matches of a plan's assignment headings to units ({@code plan_assignment}, {@code plan_assignment_unit}).
 * Checks nothing about who asks.
 */
@Repository
class PlanAssignments {

    private final JdbcClient jdbc;

    PlanAssignments(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The matches of a plan, in assignment order (the role from the plan's own assignments). */
    List<AssignmentMatch> of(long planId, Plan plan) {
        Map<Integer, List<Long>> chosen = new LinkedHashMap<>();
        Map<Integer, List<Long>> offered = new LinkedHashMap<>();
        jdbc.sql("select assignment_index, unit_id, chosen from plan_assignment_unit where plan_id = :id "
                        + "order by assignment_index, position")
                .param("id", planId)
                .query(rs -> {
                    (rs.getBoolean("chosen") ? chosen : offered)
                            .computeIfAbsent(rs.getInt("assignment_index"), k -> new ArrayList<>())
                            .add(rs.getLong("unit_id"));
                });
        List<AssignmentMatch> out = new ArrayList<>();
        jdbc.sql("select assignment_index, heading, state, confirmed from plan_assignment where plan_id = :id "
                        + "order by assignment_index")
                .param("id", planId)
                .query(rs -> {
                    int index = rs.getInt("assignment_index");
                    List<Assignment> assignments = plan.assignments();
                    out.add(new AssignmentMatch(index, rs.getString("heading"),
                            index < assignments.size() ? assignments.get(index).role() : null,
                            AssignmentMatch.State.valueOf(rs.getString("state")), rs.getBoolean("confirmed"),
                            chosen.getOrDefault(index, List.of()), offered.getOrDefault(index, List.of())));
                });
        return out;
    }

    /** Replaces a plan's matches. */
    void replace(long planId, List<AssignmentMatch> matches, Map<Integer, Long> confirmedBy, Instant now) {
        delete(planId);
        for (AssignmentMatch m : matches) {
            Long by = m.confirmed() ? confirmedBy.get(m.index()) : null;
            jdbc.sql("insert into plan_assignment (plan_id, assignment_index, heading, state, confirmed, "
                            + "confirmed_by, confirmed_at) values (:plan, :index, :heading, :state, :confirmed, :by, "
                            + ":at)")
                    .param("plan", planId).param("index", m.index()).param("heading", cut(m.heading()))
                    .param("state", m.state().name()).param("confirmed", m.confirmed()).param("by", by)
                    .param("at", m.confirmed() ? now.atOffset(ZoneOffset.UTC) : null)
                    .update();
            insertUnits(planId, m.index(), m.unitIds(), true);
            List<Long> offered = m.candidates().stream().filter(id -> !m.unitIds().contains(id)).toList();
            insertUnits(planId, m.index(), offered, false);
        }
    }

    /** Who confirmed each confirmed match, to carry over when the matches are rewritten. */
    Map<Integer, Long> confirmers(long planId) {
        Map<Integer, Long> out = new LinkedHashMap<>();
        jdbc.sql("select assignment_index, confirmed_by from plan_assignment where plan_id = :id and confirmed")
                .param("id", planId)
                .query(rs -> {
                    out.put(rs.getInt(1), rs.getLong(2));
                });
        return out;
    }

    void delete(long planId) {
        jdbc.sql("delete from plan_assignment_unit where plan_id = :id").param("id", planId).update();
        jdbc.sql("delete from plan_assignment where plan_id = :id").param("id", planId).update();
    }

    private void insertUnits(long planId, int index, List<Long> units, boolean chosen) {
        int position = 0;
        for (long unit : units.stream().distinct().toList()) {
            jdbc.sql("insert into plan_assignment_unit (plan_id, assignment_index, unit_id, chosen, position) "
                            + "values (:plan, :index, :unit, :chosen, :position)")
                    .param("plan", planId).param("index", index).param("unit", unit).param("chosen", chosen)
                    .param("position", position++).update();
        }
    }

    private static String cut(String heading) {
        String h = heading == null ? "" : heading;
        return h.length() > 2000 ? h.substring(0, 2000) : h;
    }
}
