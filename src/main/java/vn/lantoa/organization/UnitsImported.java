package vn.lantoa.organization;

import java.util.List;

/** A bulk load created these units, all in one transaction. */
public record UnitsImported(List<Long> unitIds) {
}
