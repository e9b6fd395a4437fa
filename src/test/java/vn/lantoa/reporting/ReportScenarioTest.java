package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;

/**
 * From recorded activities to a consolidated report two levels up (ward → city → province), through the API: drafts
 * from activities, save with versions, submit once (Idempotency-Key), return with a comment, resubmit, accept,
 * consolidation with the units that did not report and the figures not yet reported, traceability of each figure;
 * and two officers saving the same report at once (F-03), twenty submits with one key (F-04).
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportScenarioTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    ReportingWorld world;
    String period;
    String today;

    @BeforeEach
    void world() {
        world = new ReportingWorld(units, plans);
        LocalDate now = LocalDate.now(clock.withZone(Deadline.VIETNAM));
        today = DAY.format(now);
        // the Party's quarterly dates: the period containing today is due on the 15th after it, so it is on time
        period = PeriodScheme.partyFixedDates().containing(now).orElseThrow().id();
    }

    void record(CurrentUser who, String title, String channel, String... outputs) throws Exception {
        var request = multipart("/api/v1/activities").file(new MockMultipartFile("files", "anh.png", "image/png",
                ReportingWorld.photo("png", 60, 40)));
        request.param("planId", String.valueOf(world.plan)).param("title", title).param("channel", channel)
                .param("startsOn", today).param("notable", "true");
        for (int i = 0; i + 1 < outputs.length; i += 2) {
            request.param("output." + outputs[i], outputs[i + 1]);
        }
        mvc.perform(request.with(as(who)).with(csrf())).andExpect(status().isCreated());
    }

    JsonNode report(CurrentUser who) throws Exception {
        return read(mvc.perform(get("/api/v1/reports").param("plan", String.valueOf(world.plan))
                .param("period", period).with(as(who))).andExpect(status().isOk()).andReturn());
    }

    JsonNode read(MvcResult result) throws Exception {
        return json.readTree(result.getResponse().getContentAsString());
    }

    MvcResult save(CurrentUser who, JsonNode report, String results) throws Exception {
        return mvc.perform(put("/api/v1/reports/" + report.get("id").asLong()).with(as(who)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(Map.of(
                        "version", report.get("version").asLong(), "results", results,
                        "shortcomings", "Còn chậm", "proposals", "Đề nghị hỗ trợ"))))
                .andReturn();
    }

    MvcResult submit(CurrentUser who, long id, String key) throws Exception {
        var request = post("/api/v1/reports/" + id + "/submit").with(as(who)).with(csrf());
        if (key != null) {
            request.header("Idempotency-Key", key);
        }
        return mvc.perform(request).andReturn();
    }

    static JsonNode child(JsonNode consolidation, long unitId) {
        for (JsonNode child : consolidation.get("children")) {
            if (child.get("unitId").asLong() == unitId) {
                return child;
            }
        }
        throw new AssertionError("no child " + unitId);
    }

    static Map<String, Long> figures(JsonNode figures) {
        Map<String, Long> map = new HashMap<>();
        figures.forEach(f -> map.put(f.get("channel").asString() + "/" + f.get(f.has("indicator") ? "indicator"
                : "code").asString(), f.get("quantity").asLong()));
        return map;
    }

    @Test
    void fromActivitiesToAConsolidatedReportTwoLevelsUp() throws Exception {
        CurrentUser ward1 = ReportingWorld.officer(world.ward1);
        CurrentUser ward2 = ReportingWorld.officer(world.ward2);
        CurrentUser city = ReportingWorld.officer(world.city);
        CurrentUser province = ReportingWorld.officer(world.province);
        record(ward1, "Hội nghị học tập nghị quyết", "oral", "oral_sessions", "1", "attendees", "120");
        record(ward1, "Treo băng rôn chào mừng", "visual", "banners", "25");
        record(ward1, "Nói chuyện chuyên đề", "oral", "oral_sessions", "1", "attendees", "80");
        record(ward2, "Pa nô tuyên truyền", "visual", "billboards", "4");
        record(city, "Hội nghị báo cáo viên thành phố", "oral", "oral_sessions", "1", "attendees", "300");

        // the ward's draft comes from its activities
        JsonNode draft = report(ward1);
        assertThat(draft.get("status").asString()).isEqualTo("DRAFT");
        assertThat(draft.get("completionWords").asString()).isEqualTo("đang thực hiện trong hạn");
        assertThat(figures(draft.get("figures"))).containsEntry("oral/", 2L).containsEntry("oral/attendees", 200L)
                .containsEntry("visual/banners", 25L).containsEntry("visual/", 1L);
        assertThat(draft.get("notable")).hasSize(3);
        assertThat(draft.get("receiverUnitId").asLong()).isEqualTo(world.city.id());
        long id = draft.get("id").asLong();
        assertThat(report(ward1).get("id").asLong()).as("read again: the same draft").isEqualTo(id);

        MvcResult saved = save(ward1, draft, "Tổ chức 2 hội nghị, treo 25 băng rôn.");
        assertThat(saved.getResponse().getStatus()).isEqualTo(200);
        JsonNode afterSave = read(saved);

        // a double click: two submits with one key give one submission and the same answer
        String key = "k-" + world.token;
        MvcResult first = submit(ward1, id, key);
        MvcResult again = submit(ward1, id, key);
        assertThat(first.getResponse().getStatus()).isEqualTo(200);
        assertThat(again.getResponse().getStatus()).isEqualTo(200);
        assertThat(read(again).get("revision").asInt()).isEqualTo(1);
        assertThat(read(first).get("completionWords").asString()).isEqualTo("hoàn thành đúng hạn");
        assertThat(read(first).get("onTime").asBoolean()).isTrue();
        assertThat(submissions(id)).isEqualTo(1);
        // without the key, a second submit is refused
        assertThat(submit(ward1, id, null).getResponse().getStatus()).isEqualTo(409);
        // the submitted report is no longer edited
        assertThat(save(ward1, read(first), "khác").getResponse().getStatus()).isEqualTo(409);

        // the city sees who reported
        JsonNode cityView = read(mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation")
                .param("period", period).with(as(city))).andExpect(status().isOk()).andReturn());
        assertThat(longs(cityView.get("notReported"))).containsExactlyInAnyOrder(world.ward2.id(), world.ward3.id());
        // the ward cannot accept its own report, the province is not its receiver
        mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(ward1)).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(province)).with(csrf()))
                .andExpect(status().isForbidden());
        // the city returns it with a comment; the ward corrects and resubmits
        mvc.perform(post("/api/v1/reports/" + id + "/return").with(as(city)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"comment\":\"Bổ sung số người tham dự\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("RETURNED"));
        JsonNode returned = report(ward1);
        assertThat(returned.get("reviewComment").asString()).isEqualTo("Bổ sung số người tham dự");
        assertThat(save(ward1, returned, "Tổ chức 2 hội nghị (200 người), treo 25 băng rôn.").getResponse()
                .getStatus()).isEqualTo(200);
        assertThat(read(submit(ward1, id, "k2-" + world.token)).get("revision").asInt()).isEqualTo(2);
        mvc.perform(post("/api/v1/reports/" + id + "/accept").with(as(city)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("ACCEPTED"));
        // every version is kept
        JsonNode full = read(mvc.perform(get("/api/v1/reports/" + id).with(as(city))).andReturn());
        List<String> states = new ArrayList<>();
        full.get("versions").forEach(v -> states.add(v.get("status").asString()));
        assertThat(states).containsExactly("DRAFT", "DRAFT", "SUBMITTED", "RETURNED", "RETURNED", "SUBMITTED",
                "ACCEPTED");
        assertThat(full.get("versions").get(1).get("results").asString()).startsWith("Tổ chức 2 hội nghị, treo");

        // the city's report consolidates: its own activity + the ward's accepted report, traceable
        JsonNode cityReport = report(city);
        Map<String, Long> cityFigures = figures(cityReport.get("figures"));
        assertThat(cityFigures).containsEntry("oral/attendees", 500L).containsEntry("visual/banners", 25L)
                .doesNotContainKey("visual/billboards"); // ward 2 did not report
        JsonNode attendees = find(cityReport.get("figures"), "oral", "attendees");
        assertThat(attendees.get("own").asLong()).isEqualTo(300);
        assertThat(attendees.get("fromReports").asLong()).isEqualTo(200);
        assertThat(longs(attendees.get("sourceReportIds"))).containsExactly(id);
        assertThat(attendees.get("ownActivityIds")).hasSize(1);
        long cityId = cityReport.get("id").asLong();
        assertThat(submit(city, cityId, "c-" + world.token).getResponse().getStatus()).isEqualTo(200);

        // the province: live figures, accepted ones and, apart, those not yet reported
        JsonNode before = read(mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation")
                .param("period", period).with(as(province))).andExpect(status().isOk()).andReturn());
        assertThat(figures(before.get("live"))).containsEntry("oral/attendees", 500L)
                .containsEntry("visual/billboards", 4L);
        assertThat(figures(before.get("accepted"))).isEmpty();
        assertThat(longs(before.get("notReported"))).containsExactly(world.district.id());
        mvc.perform(post("/api/v1/reports/" + cityId + "/accept").with(as(province)).with(csrf()))
                .andExpect(status().isOk());
        JsonNode after = read(mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation")
                .param("period", period).with(as(province))).andExpect(status().isOk()).andReturn());
        assertThat(figures(after.get("accepted"))).containsEntry("oral/attendees", 500L)
                .containsEntry("visual/banners", 25L).doesNotContainKey("visual/billboards");
        assertThat(figures(after.get("notYetReported"))).containsEntry("visual/billboards", 4L)
                .doesNotContainKey("oral/attendees");
        // I-5: the accepted totals are the sum of the accepted reports, recomputed from their frozen figures
        assertThat(figures(after.get("accepted"))).isEqualTo(frozenOfAccepted(world.province.id()));
        // drill down to the city: its children
        JsonNode drill = read(mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation")
                .param("period", period).param("unit", String.valueOf(world.city.id())).with(as(province)))
                .andExpect(status().isOk()).andReturn());
        assertThat(drill.get("children")).hasSize(3);
        assertThat(figures(drill.get("accepted"))).containsEntry("oral/attendees", 200L);
        // each child's figures: its numbers of activities per channel by default (a province has a hundred
        // children), every indicator on demand; the accepted report's the same way
        JsonNode cityChild = child(after, world.city.id());
        assertThat(figures(cityChild.get("live"))).containsOnly(Map.entry("oral/", 3L), Map.entry("visual/", 2L));
        assertThat(figures(cityChild.get("accepted"))).containsOnlyKeys("oral/", "visual/");
        JsonNode allFigures = read(mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation")
                .param("period", period).param("childFigures", "all").with(as(province)))
                .andExpect(status().isOk()).andReturn());
        assertThat(figures(child(allFigures, world.city.id()).get("live"))).containsEntry("oral/", 3L)
                .containsEntry("oral/attendees", 500L).containsEntry("visual/banners", 25L)
                .containsEntry("visual/billboards", 4L);
        assertThat(figures(child(allFigures, world.city.id()).get("accepted"))).containsEntry("oral/attendees", 500L);
        assertThat(figures(allFigures.get("live"))).isEqualTo(figures(after.get("live")));
        assertThat(allFigures.get("levels")).isEqualTo(after.get("levels"));
        // the export
        byte[] xlsx = mvc.perform(get("/api/v1/plans/" + world.plan + "/consolidation.xlsx").param("period", period)
                .with(as(province))).andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        try (var book = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            List<String> rows = new ArrayList<>();
            book.getSheetAt(0).forEach(row -> {
                StringBuilder text = new StringBuilder();
                row.forEach(cell -> text.append(cell.toString()).append('|'));
                rows.add(text.toString());
            });
            assertThat(rows).anyMatch(r -> r.startsWith("Thành ủy BC " + world.token + "|") && r.contains("Đã tiếp nhận")
                    && r.contains("|500.0|"));
        }
        // another branch sees none of it
        mvc.perform(get("/api/v1/reports/" + id).with(as(ReportingWorld.officer(world.district))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REPORT_NOT_FOUND"));
    }

    @Test
    void aReportSubmittedAfterItsDeadlineIsLate() throws Exception {
        CurrentUser ward1 = ReportingWorld.officer(world.ward1);
        JsonNode old = read(mvc.perform(get("/api/v1/reports").param("plan", String.valueOf(world.plan))
                .param("period", "2025-Q1").with(as(ward1))).andExpect(status().isOk()).andReturn());
        assertThat(old.get("due").asString()).isEqualTo("2025-03-15");
        assertThat(old.get("completionWords").asString()).isEqualTo("quá hạn chưa hoàn thành");
        JsonNode submitted = read(submit(ward1, old.get("id").asLong(), null));
        assertThat(submitted.get("onTime").asBoolean()).isFalse();
        assertThat(submitted.get("completionWords").asString()).isEqualTo("hoàn thành quá hạn");
    }

    @Test
    void twoOfficersSavingAtOnceOneGetsAConflictAndNothingIsLost() throws Exception {
        CurrentUser lan = ReportingWorld.officer(world.ward1);
        CurrentUser minh = ReportingWorld.officer(world.ward1);
        JsonNode seen = report(lan);
        CyclicBarrier barrier = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<MvcResult> a = pool.submit(() -> {
                barrier.await();
                return save(lan, seen, "Bản của Lan");
            });
            Future<MvcResult> b = pool.submit(() -> {
                barrier.await();
                return save(minh, seen, "Bản của Minh");
            });
            List<MvcResult> results = List.of(a.get(), b.get());
            List<Integer> codes = results.stream().map(r -> r.getResponse().getStatus()).sorted().toList();
            assertThat(codes).containsExactly(200, 409);
            MvcResult loser = results.stream().filter(r -> r.getResponse().getStatus() == 409).findFirst()
                    .orElseThrow();
            MvcResult winner = results.stream().filter(r -> r.getResponse().getStatus() == 200).findFirst()
                    .orElseThrow();
            JsonNode problem = read(loser);
            assertThat(problem.get("code").asString()).isEqualTo("STALE_VERSION");
            String winnerText = read(winner).get("results").asString();
            String loserText = winnerText.equals("Bản của Lan") ? "Bản của Minh" : "Bản của Lan";
            assertThat(problem.get("yours").get("results").asString()).isEqualTo(loserText);
            assertThat(problem.get("current").get("results").asString()).isEqualTo(winnerText);
            assertThat(report(lan).get("results").asString()).isEqualTo(winnerText);
            assertThat(report(lan).get("version").asLong()).isEqualTo(seen.get("version").asLong() + 1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void twentySubmitsWithOneKeyAreOneSubmission() throws Exception {
        CurrentUser ward1 = ReportingWorld.officer(world.ward1);
        long id = report(ward1).get("id").asLong();
        String key = "many-" + world.token;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        CyclicBarrier barrier = new CyclicBarrier(4);
        try {
            List<Future<Integer>> answers = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                boolean wait = i < 4;
                answers.add(pool.submit(() -> {
                    if (wait) {
                        barrier.await();
                    }
                    return submit(ward1, id, key).getResponse().getStatus();
                }));
            }
            for (Future<Integer> answer : answers) {
                assertThat(answer.get()).isIn(200, 409);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(submissions(id)).isEqualTo(1);
        assertThat(submit(ward1, id, key).getResponse().getStatus()).as("the replay after the first").isEqualTo(200);
        assertThat(jdbc.sql("select revision from report where id = :id").param("id", id).query(Integer.class)
                .single()).isEqualTo(1);
    }

    long submissions(long id) {
        return jdbc.sql("select count(*) from report_submission where report_id = :id").param("id", id)
                .query(Long.class).single();
    }

    Map<String, Long> frozenOfAccepted(long unitId) {
        Map<String, Long> map = new HashMap<>();
        jdbc.sql("select f.channel, f.indicator_code, sum(f.quantity) from report r join unit u on u.id = r.unit_id "
                + "join report_figure f on f.report_id = r.id and f.revision = r.revision where r.plan_id = :plan and "
                + "r.period_id = :period and u.parent_id = :unit and r.status = 'ACCEPTED' "
                + "group by f.channel, f.indicator_code").param("plan", world.plan).param("period", period)
                .param("unit", unitId).query(rs -> {
                    map.put(rs.getString(1) + "/" + rs.getString(2), rs.getLong(3));
                });
        return map;
    }

    static JsonNode find(JsonNode figures, String channel, String indicator) {
        for (JsonNode f : figures) {
            if (f.get("channel").asString().equals(channel) && f.get("indicator").asString().equals(indicator)) {
                return f;
            }
        }
        throw new AssertionError("no figure " + channel + "/" + indicator);
    }

    static List<Long> longs(JsonNode array) {
        List<Long> list = new ArrayList<>();
        array.forEach(n -> list.add(n.asLong()));
        return list;
    }
}
