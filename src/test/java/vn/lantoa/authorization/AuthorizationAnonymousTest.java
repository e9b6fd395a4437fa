package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.web.bind.annotation.RequestMethod;

/**
 * without credentials, every route of the application answers 401 {@code application/problem+json} (the API)
 * or a redirect to the login page (pages); only the public allowlist answers. Writes carry the CSRF token of the
 * anonymous session (from the login page), so that it is the missing login, not the missing token, that refuses
 * them.
 */
class AuthorizationAnonymousTest extends AuthorizationSupport {

    @Test
    void everyRouteRefusesAnAnonymousCaller() throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        String page = mvc.perform(get("/login").session(anonymous)).andReturn().getResponse().getContentAsString();
        String token = AuthorizationFixture.csrfInPage(page);
        long id = fixture().world.unit(Relation.CHILD).id();
        List<String> problems = new ArrayList<>();
        int calls = 0;
        for (Routes.Route route : Routes.of(handlerMapping)) {
            if (route.isPublic()) {
                continue;
            }
            for (RequestMethod method : route.callMethods()) {
                var call = request(HttpMethod.valueOf(method.name()), route.path(id)).session(anonymous);
                if (method != RequestMethod.GET) {
                    call.header("X-CSRF-TOKEN", token);
                }
                MockHttpServletResponse response = mvc.perform(call).andReturn().getResponse();
                calls++;
                String answer = method + " " + route.path(id) + " answered " + response.getStatus() + " "
                        + response.getRedirectedUrl() + " " + response.getContentType();
                if (route.isApi()) {
                    if (response.getStatus() != 401 || !String.valueOf(response.getContentType())
                            .startsWith("application/problem+json")
                            || !response.getContentAsString(StandardCharsets.UTF_8).contains("\"UNAUTHENTICATED\"")) {
                        problems.add(answer);
                    }
                } else if (response.getStatus() != 302 || response.getRedirectedUrl() == null
                        || !response.getRedirectedUrl().endsWith("/login")) {
                    problems.add(answer);
                }
            }
        }
        assertThat(calls).isGreaterThan(30);
        assertThat(problems).as("A-04: anonymous calls must be refused (401 for the API, /login for pages)").isEmpty();
    }

    /** The allowlist is reachable without credentials; everything there holds no data. */
    @Test
    void thePublicAllowlistAnswersAnonymousCallers() throws Exception {
        for (String path : List.of("/login", "/actuator/health", "/css/lantoa.css", "/js/account.js",
                "/img/lantoa.svg", "/webjars/bootstrap/dist/css/bootstrap.min.css", "/api/v1/openapi.json")) {
            MockHttpServletResponse response = mvc.perform(get(path)).andReturn().getResponse();
            assertThat(response.getStatus()).as(path).isEqualTo(200);
        }
        MockHttpServletResponse docs = mvc.perform(get("/api/v1/docs")).andReturn().getResponse();
        assertThat(docs.getStatus()).as("/api/v1/docs").isIn(200, 302);
        assertThat(String.valueOf(docs.getRedirectedUrl())).as("/api/v1/docs").doesNotEndWith("/login");
    }

    /** Wrong Basic credentials are no credentials: 401, never the data. */
    @Test
    void aWrongBasicPasswordIs401() throws Exception {
        // an actor of its own: the failure is counted on its account, which no other test uses
        Account officer = fixture().actor(fixture().world.unit(Relation.SELF).id(), vn.lantoa.account.Role.OFFICER);
        String credentials = officer.username() + ":" + "sai-mat-khau-hoan-toan";
        MockHttpServletResponse response = mvc.perform(get("/api/v1/units/" + fixture().world.unit(Relation.SELF).id())
                .header(HttpHeaders.AUTHORIZATION, "Basic " + Base64.getEncoder().encodeToString(
                        credentials.getBytes(StandardCharsets.UTF_8)))
                .with(r -> {
                    r.setRemoteAddr("10.77.0.1");
                    return r;
                })).andReturn().getResponse();
        assertThat(response.getStatus()).isEqualTo(401);
        assertThat(response.getContentAsString(StandardCharsets.UTF_8)).contains("\"UNAUTHENTICATED\"")
                .doesNotContain("\"path\"");
    }
}
