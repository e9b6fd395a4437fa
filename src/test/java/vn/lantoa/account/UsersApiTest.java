package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import com.jayway.jsonpath.JsonPath;

import vn.lantoa.organization.Unit;

/**
 * The users API against the fixture tree of RELIABILITY.md §(a): P0 ⊃ C0 ⊃ {U ⊃ {W1 ⊃ G1}, S ⊃ S1}, and OTHER.
 * Unit administrators act in their subtree (SELF, CHILD, DESC); PARENT, SIBLING, COUSIN and OTHER do not exist for
 * them (404); officers are refused (403); nobody grants above their own role (403) or changes themself (403). Every
 * refusal leaves the database as it was. A-10: no secret in the JSON.
 */
class UsersApiTest extends AccountTestSupport {

    Unit p0, c0, u, w1, g1, s, s1, other;
    TestUser admin, officer, leader;

    @BeforeEach
    void tree() {
        p0 = unit("Tỉnh ủy P0", null);
        c0 = unit("Thành ủy C0", p0);
        u = unit("UBND thành phố U", c0);
        w1 = unit("UBND phường W1", u);
        g1 = unit("Tổ dân phố G1", w1);
        s = unit("Ủy ban MTTQ S", c0);
        s1 = unit("Hội LHPN S1", s);
        other = unit("Tỉnh khác P9", null);
        admin = user(u, Role.UNIT_ADMIN);
        officer = user(u, Role.OFFICER);
        leader = user(u, Role.LEADER);
    }

