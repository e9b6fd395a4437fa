package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpSession;

import vn.lantoa.organization.Unit;

/**
 * Sessions: S-05 idle timeout and S-06 absolute lifetime on the injected clock; A-12 a role change or a move applies
 * on the next request of an existing session; S-07 disabling ends every session; S-08 a password change needs the
 * current password and ends the other sessions; S-09 an administrator ends a user's sessions.
 */
class SessionTest extends AccountTestSupport {

    @Value("${server.servlet.session.timeout}")
    Duration configuredTimeout;

    private String userJson(TestUser user, Unit unit, Role role, long version) {
        return "{\"displayName\":\"Người thử\",\"unitId\":" + unit.id() + ",\"role\":\"" + role + "\",\"version\":" + version + "}";
    }

    private long version(long userId) {
        return jdbc.sql("select version from app_user where id = :id").param("id", userId).query(Long.class).single();
    }

    @Test
    void s05FifteenMinutesIdleEndTheSession() throws Exception {
        assertThat(configuredTimeout).isEqualTo(Duration.ofMinutes(15));
        TestUser officer = user(unit("Phường chờ", null), Role.OFFICER);
        MockHttpSession session = login(officer);
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(14));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        mvc.perform(get("/account/password").session(session)).andExpect(status().isFound())
                .andExpect(redirectedUrl("/login"));
        assertThat(session.isInvalid()).isTrue();
    }

    @Test
    void s05AnIdleApiSessionAnswers401() throws Exception {
        TestUser officer = user(unit("Phường chờ API", null), Role.OFFICER);
        MockHttpSession session = login(officer);
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized())
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
    }

    @Test
    void s06TenHoursEndASessionEvenWhenActive() throws Exception {
        TestUser officer = user(unit("Phường chăm chỉ", null), Role.OFFICER);
        MockHttpSession session = login(officer);
        for (int i = 0; i < 71; i++) { // 71 × 8 min = 9 h 28 min
            clock.advance(Duration.ofMinutes(8));
            mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        }
        clock.advance(Duration.ofMinutes(8)); // 9 h 36
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(8)); // 9 h 44
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(8)); // 9 h 52
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk());
        clock.advance(Duration.ofMinutes(9)); // 10 h 01
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
    }

    @Test
    void a12ADowngradeAppliesToTheNextRequestOfTheExistingSession() throws Exception {
        Unit city = unit("Thành phố hạ quyền", null);
        Unit ward = unit("Phường hạ quyền", city);
        TestUser boss = user(city, Role.UNIT_ADMIN);
        TestUser wardAdmin = user(ward, Role.UNIT_ADMIN);
        MockHttpSession session = login(wardAdmin);
        mvc.perform(get("/api/v1/users").session(session)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + wardAdmin.id()).with(httpBasic(boss.username(), boss.password()))
                .contentType(MediaType.APPLICATION_JSON).content(userJson(wardAdmin, ward, Role.OFFICER, version(wardAdmin.id()))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("OFFICER"));
        mvc.perform(get("/api/v1/users").session(session)).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(get("/admin/users").session(session)).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.role").value("OFFICER"));
        mvc.perform(put("/api/v1/users/" + wardAdmin.id()).with(httpBasic(boss.username(), boss.password()))
                .contentType(MediaType.APPLICATION_JSON).content(userJson(wardAdmin, ward, Role.LEADER, version(wardAdmin.id()))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.role").value("LEADER"));
    }

    @Test
    void a12AMoveToAnotherUnitAppliesToTheNextRequest() throws Exception {
        Unit city = unit("Thành phố chuyển", null);
        Unit wardA = unit("Phường A chuyển", city);
        Unit wardB = unit("Phường B chuyển", city);
        TestUser boss = user(city, Role.UNIT_ADMIN);
        TestUser admin = user(wardA, Role.UNIT_ADMIN);
        TestUser colleague = user(wardA, Role.OFFICER);
        MockHttpSession session = login(admin);
        mvc.perform(get("/api/v1/users/" + colleague.id()).session(session)).andExpect(status().isOk());
        mvc.perform(put("/api/v1/users/" + admin.id()).with(httpBasic(boss.username(), boss.password()))
                .contentType(MediaType.APPLICATION_JSON).content(userJson(admin, wardB, Role.UNIT_ADMIN, version(admin.id()))))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(jsonPath("$.unitId").value(wardB.id()));
        mvc.perform(get("/api/v1/users/" + colleague.id()).session(session)).andExpect(status().isNotFound());
    }

    @Test
    void s07DisablingEndsEverySessionAtOnce() throws Exception {
        Unit unit = unit("Phường khóa phiên", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        TestUser officer = user(unit, Role.OFFICER);
        MockHttpSession first = login(officer);
        MockHttpSession second = login(officer);
        mvc.perform(get("/api/v1/me").session(first)).andExpect(status().isOk());
        mvc.perform(post("/api/v1/users/" + officer.id() + "/disable").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.enabled").value(false));
        mvc.perform(get("/api/v1/me").session(first)).andExpect(status().isUnauthorized());
        mvc.perform(get("/account/password").session(second)).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isUnauthorized());
    }

    @Test
    void s09AnAdministratorEndsAUsersSessions() throws Exception {
        Unit unit = unit("Phường kết thúc phiên", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        TestUser officer = user(unit, Role.OFFICER);
        MockHttpSession session = login(officer);
        mvc.perform(delete("/api/v1/users/" + officer.id() + "/sessions").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isNoContent());
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isUnauthorized());
        // the account itself still works
        login(officer);
    }

    @Test
    void s08APasswordChangeNeedsTheCurrentOneAndEndsTheOtherSessions() throws Exception {
        TestUser officer = user(unit("Phường đổi mật khẩu", null), Role.OFFICER);
        MockHttpSession here = login(officer);
        MockHttpSession elsewhere = login(officer);
        String next = "Đồng lúa chín vàng trải dài tít tắp";
        mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", "đoán bừa một mật khẩu")
                .param("newPassword", next).param("confirmPassword", next)).andExpect(status().isBadRequest());
        mvc.perform(put("/api/v1/me/password").session(here).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content("{\"currentPassword\":\"sai\",\"newPassword\":\"" + next + "\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("PASSWORD_CURRENT_WRONG"));
        mvc.perform(post("/account/password").session(here).with(csrf()).param("currentPassword", officer.password())
                .param("newPassword", next).param("confirmPassword", next)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/api/v1/me").session(here)).andExpect(status().isOk());
        mvc.perform(get("/api/v1/me").session(elsewhere)).andExpect(status().isUnauthorized());
        login(officer.username(), next);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'PASSWORD_CHANGED' and user_id = :id")
                .param("id", officer.id()).query(Long.class).single()).isEqualTo(1);
    }
}
