package vn.lantoa.organization;

import java.time.LocalDate;

/** A unit's name, short name or code changed, from {@code effectiveFrom}. */
public record UnitRenamed(long unitId, String oldName, String newName, String oldCode, String newCode,
        LocalDate effectiveFrom) {
}
