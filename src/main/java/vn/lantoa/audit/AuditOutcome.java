package vn.lantoa.audit;

/** Kết quả: how the audited action ended. */
public enum AuditOutcome {
    /** Done. */
    OK,
    /** Tried and failed: a wrong password, a rejected import. */
    FAILED,
    /** Refused by the rules: out of scope (404), not allowed (403), locked account. */
    DENIED
}
