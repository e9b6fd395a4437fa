package vn.lantoa.account;

import vn.lantoa.organization.UnitActor.UnitAuthority;

/**
 * Vai trò: what a user may do for their unit. Exactly one per user. The consolidator (cơ quan thường trực, tổng
 * hợp) is not a role: it follows from the user's unit being a plan's issuer or standing body.
 *
 * <p>Roles are ordered by {@link #rank()}: a unit administrator may grant roles up to and including their own,
 * never above.
 */
public enum Role {

    /** Lãnh đạo (xem): reads the own unit and subtree, dashboards, documents; writes nothing. */
    LEADER(1, UnitAuthority.NONE),
    /** Cán bộ, chuyên viên: works for the own unit: drafts, issues, records activities, writes and submits reports. */
    OFFICER(2, UnitAuthority.NONE),
    /** Quản trị đơn vị: an officer who also manages the users of the own subtree. */
    UNIT_ADMIN(3, UnitAuthority.SUBTREE),
    /** Quản trị hệ thống: the whole tree: units, users, catalogues, events, settings. No implicit plan reading. */
    SYS_ADMIN(4, UnitAuthority.ALL);

    private final int rank;
    private final UnitAuthority unitAuthority;

    Role(int rank, UnitAuthority unitAuthority) {
        this.rank = rank;
        this.unitAuthority = unitAuthority;
    }

    /** Higher means more powerful. */
    public int rank() {
        return rank;
    }

    /** What this role may do to the unit tree. */
    public UnitAuthority unitAuthority() {
        return unitAuthority;
    }

    /** The Spring Security authority, {@code ROLE_<name>}, for {@code hasRole('OFFICER')} checks. */
    public String authority() {
        return "ROLE_" + name();
    }

    /** Whether a user of this role may grant {@code other}: only administrators, and never above their own role. */
    public boolean mayGrant(Role other) {
        return isAdministrator() && other.rank <= rank;
    }

    /** Whether this role administers users (unit or system administrator). */
    public boolean isAdministrator() {
        return this == UNIT_ADMIN || this == SYS_ADMIN;
    }

    /** Whether this role only reads (the leader): every write of such a user is refused with 403. */
    public boolean readOnly() {
        return this == LEADER;
    }
}
