package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Journey 1 of PRODUCT.md: the standing body imports 354-KH/TU as DOCX, reviews what was read beside the text (the
 * warnings at their place), fixes a field, saves the draft, sees every assignment matched to units, issues it, and the
 * five assigned headings' units get their tasks with the deadlines 10/01/2025 and 15/01/2025.
 */
class PlanImportJourneyTest extends BrowserTest {

    @Autowired
    JdbcClient jdbc;

    static Path seed(String name) {
        return List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds"), Path.of("/work/shared/seeds"))
                .stream().map(d -> d.resolve(name)).filter(Files::isRegularFile).findFirst().orElseThrow()
                .toAbsolutePath().normalize();
    }

    /** Clicks a button wherever it is on a long page (scrolled to the middle of the screen first). */
    void press(String testId) {
        WebElement button = byTestId(testId);
        // a click at the bottom of a very long page can land on the scroll bar: the button is clicked as an element
        ((org.openqa.selenium.JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
    }

    @Test
    void theStandingBodyImportsReviewsFixesAndIssues354() {
        logIn("thanhuy.prtc", "Thap-Cham-Nang-Vang-2026");
        open("/plans");
        byTestId("import").click();
        waitFor(By.id("file")).sendKeys(seed("002_18cca47a10fba1ef.docx").toString());
        byTestId("read").click();

        // the text beside what was read
        assertThat(byTestId("text").getText()).contains("KẾ HOẠCH", "Ban Thường vụ Thành ủy");
        WebElement symbol = browser.findElement(By.id("f/document/symbol"));
        assertThat(symbol.getAttribute("value")).isEqualTo("354-KH/TU");
        assertThat(browser.findElement(By.id("f/document/issuedOn")).getAttribute("value")).isEqualTo("31/12/2024");
        snapshot("plan-import-review");

        // fix a field: the title gets a word it lacked; the symbol is made unique for a shared test database
        String token = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));
        WebElement title = browser.findElement(By.id("f/document/title"));
        String fixed = title.getAttribute("value") + " (bản " + token + ")";
        title.clear();
        title.sendKeys(fixed);
        symbol.clear();
        symbol.sendKeys("354" + token + "-KH/TU");
        WebElement number = browser.findElement(By.id("f/document/number"));
        number.clear();
        number.sendKeys("354" + token);
        press("save-draft");
        if (!browser.findElements(By.cssSelector("[data-testid='again']")).isEmpty()) {
            // this file was imported before (a database shared by test runs): the page asks, the official confirms
            press("again");
            press("save-draft");
        }

        wait.until(ExpectedConditions.urlMatches(".*/plans/[0-9]+$"));
        long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/plans/", ""));
        assertThat(byTestId("status").getText()).isEqualTo("Dự thảo");
        assertThat(byTestId("header").getText()).contains(fixed);
        List<WebElement> matches = browser.findElements(By.cssSelector("[data-testid='match']"));
        assertThat(matches).hasSize(5).allSatisfy(m -> assertThat(m.getAttribute("data-state")).isIn("MATCHED", "GROUP"));
        assertThat(byTestId("assignments").getText()).contains("10/01/2025", "15/01/2025");

        press("issue");
        assertThat(byTestId("notice").getText()).isEqualTo("Đã ban hành kế hoạch.");
        assertThat(byTestId("status").getText()).isEqualTo("Đã ban hành");
        snapshot("plan-issued");

        assertThat(jdbc.sql("select distinct assignment_index from task where plan_id = :id order by assignment_index")
                .param("id", id).query(Integer.class).list()).containsExactly(0, 1, 2, 3, 4);
        assertThat(jdbc.sql("select distinct due_on from task where plan_id = :id and due_on is not null")
                .param("id", id).query(LocalDate.class).list())
                .contains(LocalDate.of(2025, 1, 10), LocalDate.of(2025, 1, 15));
    }
}
