package vn.lantoa.account.user;

import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.organization.Unit;

/** Makes the {@link CurrentUser} of a user as the database has it now: the user's row and the unit's current path. */
@Component
public class CurrentUsers {

    private final Users users;
    private final UnitDirectory units;

    CurrentUsers(Users users, UnitDirectory units) {
        this.users = users;
        this.units = units;
    }

    /** The user as now, if the account exists, is enabled and its unit exists. */
    public Optional<CurrentUser> load(long userId) {
        return users.findById(userId).filter(UserRecord::enabled).flatMap(this::of);
    }

    /** The principal of a user row (enabled or not: the caller decides). Empty if the unit is gone. */
    public Optional<CurrentUser> of(UserRecord user) {
        return units.find(user.unitId()).map(unit -> of(user, unit));
    }

    static CurrentUser of(UserRecord user, Unit unit) {
        return of(user, unit.path(), unit.shortName());
    }

    /** The principal of a user row whose unit (its {@code unitId}) has this path and short name now. */
    static CurrentUser of(UserRecord user, String unitPath, String unitShortName) {
        return new CurrentUser(user.id(), user.username(), user.displayName(), user.unitId(), unitPath, unitShortName,
                user.role(), user.passwordChangeRequired());
    }
}
