package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

import vn.lantoa.organization.Unit;

class LoginTest extends AccountTestSupport {

    @Test
    void theLoginPageIsVietnamese() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Đăng nhập")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("name=\"username\"")));
    }

    @Test
    void anOfficerLogsInAndSeesThemself() throws Exception {
        Unit unit = unit("Phường thử", null);
        TestUser officer = user(unit, Role.OFFICER);
        MockHttpSession session = login(officer);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(officer.username()))
                .andExpect(jsonPath("$.role").value("OFFICER"))
                .andExpect(jsonPath("$.unitId").value(unit.id()));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOGIN' and user_id = :id and outcome = 'OK'")
                .param("id", officer.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void aWrongPasswordGoesBackToTheFormWithTheMessage() throws Exception {
        TestUser officer = user(unit("Phường sai", null), Role.OFFICER);
        mvc.perform(post("/login").param("username", officer.username()).param("password", "không phải mật khẩu")
                .with(csrf())).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login?error")).andExpect(content().string(
                org.hamcrest.Matchers.containsString("Tên đăng nhập hoặc mật khẩu không đúng")));
    }

    @Test
    void anonymousApiCallsGet401ProblemJson() throws Exception {
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        mvc.perform(get("/admin/users")).andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/login"));
    }
}
