package vn.lantoa.event;

import vn.lantoa.planformat.Plan;

/**
 * One plan to resolve in a batch ({@link EventTimes#resolveAll}).
 *
 * @param planId       the plan's id (for its deadline reading); 0 for a plan not stored yet
 * @param plan         the plan
 * @param issuerUnitId its issuing unit (events are matched among those this unit sees)
 */
public record PlanToResolve(long planId, Plan plan, long issuerUnitId) {
}
