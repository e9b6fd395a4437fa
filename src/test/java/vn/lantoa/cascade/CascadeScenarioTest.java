package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;

/**
 * The cascade's lifecycle (ARCHITECTURE.md, the dddsample-style scenario): a province plan drafted and issued → the
 * city gets its tasks → derives its plan (one draft even on a double click) → issues it late, assigning two units →
 * one of them derives and issues on time, the other does nothing → the province's cascade view shows the late, the
 * on-time and the missing unit, at their levels, with counts, filters and the export.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CascadeScenarioTest {

    static final String PROVINCE_PLAN = """
            {
              "format": "lantoa.plan/1",
              "document": {
                "kind": "KH", "number": "354", "symbol": "354-KH/TU", "system": "party", "issuedOn": "2025-01-02",
                "issuer": "Ban Thường vụ Tỉnh ủy", "title": "tuyên truyền Đại hội Đảng các cấp TOKEN",
                "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
              },
              "events": [ { "name": "Đại hội đại biểu Đảng bộ tỉnh", "start": "2025-09-20", "end": "2025-09-22" } ],
              "phases": [ { "label": "Đợt 1", "title": "Trước Đại hội", "start": { "date": "2025-01-15" },
                            "end": { "month": "2025-03" }, "content": [ "Treo băng rôn, khẩu hiệu chào mừng" ],
                            "phases": [] } ],
              "channels": [ { "kind": "mass_media", "title": "Báo chí", "items": [ "Đài truyền thanh" ] } ],
              "themes": [ "Niềm tin mới, khí thế mới" ],
              "slogans": [ "Nhiệt liệt chào mừng Đại hội" ],
              "assignments": [ { "unit": "CITY", "role": "lead",
                                 "tasks": [ { "text": "Xây dựng kế hoạch tuyên truyền của đơn vị",
                                              "due": { "date": "2025-01-10" }, "kind": "plan" },
                                            { "text": "Treo băng rôn tại trụ sở", "due": { "date": "2025-02-01" },
                                              "kind": "activity" },
                                            { "text": "Báo cáo kết quả trước Đại hội",
                                              "due": { "event": "Đại hội đại biểu Đảng bộ tỉnh", "edge": "start",
                                                       "relation": "before" },
                                              "kind": "report" } ] } ],
              "recipients": [ "Lưu Văn phòng" ]
            }
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement unitManagement;

    @Autowired
    PlanManagement plans;

    @Autowired
    TaskManagement tasks;

    @Autowired
    org.springframework.context.ApplicationEventPublisher events;

    final JsonMapper json = JsonMapper.builder().build();

    PlanFixture tree;

    @BeforeEach
    void tree() {
        tree = new PlanFixture(unitManagement);
    }

    @Test
    void draftedIssuedDerivedTwoLevelsLateAndMissingVisible() throws Exception {
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        CurrentUser ownOfficer = PlanFixture.user(tree.own, Role.OFFICER);

        // drafted → issued: the city gets three tasks with resolved dues
        StoredPlan provincePlan = plans.create(provinceOfficer, PlanInput.parse(PROVINCE_PLAN
                .replace("TOKEN", tree.token).replace("CITY", tree.city.name())));
        plans.issue(provinceOfficer, provincePlan.id(), null);
        List<UnitTask> cityTasks = tasks.forUnit(cityOfficer, tree.city.id());
        assertThat(cityTasks).extracting(UnitTask::kind).containsExactlyInAnyOrder("PLAN", "ACTIVITY", "REPORT");
        assertThat(cityTasks).filteredOn(t -> t.kind().equals("PLAN")).singleElement().satisfies(t -> {
            assertThat(t.dueOn()).isEqualTo(LocalDate.of(2025, 1, 10));
            assertThat(t.text()).isEqualTo("Xây dựng kế hoạch tuyên truyền của đơn vị");
            assertThat(t.planSymbol()).isEqualTo("354-KH/TU");
            assertThat(t.timing()).isEqualTo("OVERDUE");
        });
        assertThat(cityTasks).filteredOn(t -> t.kind().equals("REPORT")).singleElement()
                .satisfies(t -> assertThat(t.dueOn()).isEqualTo(LocalDate.of(2025, 9, 19)));
        mvc.perform(get("/api/v1/units/{id}/tasks", tree.city.id()).with(PlanFixture.as(cityOfficer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.length()").value(3));
        mvc.perform(get("/api/v1/units/{id}/tasks", tree.city.id()).with(PlanFixture.as(tree.front, Role.OFFICER)))
                .andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));

        // the activity is marked done with a note
        UnitTask activity = cityTasks.stream().filter(t -> t.kind().equals("ACTIVITY")).findFirst().orElseThrow();
        mvc.perform(post("/api/v1/tasks/{id}/done", activity.id()).with(PlanFixture.as(cityOfficer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"note\":\"Đã treo 12 băng rôn\"}"))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("DONE"))
                .andExpect(jsonPath("$.doneNote").value("Đã treo 12 băng rôn"));

        // the city derives its plan: one draft for two clicks, carrying the parent's content and its tasks
        long cityDraft = derive(cityOfficer, provincePlan.id(), 201, true);
        assertThat(derive(cityOfficer, provincePlan.id(), 200, false)).isEqualTo(cityDraft);
        StoredPlan draft = plans.get(cityOfficer, cityDraft);
        assertThat(draft.plan().bases()).singleElement().satisfies(b -> assertThat(b.symbol()).isEqualTo("354-KH/TU"));
        assertThat(draft.plan().themes()).containsExactly("Niềm tin mới, khí thế mới");
        assertThat(draft.plan().slogans()).containsExactly("Nhiệt liệt chào mừng Đại hội");
        assertThat(draft.plan().events()).hasSize(1);
        assertThat(draft.plan().channels()).hasSize(1);
        assertThat(draft.plan().assignments()).isEmpty();
        assertThat(draft.plan().phases()).hasSize(2);
        assertThat(draft.plan().phases().get(0).content())
                .contains("Xây dựng kế hoạch tuyên truyền của đơn vị (hạn 10/01/2025)");
        assertThat(draft.plan().phases().get(1).start()).isEqualTo(TimeRef.day(LocalDate.of(2025, 1, 15)));
        CascadeLevel top = level(provinceOfficer, provincePlan.id(), null, null);
        assertThat(top.children()).singleElement().satisfies(n -> {
            assertThat(n.unitId()).isEqualTo(tree.city.id());
            assertThat(n.state()).isEqualTo(CascadeState.DRAFT);
            assertThat(n.overdue()).isTrue();
        });

        // ... issues it late (15/01 after the due 10/01), assigning its two units
        issue(cityOfficer, cityDraft, "12-KH/TU", LocalDate.of(2025, 1, 15), List.of(tree.own, tree.front),
                LocalDate.of(2025, 1, 25));
        assertThat(tasks.forUnit(cityOfficer, tree.city.id())).filteredOn(t -> t.kind().equals("PLAN"))
                .singleElement().satisfies(t -> {
                    assertThat(t.status()).isEqualTo("DONE");
                    assertThat(t.donePlanId()).isEqualTo(cityDraft);
                });

        // the city's plan carries every phase, theme, channel and task of the parent (its first section is its tasks)
        mvc.perform(get("/api/v1/plans/{id}/coverage", cityDraft).with(PlanFixture.as(provinceOfficer)))
                .andExpect(status().isOk()).andExpect(jsonPath("$.parentPlanId").value(provincePlan.id()))
                .andExpect(jsonPath("$.total").value(6)).andExpect(jsonPath("$.carried").value(6))
                .andExpect(jsonPath("$.tasks.length()").value(3));
        mvc.perform(get("/plans/{id}/coverage", cityDraft).with(PlanFixture.as(cityOfficer)))
                .andExpect(status().isOk());

        // the city submits its report: its report task is done (the reporting module's event)
        events.publishEvent(new vn.lantoa.reporting.ReportSubmitted(-1, provincePlan.id(), tree.city.id(), "2025-Q1",
                1, java.time.Instant.now(), true));
        assertThat(tasks.forUnit(cityOfficer, tree.city.id())).filteredOn(t -> t.kind().equals("REPORT"))
                .singleElement().satisfies(t -> {
                    assertThat(t.status()).isEqualTo("DONE");
                    assertThat(t.doneNote()).isEqualTo("Báo cáo kỳ 2025-Q1");
                });

        // the own unit derives and issues on time; the front does nothing
        long ownDraft = derive(ownOfficer, cityDraft, 201, true);
        issue(ownOfficer, ownDraft, "5-KH/UBND", LocalDate.of(2025, 1, 20), List.of(tree.ward),
                LocalDate.of(2025, 2, 20));

        // the province's view: the city late at level 1; below it, one on time and one missing (overdue)
        top = level(provinceOfficer, provincePlan.id(), null, null);
        assertThat(top.children()).singleElement().satisfies(n -> {
            assertThat(n.state()).isEqualTo(CascadeState.LATE);
            assertThat(n.issuedOn()).isEqualTo(LocalDate.of(2025, 1, 15));
            assertThat(n.derivedSymbol()).isEqualTo("12-KH/TU");
            assertThat(n.below().onTime()).isEqualTo(1);
            assertThat(n.below().missing()).isEqualTo(2); // the front, and the ward below the own unit
        });
        assertThat(top.levels()).extracting(CascadeCounts::depth).containsExactly(1, 2, 3);
        assertThat(top.levels().get(0).late()).isEqualTo(1);
        assertThat(top.levels().get(1).onTime()).isEqualTo(1);
        assertThat(top.levels().get(1).missing()).isEqualTo(1);
        assertThat(top.levels().get(2).missing()).isEqualTo(1);
        assertThat(top.total().total()).isEqualTo(4);

        CascadeLevel city = level(provinceOfficer, provincePlan.id(), tree.city.id(), null);
        assertThat(city.planId()).isEqualTo(cityDraft);
        assertThat(city.children()).extracting(CascadeNode::unitId, CascadeNode::state).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple(tree.own.id(), CascadeState.ON_TIME),
                org.assertj.core.groups.Tuple.tuple(tree.front.id(), CascadeState.MISSING));
        assertThat(city.path()).extracting(CascadeLevel.Crumb::unitId).containsExactly(tree.province.id(),
                tree.city.id());

        assertThat(level(provinceOfficer, provincePlan.id(), null, "MISSING").children())
                .extracting(CascadeNode::unitId).containsExactlyInAnyOrder(tree.front.id(), tree.ward.id());
        assertThat(level(provinceOfficer, provincePlan.id(), null, "LATE").children())
                .extracting(CascadeNode::unitId).containsExactly(tree.city.id());
        // overdue in the city's subtree: the front (due 25/01/2025) and the ward below the own unit (due 20/02/2025)
        assertThat(level(provinceOfficer, provincePlan.id(), tree.city.id(), "OVERDUE").children())
                .extracting(CascadeNode::unitId).containsExactlyInAnyOrder(tree.front.id(), tree.ward.id());
        assertThat(level(provinceOfficer, provincePlan.id(), tree.own.id(), "OVERDUE").children())
                .extracting(CascadeNode::unitId).containsExactly(tree.ward.id());

        // the counters equal a count of the entries (no drift)
        JsonNode api = json.readTree(mvc.perform(get("/api/v1/plans/{id}/cascade", provincePlan.id())
                .with(PlanFixture.as(provinceOfficer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
        assertThat(api.get("total").get("late").asLong()).isEqualTo(1);
        assertThat(api.get("children").get(0).get("state").asString()).isEqualTo("LATE");

        // a unit that cannot see the plan gets 404; the export is a spreadsheet with every unit of the cascade
        mvc.perform(get("/api/v1/plans/{id}/cascade", provincePlan.id())
                .with(PlanFixture.as(PlanFixture.user(tree.city, Role.SYS_ADMIN)))).andExpect(status().isNotFound());
        byte[] xlsx = mvc.perform(get("/plans/{id}/cascade/export", provincePlan.id())
                .with(PlanFixture.as(provinceOfficer))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(xlsx))) {
            assertThat(workbook.getSheetAt(0).getLastRowNum()).isEqualTo(4);
        }
        mvc.perform(get("/plans/{id}/cascade", provincePlan.id()).with(PlanFixture.as(provinceOfficer))
                .param("node", String.valueOf(tree.city.id()))).andExpect(status().isOk());
        mvc.perform(get("/plans/{id}/cascade", provincePlan.id()).with(PlanFixture.as(provinceOfficer)))
                .andExpect(status().isOk()).andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers
                        .content().string(org.hamcrest.Matchers.containsString("Ban hành chậm")));
        mvc.perform(get("/tasks").with(PlanFixture.as(cityOfficer))).andExpect(status().isOk())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content().string(
                        org.hamcrest.Matchers.containsString("Đã hoàn thành")));
    }

    private long derive(CurrentUser user, long parent, int expected, boolean created) throws Exception {
        String body = mvc.perform(post("/api/v1/plans/{id}/derive", parent).with(PlanFixture.as(user)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("{\"unitId\":" + user.unitId() + "}"))
                .andExpect(status().is(expected)).andExpect(jsonPath("$.created").value(created)).andReturn()
                .getResponse().getContentAsString();
        return json.readTree(body).get("planId").asLong();
    }

    private CascadeLevel level(CurrentUser user, long plan, Long node, String state) {
        return ((CascadeView) view).level(user, plan, node, state, 0);
    }

    @Autowired
    CascadeView view;

    /** Fills the draft's header and assignments (one plan task each, due on {@code due}) and issues it. */
    private void issue(CurrentUser user, long draftId, String symbol, LocalDate issuedOn, List<Unit> assigned,
            LocalDate due) {
        StoredPlan draft = plans.get(user, draftId);
        Plan p = draft.plan();
        DocumentHeader d = p.document();
        List<Assignment> assignments = new ArrayList<>();
        for (Unit unit : assigned) {
            assignments.add(new Assignment(unit.name(), vn.lantoa.planformat.Role.LEAD, List.of(
                    new Task("Xây dựng kế hoạch thực hiện", TimeRef.day(due), TaskKind.PLAN))));
        }
        Plan filled = new Plan(new DocumentHeader(d.kind(), symbol.substring(0, symbol.indexOf('-') > 0
                ? symbol.indexOf('-') : symbol.indexOf('/')), symbol, d.system(), issuedOn, null, d.issuer(),
                d.title(), new Signer("Nguyễn Văn A", "Bí thư", "T/M")), p.bases(), p.citations(), p.events(),
                p.phases(), p.channels(), p.themes(), p.slogans(), assignments, p.reporting(), p.recipients(),
                p.warnings());
        plans.save(user, draftId, new PlanInput(filled, null, draft.version()), null);
        plans.issue(user, draftId, null);
    }
}
