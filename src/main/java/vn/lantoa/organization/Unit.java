package vn.lantoa.organization;

/**
 * Đơn vị: a node of the organization tree as it stands today.
 *
 * @param id        stable identifier, never reused
 * @param name      full name as written in documents ("Ủy ban nhân dân phường An Dương")
 * @param shortName the short name used in lists and symbols' captions ("UBND phường An Dương")
 * @param code      the issuer code used in document symbols (TU, ĐUK, UBND, BTGTU …)
 * @param parentId  the parent unit, null for a root
 * @param path      materialised path of ids, "/1/7/42/", so that a subtree is a range query with no recursion
 * @param closed    a closed unit is kept for history; it takes no new writes
 * @param successorId the unit it was merged into, when it was merged
 * @param version   optimistic-locking version; a stale write is refused
 */
public record Unit(long id, String name, String shortName, UnitKind kind, UnitSystem system, String code,
        Long parentId, String path, int depth, boolean closed, Long successorId, long version) {

    /** Whether {@code other} is this unit or lies below it. */
    public boolean contains(Unit other) {
        return other.path().startsWith(path);
    }
}
