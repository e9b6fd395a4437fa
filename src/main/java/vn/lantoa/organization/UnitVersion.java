package vn.lantoa.organization;

import java.time.LocalDate;

/**
 * A unit as it was during a span of time: its name, short name, code and parent from {@code validFrom} (inclusive)
 * to {@code validTo} (exclusive; null while it is still so). A plan of 2024 shows its issuer through the version
 * valid on the plan's date, whatever the unit is called today.
 */
public record UnitVersion(long unitId, LocalDate validFrom, LocalDate validTo, String name, String shortName,
        String code, Long parentId) {

    /** Whether this version was the valid one on {@code date}. */
    public boolean covers(LocalDate date) {
        return !date.isBefore(validFrom) && (validTo == null || date.isBefore(validTo));
    }
}
