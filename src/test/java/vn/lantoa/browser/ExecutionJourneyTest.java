package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.lantoa.account.Role;
import vn.lantoa.account.user.Users;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * Journeys 3 and 4 of PRODUCT.md: a ward records three activities on two channels with a photo each, its report for
 * the current period is drafted from them and it submits it on time; the standing body's consolidation shows the
 * totals per channel over its subtree and the units that did not report.
 */
class ExecutionJourneyTest extends BrowserTest {

    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;

    @Test
    void aWardRecordsThreeActivitiesSubmitsItsReportAndTheStandingBodySeesTheConsolidation() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        String password = "Bao-Cao-Quy-Mot-2026";
        String ward = user(world.ward1, "phuong", password);
        String city = user(world.city, "thanhpho", password);
        String today = LocalDate.now(java.time.ZoneId.of("Asia/Ho_Chi_Minh"))
                .format(DateTimeFormatter.ofPattern("dd/MM/yyyy"));
        Path photo = Files.createTempFile("anh-hoat-dong", ".jpg");
        Files.write(photo, ReportingWorld.photo("jpg", 640, 480));

        // journey 3: the ward, on a phone-sized screen
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        logIn(ward, password);
        String[][] activities = {
            {"Hội nghị học tập chuyên đề", "oral", "attendees", "120"},
            {"Tuyên truyền miệng tại tổ dân phố", "oral", "attendees", "45"},
            {"Treo băng rôn chào mừng Đại hội", "visual", "banners", "30"}};
        for (String[] a : activities) {
            open("/activities/new?plan=" + world.plan);
            byTestId("title").sendKeys(a[0]);
            new Select(byTestId("channel")).selectByValue(a[1]);
            byTestId("startsOn").sendKeys(today);
            byTestId("output-" + a[2]).sendKeys(a[3]);
            browser.findElement(By.cssSelector("[data-testid='files']")).sendKeys(photo.toString());
            // the form fits the phone: no sideways scrolling
            Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript("return document.documentElement.scrollWidth");
            assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
            press("save");
            assertThat(byTestId("done").getText()).contains(a[0]);
        }
        assertThat(browser.findElements(By.cssSelector("[data-testid='activities'] img"))).hasSize(3);
        snapshot("journey3-activities");

        open("/reports?plan=" + world.plan);
        String figures = byTestId("figures").getText();
        assertThat(figures).contains("165").contains("30");
        assertThat(byTestId("report-completion").getText()).isEqualTo("đang thực hiện trong hạn");
        byTestId("results").sendKeys("Tổ chức 2 buổi tuyên truyền miệng với 165 lượt người; treo 30 băng rôn.");
        press("save-report");
        byTestId("done");
        press("submit-report");
        wait.until(ExpectedConditions.textToBe(By.cssSelector("[data-testid='report-status']"), "Đã gửi"));
        assertThat(byTestId("report-completion").getText()).isEqualTo("hoàn thành đúng hạn");
        snapshot("journey3-report");
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));

        // journey 4: the standing body (the city) reads the consolidation
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        logIn(city, password);
        open("/plans/" + world.plan + "/consolidation");
        assertThat(byTestId("totals").getText()).contains("165").contains("30");
        assertThat(browser.findElements(By.cssSelector("[data-testid='channel-bar']"))).hasSize(2);
        String children = byTestId("children").getText();
        assertThat(children).contains("Đảng ủy phường Hai " + world.token).contains("Chưa báo cáo");
        assertThat(byTestId("compliance").getText()).contains("1 gửi đúng hạn").contains("2 chưa báo cáo");
        snapshot("journey4-consolidation");
    }

    /** Clicks a button after scrolling it to the middle of the screen (the phone's screen is short), at once: Bootstrap makes scrolling smooth, and a click during the animation lands on another element. */
    private void press(String testId) {
        org.openqa.selenium.WebElement button = byTestId(testId);
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private String user(Unit unit, String label, String password) {
        String name = "bc." + label + "." + System.nanoTime();
        users.insert(name, "Cán bộ " + label, unit.id(), Role.OFFICER, encoder.encode(password), false, Instant.now());
        return name;
    }
}
