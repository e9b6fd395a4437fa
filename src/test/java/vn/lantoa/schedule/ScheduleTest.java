package vn.lantoa.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lantoa.account.Role;
import vn.lantoa.event.EventManagement;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanManagement;

/**
 * The calendar screen, a plan's resolved times over HTTP and the iCalendar feed: a plan tied to a congress without
 * dates says what it waits for; once the administrator sets the dates, the same reads give the dates (Điều 147:
 * after the closing 16/10 is 17/10; one day before the opening 14/10 is 13/10), with nothing stored in between.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ScheduleTest {

    private static final AtomicInteger NUMBERS = new AtomicInteger((int) (System.nanoTime() % 100_000) + 500_000);

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Autowired
    EventManagement events;

    @Autowired
    PlanManagement plans;

    @Autowired
    Schedule schedule;

    PlanFixture tree;
    ScheduleFixture fixture;

    @BeforeEach
    void plan() {
        tree = new PlanFixture(units);
        fixture = new ScheduleFixture(events, plans, tree.city, tree.own, tree.token, NUMBERS.incrementAndGet());
    }

    @Test
    void theCalendarAndThePlansTimesFollowTheCongressDate() throws Exception {
        RequestPostProcessor ward = PlanFixture.as(tree.ward, Role.OFFICER);
        String before = mvc.perform(get("/schedule").param("month", "2025-10").param("view", "list").with(ward))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(before).contains("Trước khai mạc " + tree.token).contains("Chưa xác định: chờ ngày khai mạc của "
                + fixture.congress).doesNotContain("13/10/2025");
        mvc.perform(get("/api/v1/plans/" + fixture.plan.id() + "/times").with(ward)).andExpect(status().isOk())
                .andExpect(jsonPath("$.times[1].pointer").value("/phases/0/end"))
                .andExpect(jsonPath("$.times[1].known").value(false))
                .andExpect(jsonPath("$.times[1].waitingEventId").value(fixture.event.id()));

        fixture.schedule(events, LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 16));

        String after = mvc.perform(get("/schedule").param("month", "2025-10").param("view", "list").with(ward))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(after).contains("data-day=\"13/10/2025\"").contains("Treo băng rôn " + tree.token)
                .contains("data-day=\"17/10/2025\"").contains("Sau bế mạc " + tree.token)
                .contains("data-day=\"14/10/2025\"").contains(fixture.congress)
                .contains("Điều 147");
        mvc.perform(get("/api/v1/plans/" + fixture.plan.id() + "/times").with(ward)).andExpect(status().isOk())
                .andExpect(jsonPath("$.times[1].date").value("2025-10-13"))
                .andExpect(jsonPath("$.times[2].pointer").value("/phases/1/start"))
                .andExpect(jsonPath("$.times[2].date").value("2025-10-17"));
        // another tree's officer does not see the plan
        mvc.perform(get("/api/v1/plans/" + fixture.plan.id() + "/times")
                .with(PlanFixture.as(new PlanFixture(units).ward, Role.OFFICER))).andExpect(status().isNotFound());
        // the month grid (wide screens) has the days too
        assertThat(mvc.perform(get("/schedule").param("month", "2025-10").with(ward)).andReturn().getResponse()
                .getContentAsString()).contains("schedule-grid");
    }

    @Test
    void thePlansTiedToTheCongressAreFoundForTheNoticeOfItsMove() {
        var affected = schedule.tiedTo(fixture.event.id());
        assertThat(affected).filteredOn(a -> a.planId() == fixture.plan.id()).singleElement().satisfies(a -> {
            assertThat(a.issuerUnitId()).isEqualTo(tree.own.id());
            assertThat(a.pointers()).containsExactly("/phases/0/end", "/phases/1/start", "/assignments/0/tasks/0/due");
        });
        // another tree's congress of the same name concerns none of this tree's plans
        PlanFixture other = new PlanFixture(units);
        var elsewhere = events.create(PlanFixture.user(other.city, Role.SYS_ADMIN), new vn.lantoa.event.EventInput(
                fixture.congress, null, other.city.id(), null, null, null, null, null, null, null));
        assertThat(schedule.tiedTo(elsewhere.id())).noneMatch(a -> a.planId() == fixture.plan.id());
    }

    @Test
    void aPhoneSubscribesToTheUnitsFeedUntilItIsRevoked() throws Exception {
        // the feed spans a year back and two ahead of today: a congress in the coming years
        // (in a year where 13/10 is a working day, so that Điều 148 leaves the due where it is)
        int year = LocalDate.now().getYear() + 1;
        while (LocalDate.of(year, 10, 13).getDayOfWeek().getValue() > 5) {
            year++;
        }
        final int y = year;
        fixture.schedule(events, LocalDate.of(y, 10, 14), LocalDate.of(y, 10, 16));
        RequestPostProcessor ward = PlanFixture.as(tree.ward, Role.OFFICER);
        String url = (String) mvc.perform(post("/schedule/feed").with(ward).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("feedUrl");
        assertThat(url).matches("http://localhost/schedule/ics/[A-Za-z0-9_-]{43}\\.ics");
        String path = url.substring("http://localhost".length());

        var feed = mvc.perform(get(path)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(feed.getContentType()).startsWith("text/calendar");
        String ics = feed.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").endsWith("END:VCALENDAR\r\n")
                .contains("DTSTART;VALUE=DATE:" + year + "1013\r\n").contains("DTSTART;VALUE=DATE:" + year + "1014\r\n")
                .contains("DTEND;VALUE=DATE:" + year + "1017\r\n");
        assertThat(ics.replace("\r\n ", "")).contains("SUMMARY:Hạn: Treo băng rôn " + tree.token);
        assertThat(feed.getCookies()).isEmpty();

        mvc.perform(get("/schedule/ics/" + "x".repeat(43) + ".ics")).andExpect(status().isNotFound());
        mvc.perform(post("/schedule/feed/revoke").with(ward).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(get(path)).andExpect(status().isNotFound());
    }
}
