package vn.lantoa.account.user;

import java.time.Instant;

import vn.lantoa.account.Role;

/**
 * A row of {@code app_user}, with everything the account module needs, including the secrets. Never serialised to
 * JSON: the API answers with {@link vn.lantoa.account.web.UserView}.
 */
public record UserRecord(long id, String username, String displayName, long unitId, Role role, String passwordHash,
        boolean passwordChangeRequired, boolean enabled, int failedLogins, int lockCount, Instant lockedUntil,
        int sessionEpoch, Instant lastLoginAt, Instant passwordChangedAt, Instant createdAt, long version) {

    /** Whether the account is temporarily locked at {@code now}. */
    public boolean lockedAt(Instant now) {
        return lockedUntil != null && now.isBefore(lockedUntil);
    }
}
