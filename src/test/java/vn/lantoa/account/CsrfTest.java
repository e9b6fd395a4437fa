package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.servlet.http.Cookie;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.lantoa.organization.Unit;

/** RELIABILITY.md §(e), CSRF: C-01 to C-05. */
class CsrfTest extends AccountTestSupport {

    private static final Pattern TOKEN = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private String tokenIn(String page, MockHttpSession session) throws Exception {
        String html = mvc.perform(get(page).session(session)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        Matcher m = TOKEN.matcher(html);
        assertThat(m.find()).as("a CSRF token in " + page).isTrue();
        return m.group(1);
    }

    private String newUserJson(Unit unit) {
        return "{\"username\":\"" + unique("csrf.user") + "\",\"displayName\":\"Người thử CSRF\",\"unitId\":" + unit.id()
                + ",\"role\":\"OFFICER\"}";
    }

    @Test
    void c01WritesWithTheSessionCookieNeedAValidToken() throws Exception {
        Unit unit = unit("Phường CSRF", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        MockHttpSession session = login(admin);
        long before = jdbc.sql("select count(*) from app_user where unit_id = :u").param("u", unit.id()).query(Long.class).single();
        // no token
        mvc.perform(post("/api/v1/users").session(session).contentType(MediaType.APPLICATION_JSON).content(newUserJson(unit)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("CSRF_INVALID"));
        // a wrong token
        mvc.perform(post("/api/v1/users").session(session).with(csrf().useInvalidToken())
                .contentType(MediaType.APPLICATION_JSON).content(newUserJson(unit))).andExpect(status().isForbidden());
        // a page form without a token
        mvc.perform(post("/account/password").session(session).param("currentPassword", admin.password())
                .param("newPassword", "Mây trắng bay về núi xa xôi").param("confirmPassword", "Mây trắng bay về núi xa xôi"))
                .andExpect(status().isForbidden());
        assertThat(jdbc.sql("select count(*) from app_user where unit_id = :u").param("u", unit.id()).query(Long.class)
                .single()).isEqualTo(before);
        // the token of the page works
        String token = tokenIn("/account/password", session);
        mvc.perform(post("/api/v1/users").session(session).header("X-CSRF-TOKEN", token)
                .contentType(MediaType.APPLICATION_JSON).content(newUserJson(unit))).andExpect(status().isCreated());
    }

    @Test
    void c01c02ATokenFromBeforeTheLoginIsDeadAfterIt() throws Exception {
        TestUser officer = user(unit("Phường token cũ", null), Role.OFFICER);
        MockHttpSession session = new MockHttpSession();
        String beforeLogin = tokenIn("/login", session);
        mvc.perform(post("/login").session(session).param("username", officer.username())
                .param("password", officer.password()).param("_csrf", beforeLogin)).andExpect(redirectedUrl("/"));
        // the old token no longer passes, whatever the masking
        mvc.perform(put("/api/v1/me/password").session(session).header("X-CSRF-TOKEN", beforeLogin)
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"" + officer.password() + "\",\"newPassword\":\"Đêm trăng thanh gió mát bên sông\"}"))
                .andExpect(status().isForbidden());
        String afterLogin = tokenIn("/account/password", session);
        assertThat(afterLogin).isNotEqualTo(beforeLogin);
    }

    @Test
    void c02TheTokenInThePageIsMaskedDifferentlyOnEachRender() throws Exception {
        MockHttpSession session = new MockHttpSession();
        String first = tokenIn("/login", session);
        String second = tokenIn("/login", session);
        assertThat(first).isNotEqualTo(second);
        // both are valid for the same session: log in with the first
        TestUser officer = user(unit("Phường mặt nạ", null), Role.OFFICER);
        mvc.perform(post("/login").session(session).param("username", officer.username())
                .param("password", officer.password()).param("_csrf", first)).andExpect(redirectedUrl("/"));
    }

    @Test
    void c03LogoutOnlyByPostWithAToken() throws Exception {
        TestUser officer = user(unit("Phường đăng xuất", null), Role.OFFICER);
        MockHttpSession session = login(officer);
        mvc.perform(get("/logout").session(session));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        mvc.perform(post("/logout").session(session).param("_csrf", tokenIn("/account/password", session)))
                .andExpect(redirectedUrl("/login?logout"));
        assertThat(session.isInvalid()).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOGOUT' and user_id = :id")
                .param("id", officer.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void c04NoStateChangeThroughGet() throws Exception {
        TestUser admin = user(unit("Tỉnh quét GET", null), Role.SYS_ADMIN);
        MockHttpSession session = login(admin);
        List<Routes.Route> routes = Routes.of(mapping);
        List<String> problems = new ArrayList<>();
        for (Routes.Route route : routes) {
            if (route.methods().isEmpty() && !Set.of("/error").contains(route.pattern())) {
                problems.add(route.pattern() + " accepts every method (" + route.handler() + ")");
            }
            if (route.methods().contains(RequestMethod.GET) && route.methods().stream().anyMatch(m -> m == RequestMethod.POST
                    || m == RequestMethod.PUT || m == RequestMethod.PATCH || m == RequestMethod.DELETE)) {
                problems.add(route.pattern() + " accepts GET and a writing method (" + route.handler() + ")");
            }
        }
        assertThat(problems).as("handlers that accept GET and POST alike").isEmpty();
        int checked = 0;
        for (Routes.Route route : routes) {
            boolean mutating = route.methods().stream().anyMatch(m -> m != RequestMethod.GET && m != RequestMethod.HEAD
                    && m != RequestMethod.OPTIONS);
            if (!mutating) {
                continue;
            }
            var result = mvc.perform(get(route.samplePath()).session(session)).andReturn();
            Object handler = result.getHandler();
            boolean reachedAWriter = handler instanceof HandlerMethod method && routes.stream()
                    .anyMatch(r -> r.handler().getMethod().equals(method.getMethod()) && !r.accepts(RequestMethod.GET));
            if (reachedAWriter) {
                problems.add("GET " + route.samplePath() + " reached " + handler);
            }
            boolean getElsewhere = routes.stream().anyMatch(r -> r.pattern().equals(route.pattern())
                    && r.accepts(RequestMethod.GET));
            if (!getElsewhere && !(handler instanceof HandlerMethod) && result.getResponse().getStatus() != 405) {
                problems.add("GET " + route.samplePath() + " -> " + result.getResponse().getStatus());
            }
            checked++;
        }
        assertThat(checked).isGreaterThan(5);
        assertThat(problems).isEmpty();
    }

    @Test
    void c05BasicWithoutCookieNeedsNoTokenButTheSessionCookieAlwaysDoes() throws Exception {
        Unit unit = unit("Phường Basic", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        // HTTP Basic, no cookie: no token needed
        mvc.perform(post("/api/v1/users").with(httpBasic(admin.username(), admin.password()))
                .contentType(MediaType.APPLICATION_JSON).content(newUserJson(unit))).andExpect(status().isCreated());
        // the same endpoint with the session cookie: refused without a token
        MockHttpSession session = login(admin);
        mvc.perform(post("/api/v1/users").session(session).contentType(MediaType.APPLICATION_JSON)
                .content(newUserJson(unit))).andExpect(status().isForbidden());
        // mixing: the session cookie and Basic credentials, no token: still refused
        mvc.perform(post("/api/v1/users").session(session).cookie(new Cookie("LANTOA", session.getId()))
                .with(httpBasic(admin.username(), admin.password())).contentType(MediaType.APPLICATION_JSON)
                .content(newUserJson(unit))).andExpect(status().isForbidden());
        // Basic requests leave no session behind
        var response = mvc.perform(request(HttpMethod.GET, "/api/v1/me").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk()).andReturn();
        assertThat(response.getRequest().getSession(false)).isNull();
        assertThat(response.getResponse().getHeader("Set-Cookie")).isNull();
    }
}
