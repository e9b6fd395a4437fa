package vn.lantoa.organization;

import java.time.LocalDate;
import java.util.List;

/**
 * A unit was merged into a successor (sáp nhập): the merged unit is closed, points to the successor and now hangs
 * under it (so that its past figures roll up through the successor's subtree); its open children moved to the
 * successor. Paths that started with {@code oldPath} now start with {@code newPath}; each moved child's subtree moved
 * from {@code oldPath + childId + "/"} to {@code successorPath + childId + "/"}.
 */
public record UnitsMerged(long mergedUnitId, long successorId, LocalDate effectiveOn, String oldPath, String newPath,
        String successorPath, List<Long> movedChildIds) {
}
