package vn.lantoa.organization;

import java.time.LocalDate;

/**
 * What it takes to create a unit.
 *
 * @param parentId  the parent, null for a root (only a system administrator creates roots)
 * @param system    null: the usual system of the kind ({@link UnitKind#defaultSystem()})
 * @param code      the code used in document symbols, may be null
 * @param validFrom since when the unit exists (its first history row); null: today
 */
public record NewUnit(Long parentId, String name, String shortName, UnitKind kind, UnitSystem system, String code,
        LocalDate validFrom) {
}
