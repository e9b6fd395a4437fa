package vn.lantoa.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import vn.lantoa.browser.BrowserTest;

/**
 * The unit administrator's journey in a real browser (under the real Content-Security-Policy): create a user, issue
 * a new one-time password (confirmed in a dialog opened by account.js), and the new user's first login, which is
 * forced through the change of that password.
 */
class UserAdministrationJourneyTest extends BrowserTest {

    @Test
    void anAdministratorCreatesAUserWhoMustChangeTheOneTimePassword() {
        logIn("ubnd.anduong", "Cang-Bien-Hoa-Phuong-2026");
        open("/admin/users");
        byTestId("user-new").click();
        String username = "tdp." + UUID.randomUUID().toString().substring(0, 8);
        waitFor(By.id("displayName")).sendKeys("Phạm Thị Tổ Trưởng");
        browser.findElement(By.id("username")).sendKeys(username);
        new Select(browser.findElement(By.id("unitId"))).selectByVisibleText("Tổ dân phố số 3 phường An Dương");
        new Select(browser.findElement(By.id("role"))).selectByVisibleText("Cán bộ, chuyên viên");
        browser.findElement(By.cssSelector("form button[type='submit'].btn-primary")).click();
        String first = byTestId("one-time-password").findElement(By.tagName("code")).getText();
        assertThat(first).matches("[a-z2-9]{5}(-[a-z2-9]{5}){3}");

        browser.findElement(By.xpath("//button[normalize-space()='Cấp lại mật khẩu']")).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        String second = byTestId("one-time-password").findElement(By.tagName("code")).getText();
        assertThat(second).isNotEqualTo(first);
        snapshot("user-one-time-password");

        byTestId("logout").click();
        wait.until(ExpectedConditions.urlContains("/login"));
        logIn(username, second);
        wait.until(ExpectedConditions.urlContains("/account/password"));
        assertThat(byTestId("password-forced").getText()).contains("mật khẩu dùng một lần");
        open("/");
        wait.until(ExpectedConditions.urlContains("/account/password"));

        String mine = "Mùa thu lá vàng rơi trên phố cổ";
        browser.findElement(By.id("currentPassword")).sendKeys(second);
        browser.findElement(By.id("newPassword")).sendKeys(mine);
        browser.findElement(By.id("confirmPassword")).sendKeys(mine);
        browser.findElement(By.cssSelector("[data-testid='password-form'] button[type='submit']")).click();
        wait.until(ExpectedConditions.not(ExpectedConditions.urlContains("/account/password")));
        assertThat(byTestId("home-unit").getText()).contains("Tổ dân phố số 3");
        snapshot("first-login-home");
    }
}
