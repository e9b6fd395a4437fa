package vn.lantoa.plan;

import java.time.Instant;

import vn.lantoa.planformat.Plan;

/**
 * A plan as stored: its {@code lantoa.plan/1} content (the document of its current revision) and what the system
 * keeps about it.
 *
 * @param id             stable identifier
 * @param issuerUnitId   the issuing unit (đơn vị ban hành): the unit of the user who created it, never from a body
 * @param status         draft, issued or closed
 * @param classification PUBLIC or INTERNAL
 * @param revision       1 for the original; an amendment adds one
 * @param version        optimistic-locking version: a write must carry it
 * @param plan           the plan itself
 */
public record StoredPlan(long id, long issuerUnitId, PlanStatus status, Classification classification, int revision,
        long version, Plan plan, long createdBy, Instant createdAt, long updatedBy, Instant updatedAt) {
}
