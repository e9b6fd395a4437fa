package vn.lantoa.schedule;

import java.time.Clock;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.stereotype.Component;

import vn.lantoa.plan.PlanIssued;

/** Keeps {@link IndexedPlans} in step with the plans issued (and amended), for the feeds read without a session. */
@Component
class PlanIndex {

    private final IndexedPlans plans;
    private final Clock clock;

    PlanIndex(IndexedPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    /** After the issuing transaction commits, in a transaction of its own. */
    @TransactionalEventListener
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void on(PlanIssued issued) {
        Map<Long, Set<Integer>> assigned = new HashMap<>();
        for (PlanIssued.AssignedUnit unit : issued.assignedUnits()) {
            assigned.computeIfAbsent(unit.unitId(), k -> new HashSet<>()).add(unit.assignmentIndex());
        }
        plans.put(issued.planId(), issued.issuerUnitId(), assigned, clock.instant());
    }
}
