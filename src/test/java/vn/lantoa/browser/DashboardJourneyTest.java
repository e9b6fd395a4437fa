package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.crypto.password.PasswordEncoder;

import vn.lantoa.account.Role;
import vn.lantoa.account.user.Users;
import vn.lantoa.activity.BulkActivities;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanManagement;

/**
 * On a phone (390 px): a ward records activities from the plan's Excel template — a file with one bad row is refused
 * whole, naming the row and the column, and nothing is recorded; the corrected file records every row — then the
 * city's leader reads the plan's dashboard (report states in the officials' words, charts drawn as SVG with their
 * tables), without sideways scrolling.
 */
class DashboardJourneyTest extends BrowserTest {

    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    Users users;
    @Autowired
    PasswordEncoder encoder;
    @Autowired
    BulkActivities bulk;

    @Test
    void aWardUploadsActivitiesFromExcelAndTheLeaderReadsTheDashboardOnAPhone() throws Exception {
        ReportingWorld world = new ReportingWorld(units, plans);
        String password = "Theo-Doi-Ke-Hoach-2026";
        String ward = user(world.ward1, "phuong", Role.OFFICER, password);
        String leader = user(world.city, "lanhdao", Role.LEADER, password);
        byte[] template = bulk.template(PlanFixture.user(world.ward1, Role.OFFICER), world.plan);
        Path bad = file(template, new String[][] {
            {"Hội nghị báo cáo viên " + world.token, "10/02/2025", "Tuyên truyền miệng", "attendees", "80"},
            {"Treo băng rôn " + world.token, "31/02/2025", "Cổ động trực quan", "banners", "25"}});
        Path good = file(template, new String[][] {
            {"Hội nghị báo cáo viên " + world.token, "10/02/2025", "Tuyên truyền miệng", "attendees", "80"},
            {"Treo băng rôn " + world.token, "12/02/2025", "Cổ động trực quan", "banners", "25"}});

        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        logIn(ward, password);
        open("/activities?plan=" + world.plan);
        new Select(waitFor(By.id("bulk-plan"))).selectByValue(String.valueOf(world.plan));
        assertThat(byTestId("bulk-template").getAttribute("href"))
                .endsWith("/api/v1/plans/" + world.plan + "/activities-template.xlsx");
        browser.findElement(By.id("bulk-file")).sendKeys(bad.toString());
        press("bulk-upload");
        String errors = byTestId("bulk-errors").getText();
        assertThat(errors).contains("3").contains("Ngày bắt đầu").contains("31/02/2025");
        assertThat(byTestId("bulk-error").getText()).contains("chưa ghi nhận hoạt động nào");
        assertThat(browser.findElements(By.cssSelector("[data-testid='activities'] [data-activity-id]"))).isEmpty();
        assertNoSidewaysScrolling();
        snapshot("bulk-one-bad-row");

        new Select(waitFor(By.id("bulk-plan"))).selectByValue(String.valueOf(world.plan));
        browser.findElement(By.id("bulk-file")).sendKeys(good.toString());
        press("bulk-upload");
        assertThat(byTestId("done").getText()).contains("2 hoạt động");
        assertThat(byTestId("activities").getText()).contains("Hội nghị báo cáo viên " + world.token)
                .contains("Treo băng rôn " + world.token);
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));

        logIn(leader, password);
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        byTestId("nav-dashboard").click();
        new Select(waitFor(By.id("plan"))).selectByValue(String.valueOf(world.plan));
        browser.findElement(By.cssSelector("[data-testid='dashboard-pick'] button[type='submit']")).click();
        assertThat(byTestId("dashboard-heading").getText()).contains(world.city.name());
        // no ward reported: every past period's reports are overdue, none done
        assertThat(Long.parseLong(byTestId("overdue").getText())).isGreaterThan(0);
        assertThat(byTestId("done-on-time").getText()).isEqualTo("0");
        assertThat(byTestId("compliance").getText()).contains("Hoàn thành đúng hạn", "Hoàn thành quá hạn",
                "Đang thực hiện trong hạn", "Quá hạn chưa hoàn thành");
        WebElement months = byTestId("months-chart");
        assertThat(months.getTagName()).isEqualTo("svg");
        assertThat(months.getSize().getWidth()).isBetween(200, 390);
        assertThat(byTestId("reports-chart").findElements(By.tagName("rect"))).isNotEmpty();
        WebElement children = byTestId("children-table");
        assertThat(children.findElement(By.cssSelector("[data-unit-id='" + world.ward1.id() + "']")).getText())
                .contains("2");
        assertNoSidewaysScrolling();
        snapshot("dashboard-phone");
    }

    private void assertNoSidewaysScrolling() {
        // the page is no wider than what the screen shows beside its scroll bar
        Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        Number clientWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.clientWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(Math.min(390, clientWidth.intValue()));
    }

    /** The template filled with rows: title, start day, channel, indicator code, quantity. */
    private static Path file(byte[] template, String[][] rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("Hoạt động");
            Row header = sheet.getRow(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                row.createCell(0).setCellValue(rows[r][0]);
                row.createCell(1).setCellValue(rows[r][1]);
                row.createCell(3).setCellValue(rows[r][2]);
                for (int c = 0; c < header.getLastCellNum(); c++) {
                    if (header.getCell(c).getStringCellValue().endsWith("[" + rows[r][3] + "]")) {
                        row.createCell(c).setCellValue(Double.parseDouble(rows[r][4]));
                    }
                }
            }
            wb.write(out);
            Path file = Files.createTempFile("hoat-dong", ".xlsx");
            Files.write(file, out.toByteArray());
            return file;
        }
    }

    private void press(String testId) {
        WebElement button = byTestId(testId);
        ((JavascriptExecutor) browser).executeScript(
                "arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", button);
        wait.until(ExpectedConditions.elementToBeClickable(button)).click();
    }

    private String user(Unit unit, String label, Role role, String password) {
        String name = "td." + label + "." + System.nanoTime();
        users.insert(name, "Cán bộ " + label, unit.id(), role, encoder.encode(password), false, Instant.now());
        return name;
    }
}
