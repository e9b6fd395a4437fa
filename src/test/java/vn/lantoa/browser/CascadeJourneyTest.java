package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.Users;
import vn.lantoa.cascade.CascadeIssuing;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;

/**
 * Journey 2 of PRODUCT.md, the assigned unit: the city sees its task from the province's 354-KH/TU, derives its own
 * plan with "Xây dựng kế hoạch thực hiện", gives it to its units and issues it (the plan module's editing, through its
 * services here), and the province's cascade view shows the city as issued on time, with what its plan left out.
 */
class CascadeJourneyTest extends BrowserTest {

    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    CascadeIssuing issuing;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;

    static final String PARENT = """
            {
              "format": "lantoa.plan/1",
              "document": { "kind": "KH", "number": "354", "symbol": "354-KH/TU", "system": "party",
                "issuedOn": "ISSUED", "issuer": "Ban Thường vụ Tỉnh ủy", "title": "tuyên truyền Đại hội TOKEN",
                "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" } },
              "events": [],
              "phases": [ { "label": "Đợt 1", "title": "Trước Đại hội", "content": [ "Treo băng rôn" ], "phases": [] },
                          { "label": "Đợt 2", "title": "Học tập, quán triệt Nghị quyết", "content": [], "phases": [] } ],
              "channels": [ { "kind": "mass_media", "title": "Báo chí", "items": [] } ],
              "themes": [ "Niềm tin mới, khí thế mới" ],
              "assignments": [ { "unit": "CITY", "role": "lead", "tasks": [
                  { "text": "Xây dựng kế hoạch tuyên truyền Đại hội TOKEN", "due": { "date": "DUE" }, "kind": "plan" } ] } ],
              "recipients": [ "Lưu" ]
            }
            """;

    @Test
    void theCitySeesItsTaskDerivesItsPlanIssuesItAndTheProvinceSeesItOnTimeWithWhatItLeftOut() {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        LocalDate today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        String json = PARENT.replace("TOKEN", tree.token).replace("CITY", tree.city.name())
                .replace("ISSUED", today.minusDays(2).toString()).replace("DUE", today.plusDays(10).toString());
        StoredPlan parent = plans.issue(provinceOfficer, plans.create(provinceOfficer, PlanInput.parse(json)).id(),
                null);
        issuing.issued(new PlanIssued(parent.id(), 1, tree.province.id(), "354-KH/TU", today.minusDays(2),
                Instant.now(), List.of(), List.of(new PlanIssued.AssignedUnit(tree.city.id(), 0,
                        vn.lantoa.planformat.Role.LEAD))));
        String password = "Cay-Bang-Lang-Tim-2026";
        String cityUser = account(tree.city, "tp", password);
        String provinceUser = account(tree.province, "tinh", password);

        // the city's officer sees the task, as the province wrote it, and derives the city's plan
        logIn(cityUser, password);
        byTestId("nav-tasks").click();
        WebElement task = waitFor(By.xpath("//*[@data-testid='task-text'][contains(., '" + tree.token + "')]"));
        assertThat(task.getText()).isEqualTo("Xây dựng kế hoạch tuyên truyền Đại hội " + tree.token);
        assertThat(browser.getPageSource()).contains("354-KH/TU").contains("Sao chép để gửi Zalo");
        snapshot("cascade-tasks");
        byTestId("derive").click();
        wait.until(ExpectedConditions.urlMatches(".*/plans/\\d+$"));
        long draftId = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/plans/", ""));
        assertThat(browser.getPageSource()).contains("tuyên truyền Đại hội " + tree.token);

        // the city gives the plan to its units and issues it (today: on time); it keeps phase 1 only, no theme
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        StoredPlan draft = plans.get(cityOfficer, draftId);
        Plan p = draft.plan();
        DocumentHeader d = p.document();
        List<Assignment> assignments = new ArrayList<>();
        for (Unit unit : List.of(tree.own, tree.front)) {
            assignments.add(new Assignment(unit.name(), vn.lantoa.planformat.Role.LEAD, List.of(
                    new Task("Xây dựng kế hoạch thực hiện", TimeRef.day(today.plusDays(20)), TaskKind.PLAN))));
        }
        Plan filled = new Plan(new DocumentHeader(d.kind(), "12", "12-KH/UBND", d.system(), today, null, d.issuer(),
                d.title(), new Signer("Nguyễn Văn A", "Chủ tịch", "TM.")), p.bases(), p.citations(), p.events(),
                List.of(p.phases().get(0), p.phases().get(1)), p.channels(), List.of(), p.slogans(), assignments,
                p.reporting(), p.recipients(), p.warnings());
        plans.save(cityOfficer, draftId, new PlanInput(filled, null, draft.version()), null);
        StoredPlan issued = plans.issue(cityOfficer, draftId, null);
        issuing.issued(new PlanIssued(issued.id(), 1, tree.city.id(), "12-KH/UBND", today, Instant.now(),
                List.of(parent.id()), List.of(new PlanIssued.AssignedUnit(tree.own.id(), 0,
                        vn.lantoa.planformat.Role.LEAD), new PlanIssued.AssignedUnit(tree.front.id(), 1,
                                vn.lantoa.planformat.Role.LEAD))));

        // the province's cascade view: the city issued on time; its units have nothing yet; the theme left out
        browser.manage().deleteAllCookies();
        logIn(provinceUser, password);
        open("/plans/" + parent.id() + "/cascade");
        WebElement city = waitFor(By.cssSelector("[data-unit='" + tree.city.id() + "']"));
        assertThat(city.getAttribute("data-state")).isEqualTo("ON_TIME");
        assertThat(city.findElement(By.cssSelector("[data-testid='state']")).getText()).isEqualTo("Đúng hạn");
        assertThat(city.getText()).contains("12-KH/UBND").contains("0/2");
        snapshot("cascade-view");
        city.findElement(By.cssSelector("[data-testid='coverage']")).click();
        WebElement themes = byTestId("coverage-themes");
        assertThat(themes.findElement(By.cssSelector("[data-carried]")).getAttribute("data-carried"))
                .isEqualTo("false");
        assertThat(themes.getText()).contains("Niềm tin mới, khí thế mới").contains("Bỏ sót");
        assertThat(byTestId("coverage-tasks").getText()).contains("Có");
        snapshot("cascade-coverage");
    }

    private String account(Unit unit, String label, String password) {
        String name = "hanh-trinh2." + label + "." + unit.id();
        users.insert(name, "Cán bộ " + label, unit.id(), Role.OFFICER, encoder.encode(password), false,
                Instant.now());
        return name;
    }
}
