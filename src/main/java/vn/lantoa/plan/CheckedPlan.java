package vn.lantoa.plan;

import java.util.List;

import vn.lantoa.planformat.Plan;

/**
 * A plan as the checks see it.
 *
 * @param planId       the stored plan
 * @param issuerUnitId the issuing unit
 * @param status       draft, issued or closed
 * @param plan         its content
 * @param assignments  how its assignment headings were matched to units, in assignment order
 * @param basisPlanIds for each basis (by index), the plan of the system it points at, or null when it is only a
 *                     reference
 */
public record CheckedPlan(long planId, long issuerUnitId, PlanStatus status, Plan plan,
        List<AssignmentMatch> assignments, List<Long> basisPlanIds) {

    public CheckedPlan {
        assignments = List.copyOf(assignments);
        basisPlanIds = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(basisPlanIds));
    }
}
