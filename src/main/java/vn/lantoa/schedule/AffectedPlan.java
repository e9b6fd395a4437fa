package vn.lantoa.schedule;

import java.util.List;

/**
 * An issued plan whose times are tied to an event (for telling the units concerned when the event moves).
 *
 * @param planId        the plan
 * @param issuerUnitId  its issuer
 * @param assignedUnits the units it assigns, as {@link vn.lantoa.plan.PlanIssued} gave them (empty when not matched)
 * @param pointers      the times tied to the event, as JSON pointers ({@code /phases/1/start})
 */
public record AffectedPlan(long planId, long issuerUnitId, List<Long> assignedUnits, List<String> pointers) {

    public AffectedPlan {
        assignedUnits = List.copyOf(assignedUnits);
        pointers = List.copyOf(pointers);
    }
}
