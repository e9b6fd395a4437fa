package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The first journey of any user: the Vietnamese login page, the home page that names the user's unit, and logging out,
 * on a desktop and on a phone-sized screen.
 */
class LoginJourneyTest extends BrowserTest {

    @Test
    void aDemoOfficerLogsInSeesTheirUnitAndLogsOut() {
        open("/");
        wait.until(ExpectedConditions.urlContains("/login"));
        assertThat(browser.findElement(By.tagName("html")).getAttribute("lang")).isEqualTo("vi");
        assertThat(browser.getPageSource()).contains("Đăng nhập");

        logIn("vhxh.anduong", "Hoa-Phuong-Do-Tham-2026");

        assertThat(byTestId("home-unit").getText()).contains("An Dương");
        assertThat(byTestId("home-role").getText()).isEqualTo("Cán bộ, chuyên viên");
        assertThat(byTestId("current-user").getText()).isNotBlank();
        snapshot("home-desktop");

        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        open("/");
        wait.until(ExpectedConditions.urlContains("/login"));
    }

    @Test
    void theHomePageWorksOnAPhoneScreen() {
        browser.manage().window().setSize(new Dimension(390, 844));
        logIn("ubnd.kinhdinh", "Song-Dinh-Chay-Mai-2026");
        assertThat(byTestId("home-unit").getText()).isNotBlank();
        // The menu is collapsed behind the toggler on a phone, and opens on a tap.
        assertThat(browser.findElement(By.cssSelector("[data-testid='logout']")).isDisplayed()).isFalse();
        snapshot("home-phone");
        browser.findElement(By.cssSelector(".navbar-toggler")).click();
        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        // Nothing wider than the screen: no horizontal scrolling on the login page.
        Number scrollWidth = (Number) ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).isLessThanOrEqualTo(390);
    }
}
