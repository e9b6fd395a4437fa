package vn.lantoa.organization;

/** A unit was created (by a form, the API or a bulk load). */
public record UnitCreated(long unitId, Long parentId, String path) {
}
