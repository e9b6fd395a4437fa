package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;

import vn.lantoa.event.EventManagement;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.schedule.ScheduleFixture;

/**
 * Journey 5 of PRODUCT.md: the administrator sets the date of the city's congress, and the phases tied to it get
 * dates on the plan and in the calendar — "trước phiên khai mạc 01 ngày" with the opening on 14/10/2025 is 13/10/2025,
 * "sau khi bế mạc" on 16/10/2025 starts on 17/10/2025 (Điều 147) — on a desktop and on a phone-sized screen.
 */
class EventDateJourneyTest extends BrowserTest {

    @Autowired
    EventManagement events;

    @Autowired
    PlanManagement plans;

    @Autowired
    Units units;

    @Test
    void theAdministratorSetsTheCongressDateAndThePhasesGetDatesInTheCalendar() {
        String token = vn.lantoa.organization.TestActor.token();
        Unit city = units.byShortName("Thành ủy Phan Rang - Tháp Chàm").orElseThrow();
        Unit board = units.byShortName("Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm").orElseThrow();
        ScheduleFixture fixture = new ScheduleFixture(events, plans, city, board, token,
                (int) (System.nanoTime() % 100_000) + 700_000);

        // before: the officer's calendar says what the phases wait for
        logIn("btg.prtc", "Gio-Cat-Ninh-Chu-2026");
        open("/schedule?month=2025-10&view=list");
        assertThat(byTestId("schedule-waiting").getText()).contains("Trước khai mạc " + token)
                .contains("chờ ngày khai mạc của " + fixture.congress);
        logOut();

        // the administrator finds the congress and sets its dates
        logIn("quantri", "Nui-Chua-Xanh-Ngat-2026");
        open("/events?q=" + token);
        waitFor(By.cssSelector("[data-event-id='" + fixture.event.id() + "']")).click();
        assertThat(byTestId("event-name").getText()).isEqualTo(fixture.congress);
        byTestId("event-start").sendKeys("14/10/2025");
        byTestId("event-end").sendKeys("16/10/2025");
        byTestId("event-save").click();
        assertThat(byTestId("event-saved").getText()).isNotBlank();
        assertThat(byTestId("event-start").getAttribute("value")).isEqualTo("14/10/2025");
        snapshot("journey5-event-dates");
        logOut();

        // after: the same calendar has the dates, with the rule beside them
        logIn("btg.prtc", "Gio-Cat-Ninh-Chu-2026");
        byTestId("nav-schedule").click();
        open("/schedule?month=2025-10&view=list");
        assertThat(entries("13/10/2025")).anyMatch(t -> t.contains("Trước khai mạc " + token))
                .anyMatch(t -> t.contains("Treo băng rôn " + token));
        assertThat(entries("14/10/2025")).anyMatch(t -> t.contains(fixture.congress));
        assertThat(entries("17/10/2025")).anyMatch(t -> t.contains("Sau bế mạc " + token) && t.contains("Điều 147"));
        assertThat(browser.findElements(By.cssSelector("[data-testid='schedule-waiting']"))).isEmpty();
        snapshot("journey5-calendar-list");

        // the month grid on a desktop
        open("/schedule?month=2025-10");
        WebElement day = waitFor(By.cssSelector("[data-testid='schedule-grid'] td[data-day='13/10/2025']"));
        assertThat(day.getText()).contains("Trước khai mạc " + token);
        snapshot("journey5-calendar-month");

        // on a phone: the list, nothing wider than the screen
        browser.manage().window().setSize(new Dimension(390, 844));
        open("/schedule?month=2025-10");
        assertThat(entries("13/10/2025")).anyMatch(t -> t.contains("Trước khai mạc " + token));
        Number scrollWidth = (Number) ((JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
        snapshot("journey5-calendar-phone");
    }

    private List<String> entries(String day) {
        waitFor(By.cssSelector("[data-testid='schedule-list']"));
        return browser.findElements(By.cssSelector("[data-testid='schedule-entry'][data-day='" + day + "']")).stream()
                .filter(WebElement::isDisplayed).map(WebElement::getText).toList();
    }

    private void logOut() {
        if (!browser.findElement(By.cssSelector("[data-testid='logout']")).isDisplayed()) {
            browser.findElement(By.cssSelector(".navbar-toggler")).click();
        }
        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
    }
}
