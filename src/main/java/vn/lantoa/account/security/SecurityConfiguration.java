package vn.lantoa.account.security;

import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.annotation.web.configurers.HeadersConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.util.matcher.RequestMatcher;

import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.CurrentUsers;
import vn.lantoa.account.user.Users;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.shell.ProblemResponses;

/**
 * Who may reach what, and the HTTP hardening of RELIABILITY.md §(e).
 *
 * <ul>
 * <li><b>Public:</b> the login page, static assets, {@code /actuator/health}, {@code /error}, and the OpenAPI
 * description with its UI (it describes endpoints and holds no data: H-13, deliberately public).</li>
 * <li><b>Everything else needs a user.</b> Pages use the session (form login); an anonymous page request is sent to
 * {@code /login}. The API ({@code /api/**}) takes the session cookie, HTTP Basic or a personal API token
 * ({@code Authorization: Bearer lt_…}); an anonymous call answers
 * 401 {@code application/problem+json}, never a redirect, and sends no Basic challenge, so that no browser ever
 * caches Basic credentials.</li>
 * <li><b>CSRF</b> (C-01..C-05): required on every write that carries a session. A write with HTTP Basic or a token
 * and no session cookie needs none (no browser sends it on its own); mixing a session cookie with Basic does not skip it.
 * The token is XOR-masked per render (Spring's default).</li>
 * <li><b>Headers</b> (H-01..H-07): a strict Content-Security-Policy without inline scripts, {@code nosniff},
 * {@code Referrer-Policy: same-origin}, {@code X-Frame-Options: DENY}, {@code Cache-Control: no-store} and HSTS on
 * HTTPS requests only. No CORS configuration: no cross-origin access at all.</li>
 * <li><b>Session:</b> a new id at login (fixation), logout by POST only, 15 min idle and 10 h absolute timeouts
 * (server.servlet.session.timeout, lantoa.security.session.absolute-timeout), the principal reloaded each request.</li>
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableMethodSecurity
class SecurityConfiguration {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'self'";

    static final String[] PUBLIC = {"/login", "/error", "/webjars/**", "/css/**", "/js/**", "/img/**",
        "/favicon.ico", "/actuator/health", "/api/v1/openapi.json", "/api/v1/openapi.json/**", "/api/v1/docs",
        "/api/v1/docs/**", "/swagger-ui/**", "/swagger-ui.html", "/v3/api-docs/**"};

    /**
     * No Micrometer observations of the security filters, authentications and authorizations: nothing reads them (no
     * tracing is set up), and with the actuator's registry present every filter of every request was wrapped in an
     * observation, a large share of a cheap request's time. HTTP requests are still observed as a whole by the
     * server's own observation filter.
     */
    @Bean
    static SecurityObservationSettings securityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** The only way to authenticate: {@link PasswordLogin}, once per attempt (no parent manager to ask again). */
    @Bean
    AuthenticationManager authenticationManager(PasswordLogin passwordLogin) {
        return new ProviderManager(passwordLogin);
    }

    /**
     * A call of the API with a personal token and no session cookie ({@code Authorization: Bearer lt_…}): the same
     * authorization rules, refusals (401/403 problem+json) and headers as {@link #securityFilterChain}, through a
     * stateless chain of its own. Nothing of a browser's session applies to it: it has no session (none is read or
     * created), needs no CSRF token (a token is not ambient authority: no browser sends it on its own, which the main
     * chain already honoured by skipping CSRF for it), saves no request for after a login, has no logout and no
     * session check (there is no session to time out; the token's user is loaded as now for each request). The main
     * chain took 15 filters for such a request; this one takes what it needs. A token sent together with the session
     * cookie still goes through the main chain and its CSRF check (C-05).
     */
    @Bean
    @Order(1)
    SecurityFilterChain bearerApiChain(HttpSecurity http, SecurityResponses refusals, ProblemResponses problems,
            ApiTokens tokens, AuditLog audit,
            @Value("${server.servlet.session.cookie.name:LANTOA}") String sessionCookie) throws Exception {
        http.securityMatcher(request -> isApi(request) && ApiTokenFilter.hasBearer(request)
                        && !hasCookie(request, sessionCookie))
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .headers(SecurityConfiguration::hardening)
                .addFilterBefore(new ApiTokenFilter(tokens, refusals, audit),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(problems), ApiTokenFilter.class);
        return http.build();
    }

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, AuthenticationManager authenticationManager, LoginResponses login,
            SecurityResponses refusals, ProblemResponses problems, Users users, CurrentUsers currentUsers,
            ApiTokens tokens, AuditLog audit,
            Clock clock, @Value("${server.servlet.session.cookie.name:LANTOA}") String sessionCookie,
            @Value("${server.servlet.session.timeout:15m}") Duration idleTimeout,
            @Value("${lantoa.security.session.absolute-timeout:10h}") Duration absoluteTimeout) throws Exception {
        RequestMatcher api = SecurityConfiguration::isApi;
        RequestMatcher credentialsWithoutSession = request -> api.matches(request)
                && (startsWithIgnoreCase(request.getHeader("Authorization"), "Basic ") || ApiTokenFilter.hasBearer(request))
                && !hasCookie(request, sessionCookie);
        HttpSessionRequestCache requestCache = new HttpSessionRequestCache();
        requestCache.setRequestMatcher(request -> "GET".equals(request.getMethod()) && !api.matches(request));

        http.authenticationManager(authenticationManager)
                .authorizeHttpRequests(SecurityConfiguration::rules)
                .formLogin(form -> form.loginPage("/login").permitAll()
                        .successHandler(login).failureHandler(login))
                .httpBasic(basic -> basic.authenticationEntryPoint(refusals))
                .logout(logout -> logout.logoutUrl("/logout").logoutSuccessHandler(login))
                .csrf(csrf -> csrf.ignoringRequestMatchers(credentialsWithoutSession))
                .requestCache(cache -> cache.requestCache(requestCache))
                .exceptionHandling(errors -> errors.authenticationEntryPoint(refusals).accessDeniedHandler(refusals))
                .sessionManagement(session -> session.sessionFixation(fixation -> fixation.changeSessionId()))
                .headers(SecurityConfiguration::hardening)
                .addFilterBefore(new ApiTokenFilter(tokens, refusals, audit),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new SessionCheckFilter(users, currentUsers, clock, idleTimeout, absoluteTimeout),
                        BasicAuthenticationFilter.class)
                .addFilterAfter(new PasswordChangeGate(problems), SessionCheckFilter.class);
        return http.build();
    }

    /** Who may reach what: the same for both chains. */
    private static void rules(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests) {
        requests.requestMatchers(SecurityConfiguration::staticFolder).denyAll()
                .requestMatchers(PUBLIC).permitAll()
                .requestMatchers("/actuator", "/actuator/**").denyAll()
                .anyRequest().authenticated();
    }

    /** The response headers of RELIABILITY.md §(e) (H-01..H-07), on every answer of both chains. */
    private static void hardening(HeadersConfigurer<HttpSecurity> headers) {
        headers.contentSecurityPolicy(csp -> csp.policyDirectives(CSP))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frame -> frame.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000))
                .addHeaderWriter(new Utf8TextHeaderWriter());
    }

    private static boolean isApi(HttpServletRequest request) {
        return path(request).startsWith("/api/");
    }

    /**
     * A folder of static files rather than a file ("/css", "/img/"): refused, because Spring's resource handler
     * lists a folder's files when the classes run unpacked (./mvnw spring-boot:run) (H-12: no directory listing).
     */
    static boolean staticFolder(HttpServletRequest request) {
        String path = path(request);
        if (!STATIC_ROOTS.matcher(path).matches()) {
            return false;
        }
        return !path.substring(path.lastIndexOf('/') + 1).contains(".");
    }

    private static final java.util.regex.Pattern STATIC_ROOTS =
            java.util.regex.Pattern.compile("/(css|js|img|webjars|static)(/.*)?");

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    private static boolean startsWithIgnoreCase(String value, String prefix) {
        return value != null && value.regionMatches(true, 0, prefix, 0, prefix.length());
    }

    private static boolean hasCookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return false;
        }
        for (Cookie cookie : cookies) {
            if (name.equals(cookie.getName())) {
                return true;
            }
        }
        return false;
    }
}
