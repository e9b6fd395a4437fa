package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import com.jayway.jsonpath.JsonPath;

import vn.lantoa.organization.Unit;

/**
 * Personal API tokens: C-05 (a token without a cookie needs no CSRF token; with the session cookie it does),
 * S-27 (stored hashed), revocation, expiry, a disabled user, someone else's token.
 */
class ApiTokenTest extends AccountTestSupport {

    private String create(TestUser owner, String body) throws Exception {
        String json = mvc.perform(post("/api/v1/me/tokens").with(httpBasic(owner.username(), owner.password()))
                .contentType(MediaType.APPLICATION_JSON).content(body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString();
        return json;
    }

    @Test
    void aTokenActsAsItsUserWithoutCsrfAndIsStoredHashed() throws Exception {
        Unit unit = unit("Phường khóa API", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        String json = create(admin, "{\"name\":\"Kịch bản đồng bộ\"}");
        String token = JsonPath.read(json, "$.token");
        assertThat(token).startsWith("lt_").hasSizeGreaterThanOrEqualTo(3 + 43);
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(admin.username()));
        mvc.perform(post("/api/v1/users").header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"username\":\"" + unique("token.user") + "\",\"displayName\":\"Người từ kịch bản\",\"unitId\":"
                        + unit.id() + "}")).andExpect(status().isCreated());
        // S-27: no plaintext in the table
        assertThat(jdbc.sql("select count(*) from api_token where token_hash = :t or name = :t").param("t", token)
                .query(Long.class).single()).isZero();
        assertThat(jdbc.sql("select count(*) from api_token where user_id = :u").param("u", admin.id()).query(Long.class)
                .single()).isEqualTo(1);
        // the list never shows the secret
        String list = mvc.perform(get("/api/v1/me/tokens").header("Authorization", "Bearer " + token))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("Kịch bản đồng bộ").doesNotContain(token).doesNotContain("hash");
    }

    @Test
    void c05ATokenWithTheSessionCookieStillNeedsTheCsrfToken() throws Exception {
        TestUser officer = user(unit("Phường trộn", null), Role.OFFICER);
        String token = JsonPath.read(create(officer, "{\"name\":\"trộn\"}"), "$.token");
        MockHttpSession session = login(officer);
        mvc.perform(post("/api/v1/me/tokens").session(session).cookie(new jakarta.servlet.http.Cookie("LANTOA", session.getId()))
                .header("Authorization", "Bearer " + token).contentType(MediaType.APPLICATION_JSON)
                .content("{\"name\":\"thêm\"}")).andExpect(status().isForbidden());
    }

    @Test
    void revokedExpiredOrUnknownTokensAnswer401() throws Exception {
        Unit unit = unit("Phường thu hồi", null);
        TestUser officer = user(unit, Role.OFFICER);
        String first = create(officer, "{\"name\":\"một\"}");
        String token = JsonPath.read(first, "$.token");
        Number id = JsonPath.read(first, "$.info.id");
        mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer lt_not-a-real-token")).andExpect(status().isUnauthorized());

        String shortLived = JsonPath.read(create(officer, "{\"name\":\"ngắn\",\"validDays\":1}"), "$.token");
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + shortLived)).andExpect(status().isOk());
        clock.advance(Duration.ofDays(1).plusMinutes(1));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + shortLived)).andExpect(status().isUnauthorized());
    }

    @Test
    void aDisabledUsersTokensStopAndOthersTokensDoNotExist() throws Exception {
        Unit unit = unit("Phường token khóa", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        TestUser officer = user(unit, Role.OFFICER);
        String json = create(officer, "{\"name\":\"của cán bộ\"}");
        String token = JsonPath.read(json, "$.token");
        Number id = JsonPath.read(json, "$.info.id");
        mvc.perform(delete("/api/v1/me/tokens/" + id).with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("TOKEN_NOT_FOUND"));
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + officer.id() + "/disable").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").header("Authorization", "Bearer " + token)).andExpect(status().isUnauthorized());
    }

    @Test
    void tokensAreForTheApiOnly() throws Exception {
        TestUser officer = user(unit("Phường trang token", null), Role.OFFICER);
        String token = JsonPath.read(create(officer, "{\"name\":\"trang\"}"), "$.token");
        mvc.perform(get("/account/password").header("Authorization", "Bearer " + token))
                .andExpect(status().isFound());
        mvc.perform(post("/api/v1/me/tokens").with(httpBasic(officer.username(), officer.password())).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"name\":\"  \"}")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("TOKEN_NAME_INVALID"));
    }
}
