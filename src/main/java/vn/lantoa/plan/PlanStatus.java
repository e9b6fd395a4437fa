package vn.lantoa.plan;

/** Trạng thái kế hoạch: a draft is edited; an issued plan is frozen (amended only by a new revision); closed is done. */
public enum PlanStatus {
    /** Dự thảo: edited in place by the issuer unit, every save carrying the version it replaces. */
    DRAFT,
    /** Đã ban hành: frozen; a change is an amendment (a new revision, not built yet). */
    ISSUED,
    /** Đã kết thúc. */
    CLOSED
}
