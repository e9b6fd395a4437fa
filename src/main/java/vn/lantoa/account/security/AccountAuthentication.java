package vn.lantoa.account.security;

import java.io.Serial;
import java.util.List;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import vn.lantoa.account.CurrentUser;

/**
 * A logged-in user: the {@link CurrentUser} as principal, the role as the only authority, and the session epoch the
 * login happened in. Raising the user's epoch in the database (disable, reset, "end sessions") makes every session
 * opened before it invalid on its next request.
 */
public final class AccountAuthentication extends AbstractAuthenticationToken {

    @Serial
    private static final long serialVersionUID = 1L;

    private final CurrentUser user;
    private final int sessionEpoch;

    public AccountAuthentication(CurrentUser user, int sessionEpoch) {
        super(List.of(new SimpleGrantedAuthority(user.role().authority())));
        this.user = user;
        this.sessionEpoch = sessionEpoch;
        setAuthenticated(true);
    }

    @Override
    public CurrentUser getPrincipal() {
        return user;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public String getName() {
        return user.username();
    }

    public int sessionEpoch() {
        return sessionEpoch;
    }

    /** The same login, with the user as the database has it now. */
    public AccountAuthentication refreshed(CurrentUser now) {
        AccountAuthentication copy = new AccountAuthentication(now, sessionEpoch);
        copy.setDetails(getDetails());
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AccountAuthentication other && super.equals(o) && other.sessionEpoch == sessionEpoch;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + sessionEpoch;
    }
}
