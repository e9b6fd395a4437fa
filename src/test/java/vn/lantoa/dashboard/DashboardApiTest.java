package vn.lantoa.dashboard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.activity.ActivityManagement;
import vn.lantoa.activity.NewActivity;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportManagement;

/**
 * The dashboard of a plan for a unit: the reports' states per period in the officials' words, the outputs per period,
 * month, phase and child unit, deadlines; the page draws the same figures (inline SVG with tables); who may see it.
 */
@SpringBootTest
@AutoConfigureMockMvc
class DashboardApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    ActivityManagement activities;
    @Autowired
    ReportManagement reports;

    final JsonMapper json = JsonMapper.builder().build();
    ReportingWorld world;

    @BeforeEach
    void world() {
        world = new ReportingWorld(units, plans);
        CurrentUser ward1 = ReportingWorld.officer(world.ward1);
        CurrentUser ward2 = ReportingWorld.officer(world.ward2);
        record(ward1, "Hội nghị báo cáo viên", "oral", LocalDate.of(2025, 2, 10), null, Map.of("attendees", 150L));
        record(ward1, "Nói chuyện chuyên đề", "oral", LocalDate.of(2025, 4, 20), null, Map.of("attendees", 40L));
        record(ward2, "Treo băng rôn", "visual", LocalDate.of(2025, 2, 12), "Đợt 1", Map.of("banners", 40L));
        // ward 1 reports on Q1 2025 (today, long after 15/03/2025: done late); wards 2 and 3 do not
        Report q1 = reports.find(ward1, world.plan, null, "2025-Q1");
        reports.submit(ward1, q1.id(), UUID.randomUUID().toString());
    }

    void record(CurrentUser user, String title, String channel, LocalDate day, String phase, Map<String, Long> out) {
        activities.record(user, new NewActivity(world.plan, title + " " + world.token, channel, day, null, phase, null,
                null, null, false, out, List.of()), List.of());
    }

    JsonNode dashboard(CurrentUser user, Long unit) throws Exception {
        var request = get("/api/v1/plans/" + world.plan + "/dashboard").with(as(user));
        if (unit != null) {
            request.param("unit", String.valueOf(unit));
        }
        return json.readTree(mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    static JsonNode find(JsonNode array, String member, String value) {
        for (JsonNode n : array) {
            if (n.get(member).asString().equals(value)) {
                return n;
            }
        }
        throw new AssertionError("no " + member + "=" + value + " in " + array);
    }

    @Test
    void theCitySeesItsWardsReportsAndOutputsPerPeriodMonthPhaseAndWard() throws Exception {
        JsonNode d = dashboard(ReportingWorld.officer(world.city), null);
        assertThat(d.get("unitId").asLong()).isEqualTo(world.city.id());
        assertThat(d.get("planId").asLong()).isEqualTo(world.plan);

        // Q1 2025: ward 1 reported late, wards 2 and 3 not at all, long past 15/03/2025
        JsonNode q1 = find(d.get("periods"), "id", "2025-Q1");
        assertThat(q1.get("label").asString()).isEqualTo("Quý I/2025");
        assertThat(q1.get("reports").get("doneLate").asLong()).isEqualTo(1);
        assertThat(q1.get("reports").get("overdue").asLong()).isEqualTo(2);
        assertThat(q1.get("reports").get("doneOnTime").asLong()).isZero();
        // the totals over every period add up the periods' rows, three wards per period
        long periods = d.get("periods").size();
        JsonNode all = d.get("reports");
        assertThat(all.get("doneOnTime").asLong() + all.get("doneLate").asLong() + all.get("inProgress").asLong()
                + all.get("overdue").asLong()).isEqualTo(3 * periods);
        assertThat(all.get("doneLate").asLong()).isEqualTo(1);
        // the figures of Q1 (Party dates: 15/12/2024 – 14/03/2025): two activities, 150 attendees, 40 banners
        assertThat(figure(q1.get("figures"), "oral", "")).isEqualTo(1);
        assertThat(figure(q1.get("figures"), "oral", "attendees")).isEqualTo(150);
        assertThat(figure(q1.get("figures"), "visual", "banners")).isEqualTo(40);
        assertThat(figure(find(d.get("periods"), "id", "2025-Q2").get("figures"), "oral", "attendees"))
                .isEqualTo(40);

        // per month, gaps filled: February 2, March 0, April 1
        assertThat(figure(find(d.get("months"), "month", "2025-02").get("figures"), "oral", "")).isEqualTo(1);
        assertThat(figure(find(d.get("months"), "month", "2025-02").get("figures"), "visual", "")).isEqualTo(1);
        assertThat(find(d.get("months"), "month", "2025-03").get("figures").size()).isZero();
        assertThat(figure(find(d.get("months"), "month", "2025-04").get("figures"), "oral", "attendees"))
                .isEqualTo(40);
        assertThat(find(d.get("months"), "month", "2025-04").get("label").asString()).isEqualTo("04/2025");

        // per phase: the plan's phase first, then the activities that name none
        assertThat(figure(find(d.get("phases"), "label", "Đợt 1").get("figures"), "visual", "")).isEqualTo(1);
        assertThat(figure(find(d.get("phases"), "label", "").get("figures"), "oral", "")).isEqualTo(2);

        // per ward
        assertThat(find(d.get("children"), "unitName", world.ward1.name()).get("activities").asLong()).isEqualTo(2);
        assertThat(find(d.get("children"), "unitName", world.ward2.name()).get("activities").asLong()).isEqualTo(1);
        assertThat(find(d.get("children"), "unitName", world.ward3.name()).get("activities").asLong()).isZero();

        // deadlines: ward 2's Q1 report is overdue; ward 1's, submitted, is not listed
        boolean ward2Q1 = false;
        for (JsonNode x : d.get("deadlines")) {
            assertThat(x.get("kind").asString()).isIn("TASK", "REPORT");
            if (x.get("kind").asString().equals("REPORT") && x.get("text").asString().equals("Quý I/2025")) {
                assertThat(x.get("unitId").asLong()).isNotEqualTo(world.ward1.id());
                ward2Q1 |= x.get("unitId").asLong() == world.ward2.id() && x.get("overdue").asBoolean();
            }
        }
        assertThat(ward2Q1).as("ward 2's overdue Q1 report").isTrue();
    }

    @Test
    void aWardSeesItsOwnSubtreeOnlyAndTheProvinceCanAskForTheCity() throws Exception {
        JsonNode ward = dashboard(ReportingWorld.officer(world.ward1), null);
        assertThat(ward.get("unitId").asLong()).isEqualTo(world.ward1.id());
        assertThat(figure(find(ward.get("periods"), "id", "2025-Q1").get("figures"), "visual", "banners")).isZero();
        assertThat(find(ward.get("periods"), "id", "2025-Q1").get("own").asString())
                .isEqualTo("hoàn thành quá hạn");

        JsonNode city = dashboard(PlanFixture.user(world.province, Role.LEADER), world.city.id());
        assertThat(city.get("unitId").asLong()).isEqualTo(world.city.id());
        assertThat(find(city.get("periods"), "id", "2025-Q1").get("reports").get("doneLate").asLong()).isEqualTo(1);
    }

    @Test
    void atTheTopTheCountersGiveTheMonthsPhasesAndChildrenTheActivitiesGive() throws Exception {
        // the province (depth 0) and the city (depth 1) read their live counters, a ward (depth 2) its activities
        JsonNode province = dashboard(ReportingWorld.officer(world.province), null);
        JsonNode city = dashboard(ReportingWorld.officer(world.city), null);
        assertThat(province.get("unitId").asLong()).isEqualTo(world.province.id());
        // every activity is in the city's subtree: the province's months and phases are the city's
        assertThat(province.get("months")).isEqualTo(city.get("months"));
        assertThat(province.get("phases")).isEqualTo(city.get("phases"));
        // and what the recorded activities make of them: February 2, March 0, April 1; the plan's phase first
        JsonNode months = province.get("months");
        assertThat(months.size()).isEqualTo(3);
        assertThat(months.get(0).get("month").asString()).isEqualTo("2025-02");
        assertThat(figure(months.get(0).get("figures"), "oral", "")).isEqualTo(1);
        assertThat(figure(months.get(0).get("figures"), "oral", "attendees")).isEqualTo(150);
        assertThat(figure(months.get(0).get("figures"), "visual", "")).isEqualTo(1);
        assertThat(figure(months.get(0).get("figures"), "visual", "banners")).isEqualTo(40);
        assertThat(months.get(0).get("figures").size()).isEqualTo(4);
        assertThat(months.get(1).get("figures").size()).isZero();
        assertThat(figure(months.get(2).get("figures"), "oral", "attendees")).isEqualTo(40);
        assertThat(months.get(2).get("figures").size()).isEqualTo(2);
        JsonNode phases = province.get("phases");
        assertThat(phases.size()).isEqualTo(2);
        assertThat(phases.get(0).get("label").asString()).isEqualTo("Đợt 1");
        assertThat(figure(phases.get(0).get("figures"), "visual", "")).isEqualTo(1);
        assertThat(phases.get(1).get("label").asString()).isEmpty();
        assertThat(figure(phases.get(1).get("figures"), "oral", "")).isEqualTo(2);
        assertThat(find(province.get("children"), "unitName", world.city.name()).get("activities").asLong())
                .isEqualTo(3);
        assertThat(find(province.get("children"), "unitName", world.district.name()).get("activities").asLong())
                .isZero();
        // a ward's, read from its activities, is its own part of them
        JsonNode ward1 = dashboard(ReportingWorld.officer(world.ward1), null);
        assertThat(figure(find(ward1.get("months"), "month", "2025-02").get("figures"), "oral", "attendees"))
                .isEqualTo(150);
        assertThat(find(ward1.get("months"), "month", "2025-02").get("figures").size()).isEqualTo(2);
        assertThat(figure(find(ward1.get("phases"), "label", "").get("figures"), "oral", "")).isEqualTo(2);
    }

    @Test
    void outsideTheScopeTheDashboardDoesNotExist() throws Exception {
        // a unit of another branch
        mvc.perform(get("/api/v1/plans/" + world.plan + "/dashboard").param("unit", String.valueOf(world.city.id()))
                .with(as(ReportingWorld.officer(world.district)))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("DASHBOARD_UNIT_NOT_FOUND"));
        // a plan the user may not see
        ReportingWorld other = new ReportingWorld(units, plans);
        mvc.perform(get("/api/v1/plans/" + other.plan + "/dashboard").with(as(ReportingWorld.officer(world.city))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
    }

    @Test
    void thePageDrawsTheSameFiguresAsSvgWithTables() throws Exception {
        CurrentUser city = ReportingWorld.officer(world.city);
        JsonNode d = dashboard(city, null);
        String page = mvc.perform(get("/dashboard").param("plan", String.valueOf(world.plan)).with(as(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("<svg", "data-testid=\"reports-chart\"", "data-testid=\"months-chart\"",
                "data-testid=\"children-table\"", "Hoàn thành quá hạn", "Quá hạn chưa hoàn thành",
                "/css/dashboard.css", world.ward3.name());
        assertThat(page).containsPattern("data-testid=\"done-late\"[^>]*>" + d.get("reports").get("doneLate")
                .asLong() + "<");
        assertThat(page).containsPattern("data-testid=\"overdue\"[^>]*>" + d.get("reports").get("overdue")
                .asLong() + "<");
        assertThat(page).doesNotContain("<script>", "style=\"");
        // without a plan: the plans to choose from
        assertThat(mvc.perform(get("/dashboard").with(as(city))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString()).contains("data-testid=\"dashboard-pick\"");
    }

    @Test
    void thePageListsTheEarliestThirtyDeadlinesAndSaysHowManyMore() throws Exception {
        // two more wards, late on every period: over 30 deadlines for the city
        for (String name : List.of("Đảng ủy phường Bốn ", "Đảng ủy phường Năm ")) {
            units.create(vn.lantoa.organization.TestActor.admin(), new vn.lantoa.organization.NewUnit(world.city.id(),
                    name + world.token, null, vn.lantoa.organization.UnitKind.PARTY_COMMITTEE, null, null,
                    LocalDate.of(2020, 1, 1)));
        }
        CurrentUser city = ReportingWorld.officer(world.city);
        JsonNode all = dashboard(city, null).get("deadlines");
        assertThat(all.size()).isGreaterThan(30);
        String page = mvc.perform(get("/dashboard").param("plan", String.valueOf(world.plan)).with(as(city)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String list = page.substring(page.indexOf("data-testid=\"deadlines\""), page.indexOf("data-testid=\"more-deadlines\""));
        assertThat(list.split("<li class=\"list-group-item", -1).length - 1).isEqualTo(30);
        assertThat(page).contains("Còn " + (all.size() - 30) + " hạn khác");
        // the earliest ones, in the order of the data
        java.time.format.DateTimeFormatter day = java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy");
        assertThat(list).contains(LocalDate.parse(all.get(0).get("dueOn").asString()).format(day))
                .contains(all.get(29).get("unitName").asString());
    }

    static long figure(JsonNode figures, String channel, String indicator) {
        long sum = 0;
        for (JsonNode f : figures) {
            if (f.get("channel").asString().equals(channel) && f.get("indicator").asString().equals(indicator)) {
                sum += f.get("quantity").asLong();
            }
        }
        return sum;
    }
}
