package vn.lantoa.account;

import java.time.LocalDate;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.user.UserManagement;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.shared.Problem;

/**
 * Quản trị hệ thống đầu tiên: what {@code lantoa user create-admin} does. A production database starts with no users
 * (S-24); the first system administrator is created from the command line, with a one-time password that must be
 * changed at the first login.
 */
@Service
public class Administrators {

    private final UserManagement management;
    private final UnitManagement units;

    Administrators(UserManagement management, UnitManagement units) {
        this.management = management;
        this.units = units;
    }

    /**
     * The created administrator.
     *
     * @param oneTimePassword the generated password, or null when the caller gave one
     */
    public record Created(long userId, String username, long unitId, String unitShortName, String oneTimePassword) {
    }

    /**
     * Creates a system administrator.
     *
     * @param unit       the unit's id or exact short name
     * @param createUnit when no unit has that name, create it as a new root (an empty production database has no
     *                   unit yet); its kind can be corrected later in the unit pages
     * @param password   the password to set, or null to generate one; either way it must be changed at first login
     */
    @Transactional
    public Created create(String username, String unit, boolean createUnit, String password) {
        if (createUnit) {
            try {
                management.findUnit(unit);
            } catch (Problem notFound) {
                if (!"USER_UNIT_NOT_FOUND".equals(notFound.code())) {
                    throw notFound;
                }
                Unit created = units.create(SYSTEM, new NewUnit(null, unit.strip(), unit.strip(), UnitKind.OTHER, null,
                        null, (LocalDate) null));
                unit = String.valueOf(created.id());
            }
        }
        var made = management.createAdministrator(username, unit, password);
        var account = made.account();
        boolean generated = password == null || password.isEmpty();
        return new Created(account.user().id(), account.user().username(), account.unit().id(),
                account.unit().shortName(), generated ? made.oneTimePassword() : null);
    }

    /** The installer acting on the tree before anybody exists. */
    private static final UnitActor SYSTEM = new UnitActor() {
        @Override
        public long unitId() {
            return -1;
        }

        @Override
        public UnitAuthority unitAuthority() {
            return UnitAuthority.ALL;
        }
    };
}
