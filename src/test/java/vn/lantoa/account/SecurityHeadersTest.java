package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.options;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.lantoa.organization.Unit;

/** RELIABILITY.md §(e), headers: H-01 to H-08, H-10, H-12, H-13, on every GET route and on the error paths. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityHeadersTest extends AccountTestSupport {

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    private TestUser admin;
    private MockHttpSession adminSession;
    private List<MockHttpServletResponse> swept;

    @BeforeAll
    void logIn() throws Exception {
        Unit unit = unit("Tỉnh thử tiêu đề", null);
        admin = user(unit, Role.SYS_ADMIN);
        adminSession = login(admin);
        swept = sweepOnce();
    }

    private List<MockHttpServletResponse> sweep() {
        return swept;
    }

    /** Every GET route as anonymous and as a logged-in administrator, plus static files and error paths. */
    private List<MockHttpServletResponse> sweepOnce() throws Exception {
        List<MockHttpServletRequestBuilder> requests = new ArrayList<>();
        for (String path : Routes.getPaths(mapping)) {
            requests.add(get(path));
            requests.add(get(path).session(adminSession));
        }
        requests.addAll(List.of(get("/css/lantoa.css"), get("/webjars/bootstrap/dist/css/bootstrap.min.css"),
                get("/no-such-page").session(adminSession), get("/api/v1/no-such-thing").session(adminSession),
                get("/api/v1/users/987654321").session(adminSession), delete("/api/v1/me").session(adminSession).with(csrf()),
                post("/api/v1/users").session(adminSession), get("/api/v1/users")));
        List<MockHttpServletResponse> responses = new ArrayList<>();
        for (MockHttpServletRequestBuilder request : requests) {
            responses.add(mvc.perform(request).andReturn().getResponse());
        }
        assertThat(responses).hasSizeGreaterThan(20);
        return responses;
    }

    static Map<String, List<String>> csp(String header) {
        Map<String, List<String>> directives = new HashMap<>();
        for (String part : header.split(";")) {
            String[] words = part.strip().split("\\s+");
            if (words.length > 0 && !words[0].isEmpty()) {
                directives.put(words[0], Arrays.asList(words).subList(1, words.length));
            }
        }
        return directives;
    }

    @Test
    void h01EveryResponseHasAStrictContentSecurityPolicy() throws Exception {
        for (MockHttpServletResponse response : sweep()) {
            String header = response.getHeader("Content-Security-Policy");
            assertThat(header).as("CSP").isNotNull();
            Map<String, List<String>> csp = csp(header);
            assertThat(csp.get("default-src")).containsExactly("'self'");
            assertThat(csp.get("object-src")).containsExactly("'none'");
            assertThat(csp.get("base-uri")).containsExactly("'none'");
            assertThat(csp.get("frame-ancestors")).containsExactly("'none'");
            assertThat(csp.get("form-action")).containsExactly("'self'");
            List<String> scripts = csp.getOrDefault("script-src", csp.get("default-src"));
            assertThat(scripts).doesNotContain("'unsafe-inline'", "'unsafe-eval'");
        }
    }

    @Test
    void h02NosniffOnEveryResponseIncludingErrorsAndStaticFiles() throws Exception {
        for (MockHttpServletResponse response : sweep()) {
            assertThat(response.getHeader("X-Content-Type-Options")).isEqualTo("nosniff");
        }
    }

    @Test
    void h03NoStoreOnAuthenticatedPagesAndTheApi() throws Exception {
        for (String path : List.of("/", "/account/password", "/admin/users", "/api/v1/me", "/api/v1/users")) {
            String cache = mvc.perform(get(path).session(adminSession)).andReturn().getResponse().getHeader("Cache-Control");
            assertThat(cache).as(path).contains("no-store");
        }
        String api = mvc.perform(get("/api/v1/me").with(httpBasic(admin.username(), admin.password()))).andReturn()
                .getResponse().getHeader("Cache-Control");
        assertThat(api).contains("no-store");
    }

    @Test
    void h04HstsOnlyOverHttps() throws Exception {
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getHeader("Strict-Transport-Security")).isNull();
        String hsts = mvc.perform(get("/login").secure(true)).andReturn().getResponse()
                .getHeader("Strict-Transport-Security");
        assertThat(hsts).isNotNull().contains("max-age=31536000").contains("includeSubDomains");
    }

    @Test
    void h05h06ReferrerFramesAndXssHeaders() throws Exception {
        for (MockHttpServletResponse response : sweep()) {
            assertThat(response.getHeader("Referrer-Policy")).isIn("same-origin", "no-referrer");
            assertThat(response.getHeader("X-Frame-Options")).isEqualTo("DENY");
            assertThat(response.getHeader("X-XSS-Protection")).isEqualTo("0");
        }
    }

    @Test
    void h07TextIsUtf8AndJsonIsJson() throws Exception {
        for (MockHttpServletResponse response : sweep()) {
            String type = response.getContentType();
            if (type == null) {
                continue; // redirects and empty answers
            }
            if (type.startsWith("text/")) {
                assertThat(type.toLowerCase().replace(" ", "")).as(type).contains("charset=utf-8");
            }
            if (type.contains("json")) {
                assertThat(MediaType.parseMediaType(type).getSubtype()).isIn("json", "problem+json", "vnd.oai.openapi+json");
            }
        }
        assertThat(mvc.perform(get("/login")).andReturn().getResponse().getContentType()).isEqualTo("text/html;charset=UTF-8");
        assertThat(mvc.perform(get("/api/v1/me").session(adminSession)).andReturn().getResponse().getContentType())
                .startsWith("application/json");
    }

    @Test
    void h08NoServerDetailsInHeadersOrErrorBodies() throws Exception {
        List<MockHttpServletResponse> errors = List.of(
                mvc.perform(get("/api/v1/users/987654321").session(adminSession)).andReturn().getResponse(),
                mvc.perform(delete("/api/v1/me").session(adminSession).with(csrf())).andReturn().getResponse(),
                mvc.perform(post("/api/v1/users").session(adminSession).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"username\": ")).andReturn().getResponse(),
                mvc.perform(post("/api/v1/users").session(adminSession).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"role\": \"SUPER_ADMIN\"}")).andReturn()
                        .getResponse());
        assertThat(errors).extracting(MockHttpServletResponse::getStatus).containsExactly(404, 405, 400, 400);
        for (MockHttpServletResponse response : errors) {
            String body = response.getContentAsString();
            assertThat(body).contains("\"code\"").doesNotContain("Exception", "at vn.", "org.springframework", "java.",
                    "SQL", "select ", "tools.jackson");
            assertThat(response.getHeader("X-Powered-By")).isNull();
            assertThat(response.getHeader("Server")).isNull();
        }
    }

    @Test
    void h10NoCrossOriginAccess() throws Exception {
        MockHttpServletResponse preflight = mvc.perform(options("/api/v1/users").header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")).andReturn().getResponse();
        assertThat(preflight.getHeader("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight.getHeader("Access-Control-Allow-Credentials")).isNull();
        MockHttpServletResponse simple = mvc.perform(get("/api/v1/me").session(adminSession)
                .header("Origin", "https://evil.example")).andReturn().getResponse();
        assertThat(simple.getHeader("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void h12ActuatorShowsOnlyHealthWithoutDetailsAndNoConsoleOrListing() throws Exception {
        MockHttpServletResponse health = mvc.perform(get("/actuator/health")).andReturn().getResponse();
        assertThat(health.getStatus()).isEqualTo(200);
        assertThat(health.getContentAsString()).contains("\"status\"").doesNotContain("components", "details", "db");
        for (String path : List.of("/actuator", "/actuator/env", "/actuator/beans", "/actuator/metrics",
                "/actuator/health/db", "/h2-console", "/css/", "/static/", "/img/")) {
            int anonymous = mvc.perform(get(path)).andReturn().getResponse().getStatus();
            assertThat(anonymous).as("anonymous " + path).isIn(401, 302, 404);
            MockHttpServletResponse logged = mvc.perform(get(path).session(adminSession)).andReturn().getResponse();
            assertThat(logged.getStatus()).as("logged in " + path).isIn(403, 404);
        }
        assertThat(mvc.perform(get("/actuator/env")).andReturn().getResponse().getStatus()).isEqualTo(401);
    }

    @Test
    void h13TheOpenApiDescriptionIsDeliberatelyPublicAndHoldsNoData() throws Exception {
        MockHttpServletResponse doc = mvc.perform(get("/api/v1/openapi.json")).andReturn().getResponse();
        assertThat(doc.getStatus()).isEqualTo(200);
        assertThat(doc.getContentAsString()).contains("/api/v1/users").doesNotContain(admin.username());
        assertThat(mvc.perform(get("/api/v1/docs")).andReturn().getResponse().getStatus()).isIn(200, 302);
    }
}
