/**
 * Tài khoản và phân quyền: users, their unit and role, login (Argon2id over NFC, lockout, one-time passwords),
 * sessions, and the HTTP security of the whole application (who may reach which route, CSRF, headers).
 *
 * <p>What other modules use: {@link vn.lantoa.account.CurrentUser} (the acting user, their unit, role and subtree)
 * and {@link vn.lantoa.account.Role}. The command line creates the first administrator through
 * {@link vn.lantoa.account.Administrators}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Tài khoản")
package vn.lantoa.account;