    private ResultActions as(TestUser who, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(who.username(), who.password())));
    }

    private static MockHttpServletRequestBuilder json(MockHttpServletRequestBuilder request, String body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(body);
    }

    private String newUser(Unit unit, Role role) {
        return "{\"username\":\"" + unique("api.user") + "\",\"displayName\":\"Nguyễn Văn Thử\",\"unitId\":" + unit.id()
                + ",\"role\":\"" + role + "\"}";
    }

    private long users() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    private long version(long id) {
        return jdbc.sql("select version from app_user where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void aUnitAdministratorCreatesUsersInTheOwnSubtreeOnly() throws Exception {
        for (Unit inside : List.of(u, w1, g1)) {
            as(admin, json(post("/api/v1/users"), newUser(inside, Role.OFFICER))).andExpect(status().isCreated())
                    .andExpect(jsonPath("$.user.unitId").value(inside.id()))
                    .andExpect(jsonPath("$.user.passwordChangeRequired").value(true))
                    .andExpect(jsonPath("$.oneTimePassword").isString());
        }
        long before = users();
        for (Unit outside : List.of(c0, p0, s, s1, other)) {
            as(admin, json(post("/api/v1/users"), newUser(outside, Role.OFFICER))).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("USER_UNIT_NOT_FOUND"));
        }
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void officersAndLeadersCannotCreateUsersAndOutsideTheSubtreeNothingExists() throws Exception {
        long before = users();
        for (TestUser who : List.of(officer, leader)) {
            for (Unit inside : List.of(u, w1, g1)) {
                as(who, json(post("/api/v1/users"), newUser(inside, Role.LEADER))).andExpect(status().isForbidden())
                        .andExpect(jsonPath("$.code").value("FORBIDDEN"));
            }
            for (Unit outside : List.of(c0, s, s1, other)) {
                as(who, json(post("/api/v1/users"), newUser(outside, Role.LEADER))).andExpect(status().isNotFound());
            }
        }
        assertThat(users()).isEqualTo(before);
    }

    @Test
    void a07NobodyGrantsAboveTheirOwnRole() throws Exception {
        long before = users();
        as(admin, json(post("/api/v1/users"), newUser(w1, Role.SYS_ADMIN))).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_GRANTABLE"));
        assertThat(users()).isEqualTo(before);
        TestUser wardOfficer = user(w1, Role.OFFICER);
        long version = version(wardOfficer.id());
        as(admin, json(put("/api/v1/users/" + wardOfficer.id()), "{\"role\":\"SYS_ADMIN\",\"version\":" + version + "}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("ROLE_NOT_GRANTABLE"));
        assertThat(version(wardOfficer.id())).isEqualTo(version);
        // granting the own role is allowed
        as(admin, json(put("/api/v1/users/" + wardOfficer.id()), "{\"role\":\"UNIT_ADMIN\",\"version\":" + version + "}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.role").value("UNIT_ADMIN"));
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'USER_ROLE_GRANT' and outcome = 'DENIED' and user_id = :id")
                .param("id", admin.id()).query(Long.class).single()).isEqualTo(2);
    }

    @Test
    void a07NobodyChangesTheirOwnRoleNorAUserAboveThem() throws Exception {
        as(admin, json(put("/api/v1/users/" + admin.id()), "{\"role\":\"OFFICER\",\"version\":" + version(admin.id()) + "}"))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("SELF_CHANGE"));
        TestUser sys = user(w1, Role.SYS_ADMIN);
        as(admin, post("/api/v1/users/" + sys.id() + "/disable")).andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("ROLE_NOT_GRANTABLE"));
        assertThat(jdbc.sql("select enabled from app_user where id = :id").param("id", sys.id()).query(Boolean.class)
                .single()).isTrue();
    }

    @Test
    void readingAndChangingUsersOutsideTheSubtreeLooksLikeNotFound() throws Exception {
        TestUser parentUser = user(c0, Role.OFFICER);
        TestUser siblingUser = user(s, Role.OFFICER);
        TestUser otherUser = user(other, Role.OFFICER);
        TestUser childUser = user(w1, Role.OFFICER);
        as(admin, get("/api/v1/users/" + childUser.id())).andExpect(status().isOk());
        for (TestUser hidden : List.of(parentUser, siblingUser, otherUser)) {
            long version = version(hidden.id());
            as(admin, get("/api/v1/users/" + hidden.id())).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("USER_NOT_FOUND"));
            as(admin, json(put("/api/v1/users/" + hidden.id()), "{\"role\":\"LEADER\",\"version\":" + version + "}"))
                    .andExpect(status().isNotFound());
            as(admin, post("/api/v1/users/" + hidden.id() + "/password-reset")).andExpect(status().isNotFound());
            as(admin, post("/api/v1/users/" + hidden.id() + "/disable")).andExpect(status().isNotFound());
            assertThat(version(hidden.id())).isEqualTo(version);
        }
        as(admin, get("/api/v1/users/987654321")).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("USER_NOT_FOUND"));
        // an officer: 403 for a user in the own unit, 404 outside
        as(officer, get("/api/v1/users/" + childUser.id())).andExpect(status().isForbidden());
        as(officer, get("/api/v1/users/" + parentUser.id())).andExpect(status().isNotFound());
    }

    @Test
    void theListHoldsTheSubtreeOnly() throws Exception {
        TestUser childUser = user(w1, Role.OFFICER);
        TestUser grandchildUser = user(g1, Role.LEADER);
        TestUser parentUser = user(c0, Role.OFFICER);
        TestUser cousinUser = user(s1, Role.OFFICER);
        String body = as(admin, get("/api/v1/users")).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        List<String> names = JsonPath.read(body, "$[*].username");
        assertThat(names).contains(admin.username(), officer.username(), leader.username(), childUser.username(),
                grandchildUser.username()).doesNotContain(parentUser.username(), cousinUser.username());
        List<String> search = JsonPath.read(as(admin, get("/api/v1/users").param("unitId", String.valueOf(g1.id())))
                .andReturn().getResponse().getContentAsString(), "$[*].username");
        assertThat(search).containsExactly(grandchildUser.username());
        as(officer, get("/api/v1/users")).andExpect(status().isForbidden());
        TestUser sys = user(other, Role.SYS_ADMIN);
        List<String> all = JsonPath.read(as(sys, get("/api/v1/users")).andReturn().getResponse().getContentAsString(),
                "$[*].username");
        assertThat(all).contains(parentUser.username(), cousinUser.username(), childUser.username());
    }

    @Test
    void a10UserJsonHoldsNoSecretsNorCounters() throws Exception {
        TestUser childUser = user(w1, Role.OFFICER);
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", childUser.id())
                .query(String.class).single();
        for (String body : List.of(
                as(admin, get("/api/v1/users/" + childUser.id())).andReturn().getResponse().getContentAsString(),
                as(admin, get("/api/v1/users")).andReturn().getResponse().getContentAsString(),
                as(childUser, get("/api/v1/me")).andReturn().getResponse().getContentAsString(),
                as(admin, json(put("/api/v1/users/" + childUser.id()), "{\"displayName\":\"Tên mới\",\"version\":"
                        + version(childUser.id()) + "}")).andReturn().getResponse().getContentAsString())) {
            assertThat(body).doesNotContainIgnoringCase("password_hash").doesNotContainIgnoringCase("passwordHash")
                    .doesNotContainIgnoringCase("failed").doesNotContainIgnoringCase("lockCount")
                    .doesNotContainIgnoringCase("sessionEpoch").doesNotContainIgnoringCase("totp")
                    .doesNotContain(hash).doesNotContain("argon2");
        }
    }

    @Test
    void aResetPasswordIsOneTimeAndForcesAChange() throws Exception {
        TestUser childUser = user(w1, Role.OFFICER);
        String body = as(admin, post("/api/v1/users/" + childUser.id() + "/password-reset")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String oneTime = JsonPath.read(body, "$.oneTimePassword");
        mvc.perform(get("/api/v1/me").with(httpBasic(childUser.username(), childUser.password())))
                .andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/users").with(httpBasic(childUser.username(), oneTime)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("PASSWORD_CHANGE_REQUIRED"));
        mvc.perform(get("/api/v1/me").with(httpBasic(childUser.username(), oneTime)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.passwordChangeRequired").value(true));
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() throws Exception {
        TestUser childUser = user(w1, Role.OFFICER);
        long version = version(childUser.id());
        as(admin, json(put("/api/v1/users/" + childUser.id()), "{\"displayName\":\"Lần một\",\"version\":" + version + "}"))
                .andExpect(status().isOk());
        as(admin, json(put("/api/v1/users/" + childUser.id()), "{\"displayName\":\"Lần hai\",\"version\":" + version + "}"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        as(admin, json(put("/api/v1/users/" + childUser.id()), "{\"displayName\":\"Lần ba\"}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("USER_VERSION_REQUIRED"));
        assertThat(jdbc.sql("select display_name from app_user where id = :id").param("id", childUser.id())
                .query(String.class).single()).isEqualTo("Lần một");
    }

    @Test
    void invalidInputIsRefusedWithACode() throws Exception {
        as(admin, json(post("/api/v1/users"), "{\"username\":\"Có Dấu\",\"displayName\":\"A\",\"unitId\":" + u.id() + "}"))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("USERNAME_INVALID"));
        as(admin, json(post("/api/v1/users"), "{\"username\":\"" + admin.username() + "\",\"displayName\":\"A\",\"unitId\":"
                + u.id() + "}")).andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("USERNAME_TAKEN"));
        as(admin, json(post("/api/v1/users"), "{\"username\":\"" + unique("x") + "\",\"displayName\":\" \",\"unitId\":"
                + u.id() + "}")).andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("DISPLAY_NAME_INVALID"));
    }
}
