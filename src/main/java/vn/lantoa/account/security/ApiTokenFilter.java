package vn.lantoa.account.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.UserRecord;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;

/**
 * {@code Authorization: Bearer lt_…} on the API: the request acts as the token's user, for this request only (no
 * session). An unknown, revoked or expired token, or a disabled user, answers 401 at once.
 */
final class ApiTokenFilter extends OncePerRequestFilter {

    /**
     * The request attribute holding the authentication this filter made from the user as now: the session check
     * after it need not load the same user again in the same request.
     */
    static final String LOADED = ApiTokenFilter.class.getName() + ".loaded";

    private final ApiTokens tokens;
    private final SecurityResponses refusals;
    private final AuditLog audit;
    private final SecurityContextHolderStrategy holder = SecurityContextHolder.getContextHolderStrategy();

    ApiTokenFilter(ApiTokens tokens, SecurityResponses refusals, AuditLog audit) {
        this.tokens = tokens;
        this.refusals = refusals;
        this.audit = audit;
    }

    static boolean hasBearer(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        return header != null && header.regionMatches(true, 0, "Bearer ", 0, 7);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !hasBearer(request) || !SecurityResponses.answersInJson(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String token = request.getHeader("Authorization").substring(7).strip();
        Optional<ApiTokens.Holder> owner = tokens.ownerOf(token).filter(h -> h.user().enabled());
        Optional<UserRecord> user = owner.map(ApiTokens.Holder::user);
        Optional<CurrentUser> principal = owner.map(ApiTokens.Holder::principal);
        if (principal.isEmpty()) {
            audit.record(AuditEvent.of("API_TOKEN_REJECTED", AuditOutcome.DENIED).object("user", user.map(UserRecord::id).orElse(null)));
            holder.clearContext();
            refusals.commence(request, response, new BadCredentialsException("invalid API token"));
            return;
        }
        SecurityContext context = holder.createEmptyContext();
        AccountAuthentication authentication = new AccountAuthentication(principal.get(), user.get().sessionEpoch());
        context.setAuthentication(authentication);
        holder.setContext(context);
        request.setAttribute(LOADED, authentication);
        chain.doFilter(request, response);
    }
}
