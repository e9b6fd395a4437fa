package vn.lantoa.account;

import java.io.Serial;
import java.io.Serializable;
import java.util.Objects;
import java.util.Optional;

import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import vn.lantoa.audit.AuditActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;

/**
 * Người dùng đang đăng nhập: the authenticated user of the current request, as every module sees it.
 *
 * <p><b>How to get it.</b> In a controller, as a parameter: {@code @AuthenticationPrincipal CurrentUser user}; anywhere
 * else in a request, {@link #require()} (or {@link #current()} where anonymous callers are possible). It is the
 * principal of Spring Security's {@code Authentication}, so {@code hasRole('UNIT_ADMIN')} in {@code @PreAuthorize}
 * works with the names of {@link Role}.
 *
 * <p><b>It is fresh.</b> The account module reloads it from the database on every request of a session: a role
 * change, a move to another unit, a move of the unit in the tree, a disabled account or ended sessions take effect on
 * the next request. So its values may be trusted for the whole request and nothing needs to re-read them.
 *
 * <p><b>Scope.</b> A user acts for exactly one unit ({@link #unitId()}) and sees that unit's subtree. The unit's
 * materialised path ({@link #unitPath()}, e.g. {@code "/1/7/42/"}) makes subtree checks a string prefix test:
 * {@link #isInSubtree(String)} with the target unit's path, or {@link #isInSubtree(Unit)}. What a role may do in that
 * scope:
 * <ul>
 * <li>{@link Role#SYS_ADMIN} administers the whole tree and all users, but reads no plan or report content without a
 * break-glass reason;</li>
 * <li>{@link Role#UNIT_ADMIN} administers the users of the own subtree ({@link #administers(String)}) and works as an
 * officer of the own unit;</li>
 * <li>{@link Role#OFFICER} works for the own unit (writes only the own unit's drafts, never a child's);</li>
 * <li>{@link Role#LEADER} reads the own unit and subtree and writes nothing ({@link #readOnly()}).</li>
 * </ul>
 * Whether a unit is the consolidator of a plan is not a role: the plan module decides it from the plan.
 *
 * <p>It is also the {@link UnitActor} that the organization module asks, and the {@link AuditActor} that the audit
 * trail records. Immutable and serialisable (it lives in the HTTP session).
 */
public final class CurrentUser implements UnitActor, AuditActor, Serializable {

    @Serial
    private static final long serialVersionUID = 1L;

    private final long id;
    private final String username;
    private final String displayName;
    private final long unitId;
    private final String unitPath;
    private final String unitShortName;
    private final Role role;
    private final boolean passwordChangeRequired;

    /**
     * Made by the account module only; other modules receive it.
     *
     * @param unitPath the unit's materialised path, {@code "/1/7/42/"}; must start and end with '/'
     */
    public CurrentUser(long id, String username, String displayName, long unitId, String unitPath,
            String unitShortName, Role role, boolean passwordChangeRequired) {
        if (unitPath == null || !unitPath.startsWith("/") || !unitPath.endsWith("/")) {
            throw new IllegalArgumentException("unit path must look like /1/7/42/: " + unitPath);
        }
        this.id = id;
        this.username = Objects.requireNonNull(username);
        this.displayName = Objects.requireNonNull(displayName);
        this.unitId = unitId;
        this.unitPath = unitPath;
        this.unitShortName = unitShortName;
        this.role = Objects.requireNonNull(role);
        this.passwordChangeRequired = passwordChangeRequired;
    }

    /**
     * The authenticated user of the current request, or empty for an anonymous caller (the login page, a public
     * asset) or outside a request.
     */
    public static Optional<CurrentUser> current() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.isAuthenticated()
                && authentication.getPrincipal() instanceof CurrentUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    /**
     * The authenticated user of the current request. Every route except the public ones requires a login, so in a
     * controller or a service called from one this always succeeds; elsewhere it throws an
     * {@code AuthenticationException}, which the security filters answer with 401 (API) or a redirect to the login.
     */
    public static CurrentUser require() {
        return current().orElseThrow(() -> new AuthenticationCredentialsNotFoundException("no authenticated user"));
    }

    /** The user's id (table {@code app_user}). */
    public long id() {
        return id;
    }

    /** The login name: lower case ASCII letters, digits, '.', '_' or '-'. */
    public String username() {
        return username;
    }

    /** The name to show ("Nguyễn Thị Lan"). */
    public String displayName() {
        return displayName;
    }

    /** The unit this user acts for (đơn vị công tác). */
    @Override
    public long unitId() {
        return unitId;
    }

    /** The materialised path of the user's unit, {@code "/1/7/42/"}, as it is now in the tree. */
    public String unitPath() {
        return unitPath;
    }

    /** The short name of the user's unit, for display. */
    public String unitShortName() {
        return unitShortName;
    }

    /** The user's role. */
    public Role role() {
        return role;
    }

    /** What the user may do to the unit tree: SYS_ADMIN → ALL, UNIT_ADMIN → SUBTREE, others → NONE. */
    @Override
    public UnitAuthority unitAuthority() {
        return role.unitAuthority();
    }

    /**
     * Whether the user must change the one-time password before doing anything else; while true, every page
     * redirects to the change-password page and every API call answers 403 {@code PASSWORD_CHANGE_REQUIRED}.
     */
    public boolean passwordChangeRequired() {
        return passwordChangeRequired;
    }

    /** Whether {@code unitPath} (a unit's materialised path) is the user's unit or lies below it. */
    public boolean isInSubtree(String unitPath) {
        return unitPath != null && unitPath.startsWith(this.unitPath);
    }

    /** Whether {@code unit} is the user's unit or lies below it. */
    public boolean isInSubtree(Unit unit) {
        return unit != null && isInSubtree(unit.path());
    }

    /** Whether the user acts for exactly this unit (not a child: writes are allowed only there). */
    public boolean actsFor(long unitId) {
        return this.unitId == unitId;
    }

    /**
     * Whether the user administers users of the unit with this path: a system administrator everywhere, a unit
     * administrator in the own subtree, nobody else.
     */
    public boolean administers(String unitPath) {
        return switch (role) {
            case SYS_ADMIN -> unitPath != null;
            case UNIT_ADMIN -> isInSubtree(unitPath);
            default -> false;
        };
    }

    /** Whether the user is a system administrator (quản trị hệ thống). */
    public boolean isSystemAdministrator() {
        return role == Role.SYS_ADMIN;
    }

    /** Whether the user only reads (leader): every write must be refused with 403. */
    public boolean readOnly() {
        return role.readOnly();
    }

    @Override
    public Long auditUserId() {
        return id;
    }

    @Override
    public Long auditUnitId() {
        return unitId;
    }

    @Override
    public String auditUsername() {
        return username;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CurrentUser other && other.id == id && other.unitId == unitId && other.role == role
                && other.unitPath.equals(unitPath) && other.passwordChangeRequired == passwordChangeRequired;
    }

    @Override
    public int hashCode() {
        return Long.hashCode(id);
    }

    /** The user name, for logs. */
    @Override
    public String toString() {
        return username;
    }
}
