package vn.lantoa.account.web;

import java.time.Instant;

import vn.lantoa.account.Role;
import vn.lantoa.account.user.UserManagement.UserInUnit;

/**
 * A user as the API shows it. Deliberately without the password hash, the failed-login count, the lock count and
 * the session epoch: only whether the account is locked now.
 */
public record UserView(long id, String username, String displayName, long unitId, String unitShortName, Role role,
        boolean enabled, boolean locked, boolean passwordChangeRequired, Instant lastLoginAt, long version) {

    static UserView of(UserInUnit account, Instant now) {
        var user = account.user();
        return new UserView(user.id(), user.username(), user.displayName(), user.unitId(), account.unit().shortName(),
                user.role(), user.enabled(), user.lockedAt(now), user.passwordChangeRequired(), user.lastLoginAt(),
                user.version());
    }
}
