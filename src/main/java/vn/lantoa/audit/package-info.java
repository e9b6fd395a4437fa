/**
 * Nhật ký kiểm tra: the append-only audit trail of who did what, for which unit, from where, with what outcome
 * (logins, failures, lockouts, logouts, role changes, refusals, exports, break-glass reads). Other modules call
 * {@link vn.lantoa.audit.AuditLog}; the acting person is taken from the security context when it is an
 * {@link vn.lantoa.audit.AuditActor}. Kept apart from accounts so that every module can audit without knowing them.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Nhật ký kiểm tra")
package vn.lantoa.audit;
