package vn.lantoa.organization;

import java.time.LocalDate;

/**
 * A rename (and change of code, kind or system) of one unit. Name, short name and code are effective-dated: the
 * unit's history gets a new version from {@code effectiveFrom}; kind and system are not (they classify the unit).
 *
 * @param version       the version of the unit this change replaces; a stale one is refused (409 STALE_VERSION)
 * @param effectiveFrom from when the new name and code are valid; null: today; never in the future
 */
public record UnitChange(String name, String shortName, String code, UnitKind kind, UnitSystem system, long version,
        LocalDate effectiveFrom) {
}
