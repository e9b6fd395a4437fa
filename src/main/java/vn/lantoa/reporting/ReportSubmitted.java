package vn.lantoa.reporting;

import java.time.Instant;

/**
 * Published inside the submitting transaction when a unit submits its report for a plan and a period (once per
 * submission: a retried or double-clicked submit publishes nothing more). The cascade marks the unit's
 * {@code report} task of that plan done; notifications tell the receiving body.
 *
 * @param reportId    the report
 * @param planId      the plan reported on
 * @param unitId      the reporting unit
 * @param periodId    the period, {@code 2025-Q1}
 * @param revision    1 for the first submission, more for a corrected one after a return
 * @param submittedAt when it was submitted
 * @param onTime      whether it was submitted on time (the calendar's rule), true when the period has no due date
 */
public record ReportSubmitted(long reportId, long planId, long unitId, String periodId, int revision,
        Instant submittedAt, boolean onTime) {
}
