package vn.lantoa.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.event.EventListener;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.Role;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.planformat.Plan;

/**
 * Events over HTTP through the whole filter chain: recording, reading, version-checked changes (I-3), who sees and who
 * writes (404 / 403), and the times of a plan that move as soon as an event's date is set, with
 * {@link EventRescheduled} published.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(EventApiTest.Listener.class)
class EventApiTest {

    @TestConfiguration
    static class Listener {
        static final List<EventRescheduled> SEEN = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Bean
        Object rescheduledListener() {
            return new Object() {
                @EventListener
                void on(EventRescheduled e) {
                    SEEN.add(e);
                }
            };
        }
    }

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Autowired
    EventTimes times;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper mapper = JsonMapper.builder().build();

    PlanFixture tree;

    @BeforeEach
    void tree() {
        tree = new PlanFixture(units);
    }

    ResultActions create(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/events").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long created(RequestPostProcessor who, String body) throws Exception {
        String answer = create(who, body).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return mapper.readTree(answer).get("id").longValue();
    }

    ResultActions change(RequestPostProcessor who, long id, String body) throws Exception {
        return mvc.perform(put("/api/v1/events/" + id).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    String cityCongress() {
        return "Đại hội đại biểu Đảng bộ thành phố " + tree.token + " lần thứ XIV";
    }

    @Test
    void anOfficerRecordsTheUnitsCongressWithUnknownDatesAndSetsThemLater() throws Exception {
        RequestPostProcessor officer = as(tree.city, Role.OFFICER);
        long id = created(officer, "{\"name\":\"" + cityCongress() + "\"}");
        mvc.perform(get("/api/v1/events/" + id).with(officer)).andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.kind").value("CONGRESS"))
                .andExpect(jsonPath("$.level").value("CITY"))
                .andExpect(jsonPath("$.ordinal").value(14))
                .andExpect(jsonPath("$.ownerUnitId").value(tree.city.id()))
                .andExpect(jsonPath("$.start").doesNotExist());
        change(officer, id, "{\"name\":\"" + cityCongress() + "\",\"start\":\"2025-10-14\",\"end\":\"2025-10-16\","
                + "\"version\":0}").andExpect(status().isOk()).andExpect(jsonPath("$.start").value("2025-10-14"))
                .andExpect(jsonPath("$.version").value(1));
        // someone else saved first: the stale change is refused and changes nothing
        change(officer, id, "{\"name\":\"" + cityCongress() + "\",\"start\":\"2025-11-01\",\"end\":\"2025-11-02\","
                + "\"version\":0}").andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(get("/api/v1/events/" + id).with(officer)).andExpect(jsonPath("$.start").value("2025-10-14"));
        change(officer, id, "{\"name\":\"" + cityCongress() + "\"}").andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("EVENT_VERSION_REQUIRED"));
        change(officer, id, "{\"name\":\"" + cityCongress() + "\",\"start\":\"2025-10-16\",\"end\":\"2025-10-14\","
                + "\"version\":1}").andExpect(status().isBadRequest()).andExpect(jsonPath("$.code").value("EVENT_INVALID"));
    }

    @Test
    void theSubtreeAndTheUnitsAboveSeeAUnitsEventOthersDoNot() throws Exception {
        long id = created(as(tree.city, Role.OFFICER), "{\"name\":\"" + cityCongress() + "\"}");
        mvc.perform(get("/api/v1/events/" + id).with(as(tree.ward, Role.LEADER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/events/" + id).with(as(tree.province, Role.LEADER))).andExpect(status().isOk());
        mvc.perform(get("/api/v1/events/" + id).with(as(tree.front, Role.OFFICER))).andExpect(status().isOk());
        PlanFixture other = new PlanFixture(units);
        mvc.perform(get("/api/v1/events/" + id).with(as(other.city, Role.OFFICER))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("EVENT_NOT_FOUND"));
        mvc.perform(get("/api/v1/events").param("q", tree.token).with(as(other.city, Role.OFFICER)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/events").param("q", tree.token).with(as(tree.own, Role.OFFICER)))
                .andExpect(jsonPath("$[0].id").value(id));
        mvc.perform(get("/api/v1/events").param("q", tree.token).with(as(tree.province, Role.OFFICER)))
                .andExpect(jsonPath("$.length()").value(0));
        mvc.perform(get("/api/v1/events").param("q", tree.token).param("subtree", "true")
                .with(as(tree.province, Role.OFFICER))).andExpect(jsonPath("$[0].id").value(id));
    }

    @Test
    void onlyTheOwningUnitsOfficersAndTheAdministratorWrite() throws Exception {
        long id = created(as(tree.city, Role.UNIT_ADMIN), "{\"name\":\"" + cityCongress() + "\"}");
        String body = "{\"name\":\"" + cityCongress() + "\",\"start\":\"2025-10-14\",\"end\":\"2025-10-16\",\"version\":0}";
        change(as(tree.city, Role.LEADER), id, body).andExpect(status().isForbidden());
        change(as(tree.own, Role.OFFICER), id, body).andExpect(status().isForbidden());
        change(as(tree.province, Role.UNIT_ADMIN), id, body).andExpect(status().isForbidden());
        change(as(new PlanFixture(units).city, Role.OFFICER), id, body).andExpect(status().isNotFound());
        create(as(tree.own, Role.OFFICER), "{\"name\":\"X\",\"ownerUnitId\":" + tree.city.id() + "}")
                .andExpect(status().isForbidden());
        create(as(tree.own, Role.OFFICER), "{\"name\":\"X\",\"national\":true}").andExpect(status().isForbidden());
        create(as(tree.own, Role.LEADER), "{\"name\":\"X\"}").andExpect(status().isForbidden());
        assertThat(jdbc.sql("select version from event_record where id = :id").param("id", id).query(Long.class)
                .single()).isZero();
        change(as(tree.own, Role.SYS_ADMIN), id, body).andExpect(status().isOk());
    }

    @Test
    void anAnniversaryCountsItsYears() throws Exception {
        mvc.perform(get("/api/v1/events").param("q", "thành lập Đảng").param("kind", "ANNIVERSARY").param("year", "2025")
                .with(as(tree.ward, Role.OFFICER))).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].anniversary.caption")
                        .value("95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"))
                .andExpect(jsonPath("$[0].anniversary.round").value(true));
    }

    @Test
    void settingTheCongressDateMovesThePlansTimesAtOnceAndIsPublished() throws Exception {
        RequestPostProcessor admin = as(tree.own, Role.SYS_ADMIN);
        long id = created(admin, "{\"name\":\"" + cityCongress() + "\",\"ownerUnitId\":" + tree.city.id() + "}");
        Plan plan = vn.lantoa.planformat.PlanJson.read("""
                {"format":"lantoa.plan/1","document":{"issuedOn":"2025-01-02"},
                 "events":[{"name":"Đại hội Đảng bộ thành phố","start":null,"end":null}],
                 "phases":[{"label":"Đợt 3","title":"t","start":{"event":"Đại hội Đảng bộ thành phố","edge":"end",
                   "relation":"after"},"end":null,"content":[],"phases":[]}],
                 "assignments":[{"unit":"Ban Tuyên giáo","role":"lead","tasks":[{"text":"Treo cờ","kind":"activity",
                   "due":{"event":"Đại hội Đảng bộ thành phố","edge":"start","relation":"before","offsetDays":-1}}]}]}
                """);
        PlanTimes before = times.resolve(plan, tree.ward.id());
        assertThat(before.at("/phases/0/start").orElseThrow().known()).isFalse();
        assertThat(before.at("/phases/0/start").orElseThrow().waiting().eventId()).isEqualTo(id);
        assertThat(before.events().get(0).eventId()).isEqualTo(id);
        // another unit's plan does not see this city's congress
        assertThat(times.resolve(plan, new PlanFixture(units).ward.id()).events().get(0).eventId()).isNull();

        Listener.SEEN.clear();
        change(admin, id, "{\"name\":\"" + cityCongress() + "\",\"start\":\"2025-10-14\",\"end\":\"2025-10-16\","
                + "\"version\":0}").andExpect(status().isOk());
        assertThat(Listener.SEEN).containsExactly(new EventRescheduled(id, tree.city.id(), cityCongress(), null, null,
                LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 16)));
        PlanTimes after = times.resolve(plan, tree.ward.id());
        assertThat(after.at("/phases/0/start").orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 17));
        assertThat(after.at("/assignments/0/tasks/0/due").orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 13));

        // many plans at once, each with its own reading
        long planA = 9_100_000_000L + tree.ward.id();
        long planB = planA + 1;
        times.setReading(planB, Reading.INCLUSIVE, 1);
        Plan dated = vn.lantoa.planformat.PlanJson.read("""
                {"format":"lantoa.plan/1","document":{"issuedOn":"2025-01-02"},
                 "assignments":[{"unit":"Ban Tuyên giáo","role":"lead","tasks":[{"text":"Báo cáo","kind":"report",
                   "due":{"date":"2025-03-15"}}]}]}
                """);
        List<PlanToResolve> batch = new ArrayList<>(List.of(new PlanToResolve(planA, dated, tree.ward.id()),
                new PlanToResolve(planB, dated, tree.ward.id())));
        var all = times.resolveAll(batch);
        assertThat(all.get(planA).at("/assignments/0/tasks/0/due").orElseThrow().date())
                .isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(all.get(planB).at("/assignments/0/tasks/0/due").orElseThrow().date())
                .isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(times.reading(planB)).isEqualTo(Reading.INCLUSIVE);
    }
}
