package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanIssued;

/**
 * Assignment headings matched to units over the API: what was matched, a person's pick for what was not (on a
 * draft, by its writer, version-checked), and the units in {@link PlanIssued} when the plan is issued.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PlanAssignmentsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Autowired
    ApplicationEvents events;

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void headingsAreMatchedAPersonPicksTheRestAndTheIssuedPlanCarriesTheUnits() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        ObjectNode body = (ObjectNode) mapper.readTree(PlanApiTest.PLAN.replace("TOKEN", tree.token));
        body.set("assignments", mapper.readTree("""
                [ { "unit": "Phòng Văn hóa và Thông tin", "role": "lead", "tasks": [] },
                  { "unit": "UBND phường An Dương", "role": "lead", "tasks": [] },
                  { "unit": "UBMTTQ thành phố", "role": "requested", "tasks": [] } ]"""));
        String created = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = mapper.readTree(created).get("id").longValue();

        mvc.perform(get("/api/v1/plans/" + id + "/assignments").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("UNMATCHED"))
                .andExpect(jsonPath("$[0].resolved").value(false))
                .andExpect(jsonPath("$[0].units.length()").value(0))
                .andExpect(jsonPath("$[1].state").value("MATCHED"))
                .andExpect(jsonPath("$[1].units[0].id").value(tree.ward.id()))
                .andExpect(jsonPath("$[2].state").value("MATCHED"))
                .andExpect(jsonPath("$[2].role").value("requested"))
                .andExpect(jsonPath("$[2].units[0].id").value(tree.front.id()));

        String pick = "{\"unitIds\": [" + tree.own.id() + "], \"version\": 0}";
        // not the writer: refused, nothing changed
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/0").with(as(tree.city, Role.OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(pick))
                .andExpect(status().isForbidden());
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/0").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitIds\": [-5], \"version\": 0}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PLAN_UNIT_UNKNOWN"));
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/7").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(pick))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PLAN_ASSIGNMENT_UNKNOWN"));
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/0").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(pick))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].confirmed").value(true))
                .andExpect(jsonPath("$[0].resolved").value(true))
                .andExpect(jsonPath("$[0].units[0].id").value(tree.own.id()));
        // the same version again is stale now
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/0").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(pick))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        // a save keeps the pick while the heading stays the same
        body.put("version", 1);
        mvc.perform(put("/api/v1/plans/" + id).with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(body)))
                .andExpect(status().isOk());
        mvc.perform(get("/api/v1/plans/" + id + "/assignments").with(as(officer)))
                .andExpect(jsonPath("$[0].confirmed").value(true))
                .andExpect(jsonPath("$[0].units[0].id").value(tree.own.id()));

        mvc.perform(post("/api/v1/plans/" + id + "/issue").with(as(officer)).with(csrf()))
                .andExpect(status().isOk());
        PlanIssued issued = events.stream(PlanIssued.class).filter(e -> e.planId() == id).findFirst().orElseThrow();
        assertThat(issued.assignedUnits()).containsExactly(
                new PlanIssued.AssignedUnit(tree.own.id(), 0, vn.lantoa.planformat.Role.LEAD),
                new PlanIssued.AssignedUnit(tree.ward.id(), 1, vn.lantoa.planformat.Role.LEAD),
                new PlanIssued.AssignedUnit(tree.front.id(), 2, vn.lantoa.planformat.Role.REQUESTED));
        // an issued plan's units are not picked again
        mvc.perform(put("/api/v1/plans/" + id + "/assignments/0").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"unitIds\": [], \"version\": 3}"))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PLAN_NOT_DRAFT"));
        assertThat(List.of(issued.revision())).containsExactly(1);
    }

    @Test
    void theChecksSayWhereAndHowToFixAndABlockingFindingStopsTheIssue() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        ObjectNode body = (ObjectNode) mapper.readTree(PlanApiTest.PLAN.replace("TOKEN", tree.token));
        ((ObjectNode) body.get("document")).put("symbol", "354-KH/TU" + tree.token);
        body.set("bases", mapper.readTree("[ { \"kind\": \"KH\", \"symbol\": \"354-KH/TU" + tree.token
                + "\", \"issuedOn\": \"2025-01-01\", \"issuer\": \"Thành ủy\" } ]"));
        String created = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(body)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long id = mapper.readTree(created).get("id").longValue();

        mvc.perform(get("/api/v1/plans/" + id + "/checks").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.blocking").value(1))
                .andExpect(jsonPath("$.findings[0].code").value("basis-cycle"))
                .andExpect(jsonPath("$.findings[0].severity").value("BLOCKING"))
                .andExpect(jsonPath("$.findings[0].pointer").value("/bases/0/symbol"))
                .andExpect(jsonPath("$.findings[0].where").value("Căn cứ › 354-KH/TU" + tree.token))
                .andExpect(jsonPath("$.findings[0].fix").isNotEmpty());
        // a unit that may not see the draft learns nothing of it
        mvc.perform(get("/api/v1/plans/" + id + "/checks").with(as(tree.front, Role.OFFICER)))
                .andExpect(status().isNotFound());

        mvc.perform(post("/api/v1/plans/" + id + "/issue").with(as(officer)).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PLAN_CHECK_FAILED"))
                .andExpect(jsonPath("$.findings[0].code").value("basis-cycle"));
        mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(jsonPath("$.status").value("DRAFT"));
        assertThat(events.stream(PlanIssued.class).filter(e -> e.planId() == id)).isEmpty();
    }
}
