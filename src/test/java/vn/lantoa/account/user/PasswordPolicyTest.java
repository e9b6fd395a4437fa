package vn.lantoa.account.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.text.Normalizer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lantoa.shared.Problem;

/** S-20 (length), S-21 (common passwords and context words), S-22 (no composition rules). */
class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy(14);
    private final PasswordPolicy.Context context = new PasswordPolicy.Context("nguyen.van.an", "Nguyễn Văn An",
            "UBND phường An Dương");

    private String code(String password) {
        try {
            policy.check(password, context);
            return "OK";
        } catch (Problem problem) {
            return problem.code();
        }
    }

    @Test
    void s20LengthIsCountedInCharactersAfterNfc() {
        assertThat(code("Hoa sen nở rộ")).isEqualTo("PASSWORD_TOO_SHORT"); // 13
        assertThat(code("Hoa sen nở rộ!")).isEqualTo("OK"); // 14
        String nfd = Normalizer.normalize("Hoa sen nở rộ!", Normalizer.Form.NFD);
        assertThat(nfd.length()).isGreaterThan(14);
        assertThat(code(Normalizer.normalize("Hoa sen nở rộ", Normalizer.Form.NFD))).isEqualTo("PASSWORD_TOO_SHORT");
    }

    @Test
    void s20OneHundredTwentyEightCharactersAreAcceptedAndMoreAreNot() {
        String base = "Sóng biển vỗ rì rào bên bờ cát trắng, gió chiều thổi nhẹ qua hàng phi lao xanh mướt, "
                + "thuyền về bến đỗ khi hoàng hôn buông xuống trên biển";
        String exactly128 = base.substring(0, 128);
        assertThat(exactly128.codePointCount(0, exactly128.length())).isEqualTo(128);
        assertThat(code(exactly128)).isEqualTo("OK");
        assertThat(code(exactly128 + "x")).isEqualTo("PASSWORD_TOO_LONG");
    }

    @ParameterizedTest
    @ValueSource(strings = {"password12345678", "qwertyuiopasdfgh", "1234567890123456", "iloveyou12345678",
        "Anh yêu em nhiều lắm", "anhyeuemnhieulam", "!!sunshine2025!!", "aaaaaaaaaaaaaaaa", "abababababababab"})
    void s21CommonPasswordsAreRefused(String password) {
        assertThat(code(password)).isIn("PASSWORD_COMMON", "PASSWORD_CONTEXT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"lantoa-rat-hay-2026", "Mật khẩu ngày xuân 2026", "nguyen.van.an.thich.hoa", "Tôi là Nguyễn Văn An đây",
        "UBND phường An Dương số 1", "day la 123456 so dep"})
    void s21ContextWordsAreRefused(String password) {
        assertThat(code(password)).isEqualTo("PASSWORD_CONTEXT");
    }

    @ParameterizedTest
    @ValueSource(strings = {"con cò bay lả bay la", "trang-mai-xanh-ve-dem", "Đà Lạt mù sương 1987",
        "correct horse battery staple"})
    void s22LongPassphrasesNeedNoDigitsCapitalsOrSymbols(String password) {
        assertThatCode(() -> policy.check(password, context)).doesNotThrowAnyException();
    }

    @Test
    void theBundledListsAreLoaded() {
        assertThat(policy.isCommon("baseball")).isTrue();
        assertThat(policy.isCommon("motconvit")).isTrue();
        assertThat(policy.isCommon("một con vịt")).isTrue();
        assertThat(policy.isCommon("Sông Hương núi Ngự")).isFalse();
        assertThatThrownBy(() -> policy.check(null, null)).isInstanceOf(Problem.class);
    }
}
