package vn.lantoa.plan;

import java.time.Instant;
import java.time.LocalDate;

/** A plan in a list: the header columns, without the document. */
public record PlanSummary(long id, long issuerUnitId, PlanStatus status, Classification classification, long version,
        String kind, String number, String symbol, String system, LocalDate issuedOn, String title,
        Instant updatedAt) {
}
