package vn.lantoa.audit;

/**
 * The person an audit entry is about. The account module's authenticated user implements it, so that
 * {@link AuditLog} finds the actor in the security context without knowing accounts; code that acts before or
 * outside a login (a failed login, the command line) passes one explicitly with {@link #of}.
 */
public interface AuditActor {

    /** The user's id, or null when the person is not (yet) a known user, e.g. a login under an unknown name. */
    Long auditUserId();

    /** The unit the person acts for, or null when unknown. */
    Long auditUnitId();

    /** The user name as typed or stored (kept so that failed logins under unknown names are traceable). */
    String auditUsername();

    /** An explicit actor. */
    static AuditActor of(Long userId, Long unitId, String username) {
        return new Explicit(userId, unitId, username);
    }

    /** An explicit actor, as a value. */
    record Explicit(Long auditUserId, Long auditUnitId, String auditUsername) implements AuditActor {
    }
}
