package vn.lantoa.organization;

import java.time.LocalDate;

/** A unit was closed: it stays readable for history and takes no new writes. */
public record UnitClosed(long unitId, LocalDate closedOn) {
}
