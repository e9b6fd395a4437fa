package vn.lantoa.organization;

import java.time.LocalDate;

/**
 * A unit moved to another parent with its whole subtree: every path that started with {@code oldPath} now starts
 * with {@code newPath}. Modules that copy paths (facts kept per path for roll-ups) rewrite theirs the same way.
 */
public record UnitMoved(long unitId, Long oldParentId, long newParentId, String oldPath, String newPath,
        LocalDate effectiveFrom) {
}
