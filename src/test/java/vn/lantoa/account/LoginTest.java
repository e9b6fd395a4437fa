package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.text.Normalizer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lantoa.organization.Unit;

/** Login, lockout (S-10, S-11), passphrases (S-23), the stored hash, and the audit of each attempt. */
class LoginTest extends AccountTestSupport {

    private static final AtomicInteger ADDRESS = new AtomicInteger();

    /** Each failure-heavy test comes from its own address, so that the per-address throttle does not interfere. */
    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }

    private static String newAddress() {
        return "10.20." + (ADDRESS.incrementAndGet() / 250) + "." + (ADDRESS.get() % 250 + 1);
    }

    private String attempt(String username, String password, String address) throws Exception {
        return mvc.perform(post("/login").param("username", username).param("password", password).with(csrf())
                .with(from(address))).andExpect(status().is3xxRedirection()).andReturn().getResponse()
                .getRedirectedUrl();
    }

    private long audited(String action, long userId) {
        return jdbc.sql("select count(*) from audit_entry where action = :action and user_id = :id")
                .param("action", action).param("id", userId).query(Long.class).single();
    }

    @Test
    void theLoginPageIsVietnamese() throws Exception {
        mvc.perform(get("/login")).andExpect(status().isOk())
                .andExpect(content().contentType("text/html;charset=UTF-8"))
                .andExpect(content().string(containsString("<html lang=\"vi\"")))
                .andExpect(content().string(containsString("Đăng nhập Lan Tỏa")))
                .andExpect(content().string(containsString("Tên đăng nhập")))
                .andExpect(content().string(containsString("name=\"username\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
    }

    @Test
    void anOfficerLogsInAndSeesThemselfAndTheLoginIsAudited() throws Exception {
        Unit unit = unit("Phường thử", null);
        TestUser officer = user(unit, Role.OFFICER);
        MockHttpSession session = login(officer);
        mvc.perform(get("/api/v1/me").session(session)).andExpect(status().isOk())
                .andExpect(jsonPath("$.username").value(officer.username()))
                .andExpect(jsonPath("$.role").value("OFFICER"))
                .andExpect(jsonPath("$.unitId").value(unit.id()))
                .andExpect(jsonPath("$.unitPath").value(unit.path()));
        assertThat(jdbc.sql("""
                select count(*) from audit_entry
                where action = 'LOGIN' and outcome = 'OK' and user_id = :id and unit_id = :unit and source_ip is not null
                """).param("id", officer.id()).param("unit", unit.id()).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theUserNameIsNotCaseSensitive() throws Exception {
        TestUser officer = user(unit("Phường hoa", null), Role.OFFICER);
        assertThat(attempt("  " + officer.username().toUpperCase() + " ", officer.password(), newAddress()))
                .isEqualTo("/");
    }

    @Test
    void unknownUserWrongPasswordAndLockedAccountLookTheSame() throws Exception {
        String address = newAddress();
        TestUser officer = user(unit("Phường khóa", null), Role.OFFICER);
        String unknown = attempt(unique("khongco"), "một mật khẩu bất kỳ dài", address);
        String wrong = attempt(officer.username(), "một mật khẩu bất kỳ dài", address);
        assertThat(unknown).isEqualTo("/login?error").isEqualTo(wrong);
        for (int i = 0; i < 4; i++) {
            attempt(officer.username(), "sai lần nữa " + i, address);
        }
        String locked = attempt(officer.username(), officer.password(), address);
        assertThat(locked).isEqualTo(wrong);
        mvc.perform(get(locked)).andExpect(content().string(containsString("Tên đăng nhập hoặc mật khẩu không đúng")));
    }

    @Test
    void fiveFailuresLockForFifteenMinutesThenTheRightPasswordWorks() throws Exception {
        String address = newAddress();
        TestUser officer = user(unit("Phường mở khóa", null), Role.OFFICER);
        for (int i = 0; i < 4; i++) {
            assertThat(attempt(officer.username(), "mật khẩu sai số " + i, address)).isEqualTo("/login?error");
        }
        // four failures do not lock
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/");
        for (int i = 0; i < 5; i++) {
            attempt(officer.username(), "mật khẩu sai số " + i, address);
        }
        assertThat(audited("LOGIN_LOCKED", officer.id())).isEqualTo(1);
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/login?error");
        assertThat(audited("LOGIN_REFUSED", officer.id())).isEqualTo(1);
        clock.advance(Duration.ofMinutes(14));
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/");
        assertThat(audited("LOGIN_FAILED", officer.id())).isEqualTo(8);
    }

    @Test
    void aSecondLockWithoutASuccessInBetweenLastsLonger() throws Exception {
        String address = newAddress();
        TestUser officer = user(unit("Phường khóa lâu", null), Role.OFFICER);
        for (int i = 0; i < 5; i++) {
            attempt(officer.username(), "sai " + i + " lần đầu", address);
        }
        clock.advance(Duration.ofMinutes(16));
        for (int i = 0; i < 5; i++) {
            attempt(officer.username(), "sai " + i + " lần hai", address);
        }
        clock.advance(Duration.ofMinutes(16));
        assertThat(attempt(officer.username(), officer.password(), address)).as("30 minutes the second time")
                .isEqualTo("/login?error");
        clock.advance(Duration.ofMinutes(15));
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/");
    }

    @Test
    void anAdministratorLiftsALockAtOnce() throws Exception {
        String address = newAddress();
        Unit unit = unit("Phường gỡ khóa", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        TestUser officer = user(unit, Role.OFFICER);
        for (int i = 0; i < 5; i++) {
            attempt(officer.username(), "sai " + i, address);
        }
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/login?error");
        mvc.perform(post("/api/v1/users/" + officer.id() + "/unlock").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.locked").value(false));
        assertThat(attempt(officer.username(), officer.password(), address)).isEqualTo("/");
    }

    @Test
    void aDisabledAccountCannotLogIn() throws Exception {
        Unit unit = unit("Phường vô hiệu", null);
        TestUser admin = user(unit, Role.UNIT_ADMIN);
        TestUser officer = user(unit, Role.OFFICER);
        mvc.perform(post("/api/v1/users/" + officer.id() + "/disable").with(httpBasic(admin.username(), admin.password())))
                .andExpect(status().isOk());
        assertThat(attempt(officer.username(), officer.password(), newAddress())).isEqualTo("/login?error");
        assertThat(audited("LOGIN_REFUSED", officer.id())).isEqualTo(1);
    }

    @Test
    void unknownUsersAreAuditedUnderTheTypedName() throws Exception {
        String name = unique("nobody");
        attempt(name, "mật khẩu gì đó thật dài", newAddress());
        assertThat(jdbc.sql("select count(*) from audit_entry where action = 'LOGIN_FAILED' and username = :u and user_id is null")
                .param("u", name).query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void theHashIsArgon2() {
        TestUser officer = user(unit("Phường băm", null), Role.OFFICER);
        String hash = jdbc.sql("select password_hash from app_user where id = :id").param("id", officer.id())
                .query(String.class).single();
        assertThat(hash).startsWith("{argon2}$argon2id$").doesNotContain(officer.password());
        assertThat(jdbc.sql("select count(*) from app_user where password_hash like '{bcrypt}%'").query(Long.class)
                .single()).isZero();
    }

    @Test
    void aSixtyFourCharacterVietnamesepassphraseCountsToItsLastCharacterAndNfdLogsIn() throws Exception {
        String passphrase = "Trăm năm trong cõi người ta chữ tài chữ mệnh khéo là ghét nhau ạ";
        assertThat(passphrase.codePointCount(0, passphrase.length())).isEqualTo(64);
        // beyond BCrypt's 72 bytes (a 64-character NFC text cannot reach 150 bytes: Vietnamese letters take 1 to 3)
        assertThat(passphrase.getBytes(java.nio.charset.StandardCharsets.UTF_8).length).isGreaterThan(72);
        TestUser officer = user(unit("Phường Kiều", null), Role.OFFICER);
        MockHttpSession session = login(officer);
        mvc.perform(post("/account/password").session(session).with(csrf()).param("currentPassword", officer.password())
                .param("newPassword", passphrase).param("confirmPassword", passphrase))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/"));

        String address = newAddress();
        String sixtyFourthChanged = passphrase.substring(0, passphrase.length() - 1) + "a";
        assertThat(attempt(officer.username(), sixtyFourthChanged, address)).isEqualTo("/login?error");
        assertThat(attempt(officer.username(), passphrase, address)).isEqualTo("/");
        String nfd = Normalizer.normalize(passphrase, Normalizer.Form.NFD);
        assertThat(nfd).isNotEqualTo(passphrase);
        assertThat(attempt(officer.username(), nfd, address)).isEqualTo("/");
    }

    @Test
    void aPasswordSetInNfdLogsInWhenTypedInNfc() throws Exception {
        String nfc = "Đường lên Tây Bắc mùa hoa ban nở";
        TestUser officer = user(unit("Phường Tây Bắc", null), Role.OFFICER);
        String nfd = Normalizer.normalize(nfc, Normalizer.Form.NFD);
        mvc.perform(post("/account/password").session(login(officer)).with(csrf())
                .param("currentPassword", officer.password()).param("newPassword", nfd).param("confirmPassword", nfd))
                .andExpect(redirectedUrl("/"));
        assertThat(attempt(officer.username(), nfc, newAddress())).isEqualTo("/");
    }

    @Test
    void manyFailuresFromOneAddressAreThrottledBeforeAnyPasswordCheck() throws Exception {
        String address = newAddress();
        List<TestUser> sprayed = java.util.stream.IntStream.range(0, 5)
                .mapToObj(i -> user(unit("Phường rải " + i, null), Role.OFFICER)).toList();
        for (int i = 0; i < 20; i++) {
            attempt(sprayed.get(i % 5).username(), "thử mật khẩu phổ biến " + i, address);
        }
        TestUser victim = user(unit("Phường nạn nhân", null), Role.OFFICER);
        assertThat(attempt(victim.username(), victim.password(), address)).isEqualTo("/login?throttled");
        mvc.perform(get("/login?throttled")).andExpect(content().string(containsString("Có quá nhiều lần đăng nhập sai")));
        mvc.perform(get("/api/v1/me").with(httpBasic(victim.username(), victim.password())).with(from(address)))
                .andExpect(status().isTooManyRequests()).andExpect(jsonPath("$.code").value("TOO_MANY_LOGIN_ATTEMPTS"));
        assertThat(attempt(victim.username(), victim.password(), newAddress())).as("another address").isEqualTo("/");
        clock.advance(Duration.ofSeconds(61));
        assertThat(attempt(victim.username(), victim.password(), address)).isEqualTo("/");
    }

    @Test
    void anonymousApiCallsGet401ProblemJsonAndPagesRedirectToLogin() throws Exception {
        mvc.perform(get("/api/v1/users")).andExpect(status().isUnauthorized())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNAUTHENTICATED"))
                .andExpect(jsonPath("$.detail").value("Bạn cần đăng nhập để tiếp tục."));
        mvc.perform(get("/admin/users")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/")).andExpect(status().isFound()).andExpect(redirectedUrl("/login"));
    }

    @Test
    void wrongBasicCredentialsGet401AndCount() throws Exception {
        TestUser officer = user(unit("Phường basic", null), Role.OFFICER);
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), "không đúng đâu nhé")).with(from(newAddress())))
                .andExpect(status().isUnauthorized()).andExpect(jsonPath("$.code").value("UNAUTHENTICATED"));
        assertThat(audited("LOGIN_FAILED", officer.id())).isEqualTo(1);
        mvc.perform(get("/api/v1/me").with(httpBasic(officer.username(), officer.password())))
                .andExpect(status().isOk()).andExpect(jsonPath("$.username").value(officer.username()));
    }
}
