package vn.lantoa.plan;

import java.util.List;

/**
 * Kiểm tra kế hoạch — the SPI of plan checks. Every Spring bean that implements it is run when a plan is checked
 * ({@code GET /api/v1/plans/{id}/checks}, the review and read views) and before it is issued: a
 * {@link PlanFinding.Severity#BLOCKING} finding stops the issue (422 with the findings). Other modules contribute
 * their own (the document module its format checks, the calendar its dates) by declaring a bean; the plan module's
 * own checks are beans too.
 *
 * <p>A check reads; it never writes, and it answers quickly (it runs on every view of a plan's checks). It must not
 * throw for a plan it cannot judge: it returns no finding.
 */
public interface PlanCheck {

    /** What this check finds in the plan, in document order; empty when all is well. */
    List<PlanFinding> check(CheckedPlan plan);
}
