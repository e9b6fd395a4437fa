package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

import vn.lantoa.organization.Unit;

/** The /admin/users pages: Vietnamese, scoped like the API, and each action really done. */
class UserAdminPagesTest extends AccountTestSupport {

    @Test
    void aUnitAdministratorListsSearchesAndCreatesInTheSubtree() throws Exception {
        Unit city = unit("Thành phố trang", null);
        Unit ward = unit("Phường trang", city);
        Unit elsewhere = unit("Tỉnh khác trang", null);
        TestUser admin = user(city, Role.UNIT_ADMIN);
        TestUser wardOfficer = user(ward, Role.OFFICER);
        TestUser stranger = user(elsewhere, Role.OFFICER);
        MockHttpSession session = login(admin);

        mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Người dùng")))
                .andExpect(content().string(containsString(wardOfficer.username())))
                .andExpect(content().string(not(containsString(stranger.username()))))
                .andExpect(content().string(containsString("Cán bộ, chuyên viên")));
        mvc.perform(get("/admin/users").param("q", "nguoi thu " + wardOfficer.username()).session(session))
                .andExpect(content().string(containsString(wardOfficer.username())))
                .andExpect(content().string(not(containsString("<td class=\"text-break\">" + admin.username() + "</td>"))));

        mvc.perform(get("/admin/users/new").session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString(ward.shortName())))
                .andExpect(content().string(not(containsString(elsewhere.shortName()))))
                .andExpect(content().string(not(containsString("Quản trị hệ thống"))));
        String username = unique("trang.moi");
        MvcResult created = mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", username)
                .param("displayName", "Trần Thị Mới").param("unitId", String.valueOf(ward.id())).param("role", "LEADER"))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attributeExists("oneTimePassword")).andReturn();
        String page = created.getResponse().getRedirectedUrl();
        mvc.perform(get(page).session(session).flashAttrs(created.getFlashMap())).andExpect(status().isOk())
                .andExpect(content().string(containsString("Mật khẩu chỉ hiện một lần")))
                .andExpect(content().string(containsString((String) created.getFlashMap().get("oneTimePassword"))));
        assertThat(jdbc.sql("select role from app_user where username = :u").param("u", username).query(String.class)
                .single()).isEqualTo("LEADER");
    }

    @Test
    void mistakesComeBackOnTheFormInVietnamese() throws Exception {
        Unit city = unit("Thành phố lỗi", null);
        TestUser admin = user(city, Role.UNIT_ADMIN);
        MockHttpSession session = login(admin);
        mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", "Có Dấu Cách")
                .param("displayName", "A").param("unitId", String.valueOf(city.id())).param("role", "OFFICER"))
                .andExpect(status().isBadRequest()).andExpect(content().string(containsString("Tên đăng nhập gồm 3 đến 64 ký tự")));
        mvc.perform(post("/admin/users").session(session).with(csrf()).param("username", unique("cao.hon"))
                .param("displayName", "A").param("unitId", String.valueOf(city.id())).param("role", "SYS_ADMIN"))
                .andExpect(status().isForbidden()).andExpect(content().string(containsString("cao hơn vai trò")));
    }

    @Test
    void editDisableAndResetFromTheUserPage() throws Exception {
        Unit city = unit("Thành phố sửa", null);
        TestUser admin = user(city, Role.UNIT_ADMIN);
        TestUser officer = user(city, Role.OFFICER);
        MockHttpSession session = login(admin);
        MockHttpSession officerSession = login(officer);
        long version = jdbc.sql("select version from app_user where id = :id").param("id", officer.id()).query(Long.class).single();
        mvc.perform(get("/admin/users/" + officer.id()).session(session)).andExpect(status().isOk())
                .andExpect(content().string(containsString("Khóa tài khoản")));
        mvc.perform(post("/admin/users/" + officer.id()).session(session).with(csrf()).param("displayName", "Tên Đã Sửa")
                .param("unitId", String.valueOf(city.id())).param("role", "LEADER").param("version", String.valueOf(version)))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select display_name || '/' || role from app_user where id = :id").param("id", officer.id())
                .query(String.class).single()).isEqualTo("Tên Đã Sửa/LEADER");
        mvc.perform(post("/admin/users/" + officer.id() + "/disable").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("message", "account.users.disabled"));
        mvc.perform(get("/api/v1/me").session(officerSession)).andExpect(status().isUnauthorized());
        mvc.perform(post("/admin/users/" + officer.id() + "/enable").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/admin/users/" + officer.id() + "/reset").session(session).with(csrf()))
                .andExpect(flash().attributeExists("oneTimePassword"));
        assertThat(jdbc.sql("select password_change_required from app_user where id = :id").param("id", officer.id())
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void officersAreRefusedAndUsersOutsideTheSubtreeDoNotExist() throws Exception {
        Unit city = unit("Thành phố từ chối", null);
        Unit other = unit("Tỉnh khác từ chối", null);
        TestUser officer = user(city, Role.OFFICER);
        TestUser admin = user(city, Role.UNIT_ADMIN);
        TestUser stranger = user(other, Role.OFFICER);
        mvc.perform(get("/admin/users").session(login(officer))).andExpect(status().isForbidden());
        mvc.perform(get("/admin/users/new").session(login(officer))).andExpect(status().isForbidden());
        MockHttpSession session = login(admin);
        mvc.perform(get("/admin/users/" + stranger.id()).session(session)).andExpect(status().isNotFound());
        mvc.perform(post("/admin/users/" + stranger.id() + "/disable").session(session).with(csrf()))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select enabled from app_user where id = :id").param("id", stranger.id()).query(Boolean.class)
                .single()).isTrue();
    }
}
