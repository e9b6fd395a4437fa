package vn.lantoa.account.demo;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import vn.lantoa.account.Role;
import vn.lantoa.account.user.UnitDirectory;
import vn.lantoa.account.user.UserManagement;
import vn.lantoa.account.user.Users;
import vn.lantoa.organization.Unit;

/**
 * Tài khoản mẫu: on the first start with {@code lantoa.demo.enabled=true} and no user at all, one user for each main
 * unit of the demo organization (the issuers and standing bodies of the four seed plans) and a system
 * administrator. Their passwords are in the README; they are not forced to change them. The {@code postgres} and
 * {@code prod} profiles turn the demo off: production starts with no users (S-24).
 *
 * <p>Order 20: after the demo organization (order 10), whose units are found by short name.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "lantoa.demo.enabled", havingValue = "true")
class DemoUsers implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

    /** A demo account. Keep README.md's table in step with this list. */
    record DemoUser(String username, String password, String displayName, String unitShortName, Role role) {
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("quantri", "Nui-Chua-Xanh-Ngat-2026", "Quản trị hệ thống", "Tỉnh ủy Ninh Thuận",
                    Role.SYS_ADMIN),
            new DemoUser("thanhuy.prtc", "Thap-Cham-Nang-Vang-2026", "Trần Văn Quản",
                    "Thành ủy Phan Rang - Tháp Chàm", Role.UNIT_ADMIN),
            new DemoUser("lanhdao.prtc", "Vinh-Hy-Bien-Lang-2026", "Nguyễn Thị Lãnh",
                    "Thành ủy Phan Rang - Tháp Chàm", Role.LEADER),
            new DemoUser("btg.prtc", "Gio-Cat-Ninh-Chu-2026", "Lê Thị Tuyên",
                    "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm", Role.OFFICER),
            new DemoUser("ubnd.prtc", "Nho-Xanh-Ruong-Muoi-2026", "Phạm Văn Uỷ",
                    "UBND thành phố Phan Rang - Tháp Chàm", Role.OFFICER),
            new DemoUser("ubnd.kinhdinh", "Song-Dinh-Chay-Mai-2026", "Đặng Thị Phường", "UBND phường Kinh Dinh",
                    Role.OFFICER),
            new DemoUser("ubnd.anduong", "Cang-Bien-Hoa-Phuong-2026", "Vũ Văn Dương", "UBND phường An Dương",
                    Role.UNIT_ADMIN),
            new DemoUser("vhxh.anduong", "Hoa-Phuong-Do-Tham-2026", "Hoàng Thị Hội", "Phòng VH-XH phường An Dương",
                    Role.OFFICER),
            new DemoUser("ubnd.tanuyen", "Gom-Su-Song-Be-2026", "Bùi Văn Uyên", "UBND thành phố Tân Uyên",
                    Role.OFFICER),
            new DemoUser("vhtt.tanuyen", "Cay-Cao-Su-Xanh-2026", "Đỗ Thị Thông", "Phòng VH-TT thành phố Tân Uyên",
                    Role.OFFICER),
            new DemoUser("duk.yenbai", "Ruong-Bac-Thang-Mu-2026", "Hà Văn Khối", "Đảng ủy Khối CQ&DN tỉnh Yên Bái",
                    Role.OFFICER),
            new DemoUser("btg.duk", "Che-Shan-Tuyet-Suoi-2026", "Lò Thị Giáo", "Ban Tuyên giáo Đảng ủy Khối Yên Bái",
                    Role.OFFICER));

    private final Users users;
    private final UnitDirectory units;
    private final UserManagement management;

    DemoUsers(Users users, UnitDirectory units, UserManagement management) {
        this.users = users;
        this.units = units;
        this.management = management;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (users.count() > 0) {
            return;
        }
        int created = 0;
        for (DemoUser demo : USERS) {
            List<Unit> found = units.findByShortName(demo.unitShortName());
            if (found.size() != 1) {
                log.warn("Demo user {} skipped: {} units named \"{}\"", demo.username(), found.size(),
                        demo.unitShortName());
                continue;
            }
            management.createWithPassword(demo.username(), demo.displayName(), found.get(0).id(), demo.role(),
                    demo.password());
            created++;
        }
        log.info("Created {} demo users (passwords in README.md)", created);
    }
}
