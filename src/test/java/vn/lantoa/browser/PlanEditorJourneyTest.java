package vn.lantoa.browser;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * The plan editor on a phone (390 px): an officer writes a plan from a blank page ("Soạn kế hoạch mới"), adds a
 * phase, an assignment and a task with its kind and due date, each row added without losing what was typed, saves,
 * and sees them on the plan's read view with the due date resolved.
 */
class PlanEditorJourneyTest extends BrowserTest {

    /** Clicks a button wherever it is on a long page. */
    private void press(String testId) {
        WebElement button = byTestId(testId);
        ((JavascriptExecutor) browser).executeScript("arguments[0].click();", button);
    }

    private WebElement field(String name) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.id(name)));
    }

    private void type(String name, String text) {
        WebElement f = field(name);
        ((JavascriptExecutor) browser).executeScript("arguments[0].scrollIntoView({block: 'center'});", f);
        f.clear();
        f.sendKeys(text);
    }

    @Test
    void anOfficerWritesAPlanWithAPhaseAndAnAssignmentOnAPhone() {
        logIn("thanhuy.prtc", "Thap-Cham-Nang-Vang-2026");
        browser.manage().window().setSize(new Dimension(390, 844));
        String token = Long.toString(ThreadLocalRandom.current().nextLong(1_000_000, 9_999_999));

        open("/plans");
        press("new");
        type("f/document/title", "tuyên truyền thử trình soạn " + token);

        press("add/phases");
        type("f/phases/0/label", "Đợt 1");
        assertThat(field("f/document/title").getAttribute("value")).as("typed before the row was added")
                .isEqualTo("tuyên truyền thử trình soạn " + token);
        type("f/phases/0/title", "Cao điểm tuyên truyền " + token);
        new Select(field("t/phases/0/start/shape")).selectByValue("month");
        WebElement month = field("t/phases/0/start/text");
        assertThat(month.isDisplayed()).as("the month's input shows for the shape chosen").isTrue();
        assertThat(field("t/phases/0/start/event").isDisplayed()).as("the event's input hides").isFalse();
        month.sendKeys("12/2024");

        press("add/assignments");
        type("f/assignments/0/unit", "Ban Tuyên giáo Thành ủy");
        press("add/assignments/0/tasks");
        type("f/assignments/0/tasks/0/text", "Báo cáo kết quả " + token);
        new Select(field("f/assignments/0/tasks/0/kind")).selectByValue("report");
        new Select(field("t/assignments/0/tasks/0/due/shape")).selectByValue("date");
        type("t/assignments/0/tasks/0/due/text", "15/01/2025");
        assertThat(field("t/phases/0/start/text").getAttribute("value")).isEqualTo("12/2024");
        snapshot("plan-editor-phone");

        press("save");
        wait.until(ExpectedConditions.urlMatches(".*/plans/[0-9]+$"));
        assertThat(byTestId("status").getText()).isEqualTo("Dự thảo");
        assertThat(byTestId("header").getText()).contains("tuyên truyền thử trình soạn " + token);
        assertThat(byTestId("phases").getText()).contains("Đợt 1", "Cao điểm tuyên truyền " + token, "tháng 12/2024",
                "01/12/2024");
        WebElement assignments = byTestId("assignments");
        assertThat(assignments.getText()).contains("Ban Tuyên giáo Thành ủy", "Báo cáo kết quả " + token,
                "15/01/2025");
        // "trước ngày 15/01/2025", read strictly: due by the end of 14/01/2025
        assertThat(byTestId("due-resolved").getText()).contains("14/01/2025");
        snapshot("plan-editor-saved");
    }
}
