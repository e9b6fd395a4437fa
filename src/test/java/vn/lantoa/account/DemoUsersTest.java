package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lantoa.account.user.PasswordPolicy;

/**
 * The demo accounts documented in the README exist when the demo is on (the test profile), log in with the
 * documented password, sit in the documented unit with the documented role, and their passwords pass the policy.
 */
class DemoUsersTest extends AccountTestSupport {

    /** The README's table: user name, password, unit short name, role. */
    static final List<String[]> README = List.of(
            new String[] {"quantri", "Nui-Chua-Xanh-Ngat-2026", "Tỉnh ủy Ninh Thuận", "SYS_ADMIN"},
            new String[] {"thanhuy.prtc", "Thap-Cham-Nang-Vang-2026", "Thành ủy Phan Rang - Tháp Chàm", "UNIT_ADMIN"},
            new String[] {"lanhdao.prtc", "Vinh-Hy-Bien-Lang-2026", "Thành ủy Phan Rang - Tháp Chàm", "LEADER"},
            new String[] {"btg.prtc", "Gio-Cat-Ninh-Chu-2026", "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm", "OFFICER"},
            new String[] {"ubnd.prtc", "Nho-Xanh-Ruong-Muoi-2026", "UBND thành phố Phan Rang - Tháp Chàm", "OFFICER"},
            new String[] {"ubnd.kinhdinh", "Song-Dinh-Chay-Mai-2026", "UBND phường Kinh Dinh", "OFFICER"},
            new String[] {"ubnd.anduong", "Cang-Bien-Hoa-Phuong-2026", "UBND phường An Dương", "UNIT_ADMIN"},
            new String[] {"vhxh.anduong", "Hoa-Phuong-Do-Tham-2026", "Phòng VH-XH phường An Dương", "OFFICER"},
            new String[] {"ubnd.tanuyen", "Gom-Su-Song-Be-2026", "UBND thành phố Tân Uyên", "OFFICER"},
            new String[] {"vhtt.tanuyen", "Cay-Cao-Su-Xanh-2026", "Phòng VH-TT thành phố Tân Uyên", "OFFICER"},
            new String[] {"duk.yenbai", "Ruong-Bac-Thang-Mu-2026", "Đảng ủy Khối CQ&DN tỉnh Yên Bái", "OFFICER"},
            new String[] {"btg.duk", "Che-Shan-Tuyet-Suoi-2026", "Ban Tuyên giáo Đảng ủy Khối Yên Bái", "OFFICER"});

    @Test
    void everyDocumentedDemoAccountWorksAsDocumented() throws Exception {
        PasswordPolicy policy = new PasswordPolicy(14);
        for (String[] account : README) {
            policy.check(account[1], new PasswordPolicy.Context(account[0], account[0], account[2]));
            mvc.perform(get("/api/v1/me").with(httpBasic(account[0], account[1]))).andExpect(status().isOk())
                    .andExpect(jsonPath("$.unitShortName").value(account[2]))
                    .andExpect(jsonPath("$.role").value(account[3]))
                    .andExpect(jsonPath("$.passwordChangeRequired").value(false));
        }
        assertThat(jdbc.sql("select count(*) from app_user where username in ('quantri', 'btg.duk')").query(Long.class)
                .single()).isEqualTo(2);
    }
}
