package vn.lantoa.cascade;

import java.time.LocalDate;

/**
 * One unit in the cascade view.
 *
 * @param unitId         the unit
 * @param unitName       its full name
 * @param planId         the plan that assigned it
 * @param planSymbol     that plan's symbol
 * @param level          the level of the assigning plan in the cascade (0: the root plan)
 * @param state          its state: issued on time or late, draft, missing, or not asked for a plan
 * @param overdue        no plan issued and the due date has passed
 * @param dueOn          when its plan was due, or null
 * @param issuedOn       the date its plan bears, once issued
 * @param derivedPlanId  its draft or plan implementing the assigning one, or null
 * @param derivedSymbol  that plan's symbol, once issued
 * @param below          the states of the units below it in the cascade (all levels), zero when it has no plan
 */
public record CascadeNode(long unitId, String unitName, long planId, String planSymbol, int level, CascadeState state,
        boolean overdue, LocalDate dueOn, LocalDate issuedOn, Long derivedPlanId, String derivedSymbol,
        CascadeCounts below) {
}
