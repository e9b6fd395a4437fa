package vn.lantoa.authorization;

import vn.lantoa.account.Role;

/**
 * A user the fixture created, with its password (ASCII, so that an HTTP Basic header carries it as typed) and a
 * personal API token (null for users who never act).
 */
record Account(long id, String username, String password, Role role, long unitId, String token) {
}
