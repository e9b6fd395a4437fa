package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanIssued;

/**
 * Draft → issued → amended by a new version → closed: the history says who changed which field between versions;
 * a stale amendment, an amendment of a draft or of a closed plan, and one by a unit that is not the issuer are refused
 * and change nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class PlanLifecycleApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Autowired
    ApplicationEvents events;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void anIssuedPlanIsAmendedByANewVersionWithItsHistoryThenClosed() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        String body = PlanApiTest.PLAN.replace("TOKEN", tree.token);
        long id = mapper.readTree(mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").longValue();

        // a draft is edited, not amended
        ObjectNode amended = (ObjectNode) mapper.readTree(body);
        amended.put("version", 0);
        mvc.perform(post("/api/v1/plans/" + id + "/amendments").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(amended)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PLAN_NOT_ISSUED"));

        mvc.perform(post("/api/v1/plans/" + id + "/issue").with(as(officer)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));

        ((ObjectNode) amended.get("document")).put("title", "tuyên truyền (sửa đổi) " + tree.token);
        ((ObjectNode) amended.get("assignments").get(0).get("tasks").get(0)).set("due",
                mapper.readTree("{ \"date\": \"2025-02-10\" }"));
        amended.put("version", 1);
        // a unit below the issuer sees the plan but may not amend it
        mvc.perform(post("/api/v1/plans/" + id + "/amendments").with(as(tree.ward, Role.OFFICER)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(amended)))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/plans/" + id + "/amendments").param("note", "Lùi hạn xây dựng kế hoạch")
                        .with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(amended)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.revision").value(2))
                .andExpect(jsonPath("$.version").value(2));
        assertThat(events.stream(PlanIssued.class).filter(e -> e.planId() == id).map(PlanIssued::revision))
                .containsExactly(1, 2);

        // the same version again is stale: refused, nothing changed
        ((ObjectNode) amended.get("document")).put("title", "lần nữa");
        mvc.perform(post("/api/v1/plans/" + id + "/amendments").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(amended)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE_VERSION"));

        String history = mvc.perform(get("/api/v1/plans/" + id + "/history").with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        JsonNode versions = mapper.readTree(history);
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("savedByName").asString()).isEqualTo(officer.displayName());
        assertThat(versions.get(0).get("changes")).isEmpty();
        JsonNode second = versions.get(1);
        assertThat(second.get("revision").asInt()).isEqualTo(2);
        assertThat(second.get("note").asString()).isEqualTo("Lùi hạn xây dựng kế hoạch");
        assertThat(second.get("savedByName").asString()).isEqualTo(officer.displayName());
        assertThat(second.get("changes")).hasSize(2);
        assertThat(second.get("changes").get(0).get("pointer").asString()).isEqualTo("/document/title");
        assertThat(second.get("changes").get(0).get("before").asString())
                .isEqualTo("tuyên truyền kỷ niệm ngày thành lập Đảng " + tree.token);
        assertThat(second.get("changes").get(0).get("after").asString())
                .isEqualTo("tuyên truyền (sửa đổi) " + tree.token);
        assertThat(second.get("changes").get(1).get("pointer").asString())
                .isEqualTo("/assignments/0/tasks/0/due/date");
        assertThat(second.get("changes").get(1).get("where").asString())
                .isEqualTo("Tổ chức thực hiện › 1 › nhiệm vụ › 1 › thời hạn › ngày");
        mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(jsonPath("$.plan.document.title").value("tuyên truyền (sửa đổi) " + tree.token));

        mvc.perform(post("/api/v1/plans/" + id + "/close").with(as(officer)).with(csrf()).header("If-Match", "1"))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(post("/api/v1/plans/" + id + "/close").with(as(officer)).with(csrf()))
                .andExpect(status().isOk()).andExpect(jsonPath("$.status").value("CLOSED"));
        amended.put("version", 3);
        mvc.perform(post("/api/v1/plans/" + id + "/amendments").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(mapper.writeValueAsString(amended)))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PLAN_NOT_ISSUED"));
        mvc.perform(post("/api/v1/plans/" + id + "/close").with(as(officer)).with(csrf()))
                .andExpect(status().isConflict()).andExpect(jsonPath("$.code").value("PLAN_NOT_ISSUED"));

        assertThat(jdbc.sql("select action from audit_entry where object_type = 'plan' and object_id = :id "
                + "and outcome = 'OK' order by id").param("id", String.valueOf(id)).query(String.class).list())
                .containsExactly("plan.issue", "plan.amend", "plan.close");
    }
}
