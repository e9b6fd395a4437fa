package vn.lantoa.cascade;

/**
 * The answer to "Xây dựng kế hoạch thực hiện".
 *
 * @param planId       the unit's draft (or its plan, when it was issued since)
 * @param parentPlanId the plan it implements
 * @param unitId       the unit
 * @param created      false when the unit had derived it before (a double click): the same draft is returned
 */
public record Derivation(long planId, long parentPlanId, long unitId, boolean created) {
}
