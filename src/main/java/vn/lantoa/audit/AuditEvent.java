package vn.lantoa.audit;

/**
 * One thing to write in the audit trail. Build it with {@link #of} and the {@code with…} methods:
 *
 * <pre>{@code
 * auditLog.record(AuditEvent.of("USER_ROLE_CHANGED", AuditOutcome.OK).object("user", id).details("OFFICER -> LEADER"));
 * }</pre>
 *
 * @param action     what was done, an upper-case verb phrase: {@code LOGIN}, {@code USER_ROLE_CHANGED},
 *                   {@code PLAN_ISSUED}, {@code PLAN_BREAK_GLASS_READ}
 * @param outcome    how it ended
 * @param objectType the kind of thing acted on ({@code user}, {@code unit}, {@code plan}), or null
 * @param objectId   its id, or null
 * @param details    free text (before and after versions, the reason of a break-glass read); control characters
 *                   are neutralised before writing, so user input cannot forge lines
 * @param actor      who did it; null means "the authenticated user of this request"
 */
public record AuditEvent(String action, AuditOutcome outcome, String objectType, String objectId, String details,
        AuditActor actor) {

    public static AuditEvent of(String action, AuditOutcome outcome) {
        return new AuditEvent(action, outcome, null, null, null, null);
    }

    public AuditEvent object(String type, Object id) {
        return new AuditEvent(action, outcome, type, id == null ? null : String.valueOf(id), details, actor);
    }

    public AuditEvent details(String text) {
        return new AuditEvent(action, outcome, objectType, objectId, text, actor);
    }

    public AuditEvent actor(AuditActor who) {
        return new AuditEvent(action, outcome, objectType, objectId, details, who);
    }
}
