package vn.lantoa.plan;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.lantoa.planformat.Role;

/**
 * Published (inside the issuing transaction) when a plan is issued (ban hành), or when an amendment of it is issued
 * as a new revision. Listeners — the cascade's tasks, notifications, the calendar — react to it; the plan's content
 * is read with {@link PlanManagement#issued(long)}.
 *
 * @param planId        the plan
 * @param revision      1 for the original issue, more for an amendment (a new version of an issued plan)
 * @param issuerUnitId  the issuing unit
 * @param symbol        its symbol ("354-KH/TU")
 * @param issuedOn      the date the document bears
 * @param issuedAt      when it was issued in the system (the cascade's "on time" is judged on {@code issuedOn})
 * @param basisPlanIds  the plans of the system this one implements (its bases whose symbol matched): the cascade's edges
 * @param assignedUnits every unit the plan assigns, a group heading expanded to its units; empty when no heading
 *                      could be matched yet
 */
public record PlanIssued(long planId, int revision, long issuerUnitId, String symbol, LocalDate issuedOn,
        Instant issuedAt, List<Long> basisPlanIds, List<AssignedUnit> assignedUnits) {

    public PlanIssued {
        basisPlanIds = List.copyOf(basisPlanIds);
        assignedUnits = List.copyOf(assignedUnits);
    }

    /**
     * One unit the plan assigns.
     *
     * @param unitId          the unit
     * @param assignmentIndex the index of its assignment in the plan's {@code assignments} (several units share one
     *                        when the heading names a group)
     * @param role            lead, requested or standing, as the assignment says
     */
    public record AssignedUnit(long unitId, int assignmentIndex, Role role) {
    }
}
