package vn.lantoa.plan;

import java.util.ArrayList;
import java.util.List;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;

/**
 * Who sees and who writes a plan, for now (the rules are in {@code package-info.java}; the authorization matrix will
 * add the plan relations ASSIGNS_U, REQUESTS_U and U_IS_STANDING when assignments are matched to units).
 */
final class PlanAccess {

    private PlanAccess() {
    }

    /** Whether the user may know that the plan exists. */
    static boolean mayRead(CurrentUser user, PlanStatus status, Unit issuer) {
        if (user.isSystemAdministrator()) {
            return false; // no implicit read of plan content (separation of duties); break-glass comes later
        }
        if (user.isInSubtree(issuer)) {
            return true; // the issuer is the user's unit or below it
        }
        // the user is below the issuer: an issued plan concerns them, a draft does not yet
        return status != PlanStatus.DRAFT && user.unitPath().startsWith(issuer.path());
    }

    /** Whether the user may write for the issuer: an officer or unit administrator of that very unit. */
    static boolean mayWrite(CurrentUser user, long issuerUnitId) {
        return user.actsFor(issuerUnitId) && (user.role() == Role.OFFICER || user.role() == Role.UNIT_ADMIN);
    }

    /** The ids of the units on a materialised path, root first: "/1/7/42/" → [1, 7, 42]. */
    static List<Long> unitIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }
}
