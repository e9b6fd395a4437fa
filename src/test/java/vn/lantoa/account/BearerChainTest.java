package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import java.util.List;

import jakarta.servlet.Filter;
import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.web.FilterChainProxy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.ExceptionTranslationFilter;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.authentication.logout.LogoutFilter;
import org.springframework.security.web.csrf.CsrfFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.savedrequest.RequestCacheAwareFilter;
import org.springframework.test.web.servlet.MvcResult;

import com.jayway.jsonpath.JsonPath;

import io.micrometer.core.instrument.MeterRegistry;

import vn.lantoa.organization.Unit;

/**
 * A call of the API with a personal token and no session cookie goes through a stateless chain of its own: no session,
 * no CSRF, no request cache, no logout, no session check — and still the same authorization, the same refusals
 * (problem+json 401/403), the same headers. Everything else (the session cookie, HTTP Basic, pages, a token sent with
 * the session cookie) keeps the main chain.
 */
class BearerChainTest extends AccountTestSupport {

    @Autowired
    FilterChainProxy filters;
    @Autowired
    MeterRegistry meters;

    private String token(TestUser owner) throws Exception {
        String json = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(owner.username(), owner.password()))
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"chuỗi riêng\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JsonPath.read(json, "$.token");
    }

    private List<Filter> chainFor(MockHttpServletRequest request) {
        return filters.getFilterChains().stream().filter(chain -> chain.matches(request)).findFirst()
                .map(SecurityFilterChain::getFilters).orElseThrow();
    }

    private static MockHttpServletRequest request(String path) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", path);
        request.setServletPath(path);
        return request;
    }

    @Test
    void aBearerCallTakesTheStatelessChainAndNothingElseDoes() {
        MockHttpServletRequest bearer = request("/api/v1/activities");
        bearer.addHeader("Authorization", "Bearer lt_abc");
        List<Filter> stateless = chainFor(bearer);
        assertThat(stateless).noneMatch(f -> f instanceof CsrfFilter || f instanceof LogoutFilter
                || f instanceof RequestCacheAwareFilter);
        assertThat(stateless.stream().map(f -> f.getClass().getSimpleName()))
                .contains("ApiTokenFilter", "PasswordChangeGate").doesNotContain("SessionCheckFilter");
        assertThat(stateless).anyMatch(f -> f instanceof AuthorizationFilter)
                .anyMatch(f -> f instanceof ExceptionTranslationFilter).anyMatch(f -> f instanceof HeaderWriterFilter);

        // the same call with the session cookie, with Basic, without credentials, or a page: the main chain
        MockHttpServletRequest withCookie = request("/api/v1/activities");
        withCookie.addHeader("Authorization", "Bearer lt_abc");
        withCookie.setCookies(new Cookie("LANTOA", "x"));
        MockHttpServletRequest basic = request("/api/v1/activities");
        basic.addHeader("Authorization", "Basic eDp5");
        MockHttpServletRequest page = request("/activities");
        page.addHeader("Authorization", "Bearer lt_abc");
        for (MockHttpServletRequest other : List.of(withCookie, basic, request("/api/v1/activities"), page)) {
            assertThat(chainFor(other)).as(other.getRequestURI()).anyMatch(f -> f instanceof CsrfFilter)
                    .anyMatch(f -> f.getClass().getSimpleName().equals("SessionCheckFilter"));
        }
    }

    @Test
    void aBearerWriteNeedsNoCsrfTokenLeavesNoSessionAndKeepsTheHeaders() throws Exception {
        Unit unit = unit("Phường chuỗi token", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        String token = token(admin);
        MvcResult result = mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON).content("{\"username\":\"" + unique("chuoi.token")
                        + "\",\"displayName\":\"Người từ kịch bản\",\"unitId\":" + unit.id() + "}"))
                .andExpect(status().isCreated())
                .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(header().string("X-Frame-Options", "DENY"))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().exists("Content-Security-Policy"))
                .andExpect(header().string("Cache-Control", org.hamcrest.Matchers.containsString("no-store")))
                .andReturn();
        assertThat(result.getRequest().getSession(false)).isNull();
        assertThat(result.getResponse().getHeader("Set-Cookie")).isNull();
        MvcResult read = mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(admin.username())).andReturn();
        assertThat(read.getRequest().getSession(false)).isNull();
        assertThat(read.getResponse().getCookies()).isEmpty();
    }

    @Test
    void aBearerCallWithoutAValidTokenIs401ProblemJsonWithTheHeaders() throws Exception {
        for (String authorization : List.of("Bearer lt_not-a-real-token", "Bearer ", "bearer lt_x")) {
            mvc.perform(post("/api/v1/activities").header("Authorization", authorization)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED).param("planId", "1").param("title", "x"))
                    .andExpect(status().isUnauthorized())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                    .andExpect(header().string("X-Content-Type-Options", "nosniff"))
                    .andExpect(header().doesNotExist("WWW-Authenticate"));
        }
    }

    @Test
    void aBearerCallTheRoleMayNotMakeIs403ProblemJson() throws Exception {
        TestUser officer = user(unit("Phường chuỗi 403", null), Role.OFFICER);
        String token = token(officer);
        mvc.perform(post("/api/v1/indicators").header("Authorization", "Bearer " + token)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"code\":\"" + unique("x") + "\",\"channel\":\"oral\",\"name\":\"n\",\"unitLabel\":\"u\"}"))
                .andExpect(status().isForbidden())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        // the actuator stays closed to a token too
        mvc.perform(get("/actuator/env").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden());
    }

    @Test
    void aTokensUserWhoMustChangeThePasswordIsStopped() throws Exception {
        TestUser officer = user(unit("Phường chuỗi đổi mật khẩu", null), Role.OFFICER);
        String token = token(officer);
        jdbc.sql("update app_user set password_change_required = true where id = :id").param("id", officer.id())
                .update();
        mvc.perform(get("/api/v1/indicators").header("Authorization", "Bearer " + token))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
    }

    @Test
    void noTimerIsKeptPerHttpRequestSinceNothingReadsIt() throws Exception {
        TestUser officer = user(unit("Phường chuỗi đo", null), Role.OFFICER);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token(officer))).andExpect(status().isOk());
        assertThat(meters.find("http.server.requests").timers()).isEmpty();
    }

    @Test
    void aSessionWriteWithoutCsrfIsStillRefusedEvenWithAToken() throws Exception {
        Unit unit = unit("Phường chuỗi phiên", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        String token = token(admin);
        MockHttpSession session = login(admin);
        String body = "{\"username\":\"" + unique("chuoi.phien") + "\",\"displayName\":\"Người\",\"unitId\":"
                + unit.id() + "}";
        mvc.perform(post("/api/v1/users").session(session).cookie(new Cookie("LANTOA", session.getId()))
                .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CSRF_INVALID"));
        mvc.perform(post("/api/v1/users").session(session).cookie(new Cookie("LANTOA", session.getId()))
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CSRF_INVALID"));
    }
}
