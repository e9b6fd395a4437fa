package vn.lantoa.activity;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;

import javax.imageio.ImageIO;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;

/**
 * A tree for execution and reporting tests, under names no other test uses: province ⊃ city ⊃ {ward1, ward2, ward3}
 * and province ⊃ district; a plan issued by the province with the Party's quarterly dates (units by 15/3, 15/6, 15/9,
 * 15/12; consolidation by 20/3 …).
 */
public final class ReportingWorld {

    public final String token = TestActor.token();
    public final Unit province;
    public final Unit city;
    public final Unit ward1;
    public final Unit ward2;
    public final Unit ward3;
    public final Unit district;
    public final long plan;

    public ReportingWorld(UnitManagement units, PlanManagement plans) {
        province = create(units, null, "Tỉnh ủy BC " + token);
        city = create(units, province, "Thành ủy BC " + token);
        ward1 = create(units, city, "Đảng ủy phường Một " + token);
        ward2 = create(units, city, "Đảng ủy phường Hai " + token);
        ward3 = create(units, city, "Đảng ủy phường Ba " + token);
        district = create(units, province, "Huyện ủy BC " + token);
        CurrentUser issuer = PlanFixture.user(province, Role.OFFICER);
        long id = plans.create(issuer, PlanInput.parse(planJson("Tuyên truyền Đại hội " + token))).id();
        plans.issue(issuer, id, null);
        plan = id;
    }

    private static Unit create(UnitManagement units, Unit parent, String name) {
        return units.create(TestActor.admin(), new NewUnit(parent == null ? null : parent.id(), name, null,
                UnitKind.PARTY_COMMITTEE, null, null, java.time.LocalDate.of(2020, 1, 1)));
    }

    public static CurrentUser officer(Unit unit) {
        return PlanFixture.user(unit, Role.OFFICER);
    }

    /** A plan document with the Party's quarterly reporting dates of 2025. */
    public static String planJson(String title) {
        return """
                {
                  "format": "lantoa.plan/1",
                  "document": {
                    "kind": "KH", "number": "77", "symbol": "77-KH/TU", "system": "party", "issuedOn": "2024-12-20",
                    "place": "Phan Rang - Tháp Chàm", "issuer": "Ban Thường vụ Tỉnh ủy", "title": "TITLE",
                    "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
                  },
                  "phases": [ { "label": "Đợt 1", "title": "Cao điểm", "start": { "date": "2025-01-01" },
                                "end": { "month": "2025-06" }, "content": [], "phases": [] } ],
                  "channels": [ { "kind": "oral", "title": "Tuyên truyền miệng", "items": [] },
                                { "kind": "visual", "title": "Cổ động trực quan", "items": [] } ],
                  "assignments": [ { "unit": "Các huyện ủy, thành ủy", "role": "lead",
                                     "tasks": [ { "text": "Báo cáo kết quả", "due": { "date": "2025-03-15" },
                                                  "kind": "report" } ] } ],
                  "reporting": [ { "from": "Các huyện ủy, thành ủy", "to": "Ban Thường vụ Tỉnh ủy",
                                   "via": "Ban Tuyên giáo Tỉnh ủy", "frequency": "quarterly",
                                   "due": [ { "date": "2025-03-15" }, { "date": "2025-06-15" },
                                            { "date": "2025-09-15" }, { "date": "2025-12-15" },
                                            { "date": "2025-03-20" }, { "date": "2025-06-20" },
                                            { "date": "2025-09-20" }, { "date": "2025-12-20" } ] } ],
                  "recipients": [ "Lưu Văn phòng" ]
                }
                """.replace("TITLE", title);
    }

    /** A small photo. */
    public static byte[] photo(String format, int width, int height) {
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, width / 2, height / 2);
        g.dispose();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            ImageIO.write(image, format, out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
