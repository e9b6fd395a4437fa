package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.util.function.Consumer;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.Plans;

/**
 * The plan API through the whole filter chain: create and read back, refusals of bad plans with JSON pointers and
 * nothing stored (B-API-01, B-SEC-05, A-09), versions (I-3), issuing and its checks (A-08, I-2), and who sees and
 * writes what (404 when invisible, 403 when visible but not theirs).
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanApiTest {

    static final String PLAN = """
            {
              "format": "lantoa.plan/1",
              "document": {
                "kind": "KH", "number": "354", "symbol": "354-KH/TU", "system": "party", "issuedOn": "2025-01-10",
                "place": "Phan Rang - Tháp Chàm", "issuer": "Ban Thường vụ Thành ủy",
                "title": "tuyên truyền kỷ niệm ngày thành lập Đảng TOKEN",
                "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
              },
              "events": [ { "name": "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng", "start": null, "end": null } ],
              "phases": [ { "label": "Đợt 1", "title": "Tuyên truyền cao điểm", "start": { "date": "2025-01-15" },
                            "end": { "month": "2025-03" }, "content": [ "Treo băng rôn" ], "phases": [] } ],
              "channels": [ { "kind": "mass_media", "title": "Báo chí", "items": [ "Đài truyền thanh" ] } ],
              "themes": [ "Niềm tin mới, khí thế mới" ],
              "assignments": [ { "unit": "Phòng Văn hóa và Thông tin", "role": "lead",
                                 "tasks": [ { "text": "Xây dựng kế hoạch", "due": { "date": "2025-02-01" },
                                              "kind": "plan" } ] } ],
              "recipients": [ "Lưu Văn phòng" ]
            }
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    @Autowired
    Plans plans;

    @Autowired
    JdbcClient jdbc;

    final JsonMapper mapper = JsonMapper.builder().build();

    PlanFixture tree;
    CurrentUser officer;

    @BeforeEach
    void tree() {
        tree = new PlanFixture(units);
        officer = PlanFixture.user(tree.own, Role.OFFICER);
    }

    String plan() {
        return PLAN.replace("TOKEN", tree.token);
    }

    String plan(Consumer<ObjectNode> change) {
        ObjectNode node = (ObjectNode) mapper.readTree(plan());
        change.accept(node);
        return mapper.writeValueAsString(node);
    }

    ResultActions create(RequestPostProcessor who, String body) throws Exception {
        return mvc.perform(post("/api/v1/plans").with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    long created(String body) throws Exception {
        String answer = create(as(officer), body).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        return mapper.readTree(answer).get("id").longValue();
    }

    ResultActions save(RequestPostProcessor who, long id, String body) throws Exception {
        return mvc.perform(put("/api/v1/plans/" + id).with(who).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    ResultActions issue(RequestPostProcessor who, long id) throws Exception {
        return mvc.perform(post("/api/v1/plans/" + id + "/issue").with(who).with(csrf()));
    }

    String storedDocument(long id) {
        return jdbc.sql("select document from plan_revision where plan_id = :id").param("id", id).query(String.class)
                .single();
    }

    long storedVersion(long id) {
        return jdbc.sql("select version from plan where id = :id").param("id", id).query(Long.class).single();
    }

    @Test
    void anOfficerCreatesADraftOfTheOwnUnitAndReadsItBack() throws Exception {
        String answer = create(as(officer), plan())
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/plans/")))
                .andExpect(header().string("ETag", "\"0\""))
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.version").value(0))
                .andExpect(jsonPath("$.revision").value(1))
                .andExpect(jsonPath("$.classification").value("INTERNAL"))
                .andExpect(jsonPath("$.issuerUnitId").value(tree.own.id()))
                .andReturn().getResponse().getContentAsString();
        long id = mapper.readTree(answer).get("id").longValue();
        String got = mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(id))
                .andExpect(jsonPath("$.plan.format").value("lantoa.plan/1"))
                .andExpect(jsonPath("$.plan.document.symbol").value("354-KH/TU"))
                .andReturn().getResponse().getContentAsString();
        assertThat(mapper.readTree(got).get("plan")).isEqualTo(mapper.readTree(plan(node -> {
            // what the format writes for members the body left out: empty lists
            for (String list : new String[] { "bases", "citations", "slogans", "reporting", "warnings" }) {
                node.putArray(list);
            }
        })));
    }

    @Test
    void theIssuerIsTheUsersUnitAndOtherMembersOfTheSystemAreRefused() throws Exception {
        long before = plans.count();
        for (String member : new String[] { "issuerUnitId", "status", "id", "createdBy" }) {
            create(as(officer), plan(node -> node.put(member, member.equals("status") ? "ISSUED" : "7")))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.code").value("VALIDATION"))
                    .andExpect(jsonPath("$.errors[*].pointer", hasItem("/" + member)));
        }
        assertThat(plans.count()).isEqualTo(before);
    }

    @Test
    void badPlansAreRefusedWithPointersAndNothingIsStored() throws Exception {
        long before = plans.count();
        record Case(String body, String pointer) {
        }
        Case[] cases = {
            new Case(plan(n -> n.put("phases", "x")), "/phases"),
            new Case(plan(n -> ((ObjectNode) n.get("channels").get(0)).put("kind", "carrier_pigeon")),
                    "/channels/0/kind"),
            new Case(plan(n -> ((ObjectNode) n.get("phases").get(0)).set("end",
                    mapper.readTree("{\"date\": \"2025-01-01\"}"))), "/phases/0/end"),
            new Case(plan(n -> ((ObjectNode) n.get("assignments").get(0).get("tasks").get(0)).set("due",
                    mapper.readTree("{\"date\": \"2024-12-31\"}"))), "/assignments/0/tasks/0/due"),
            new Case(plan(n -> n.put("classification", "MAT")), "/classification"),
            new Case(plan(n -> n.put("classification", "SECRET")), "/classification"),
            new Case(plan(n -> n.put("classification", "internal")), "/classification"),
            new Case(plan(n -> n.put("format", "lantoa.plan/2")), "/format"),
            new Case("{\"format\": \"lantoa.plan/1\", ", ""),
            new Case("[]", ""),
        };
        for (Case c : cases) {
            create(as(officer), c.body())
                    .andExpect(status().isBadRequest())
                    .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                    .andExpect(jsonPath("$.code").value("VALIDATION"))
                    .andExpect(jsonPath("$.detail").isNotEmpty())
                    .andExpect(jsonPath("$.errors[*].pointer", hasItem(c.pointer())));
        }
        assertThat(plans.count()).isEqualTo(before);
        // a valid classification is kept
        create(as(officer), plan(n -> n.put("classification", "PUBLIC")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.classification").value("PUBLIC"));
        assertThat(plans.count()).isEqualTo(before + 1);
    }

    @Test
    void aStaleSaveIsRefusedAndTheWinnersTextStays() throws Exception {
        long id = created(plan());
        String winner = plan(n -> ((ObjectNode) n.get("document")).put("title", "bản của người lưu trước " + tree.token));
        String loser = plan(n -> ((ObjectNode) n.get("document")).put("title", "bản của người lưu sau " + tree.token));
        CurrentUser colleague = PlanFixture.user(tree.own, Role.UNIT_ADMIN);
        // both loaded version 0; the colleague saves first
        mvc.perform(put("/api/v1/plans/" + id).with(as(colleague)).with(csrf()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(winner))
                .andExpect(status().isOk())
                .andExpect(header().string("ETag", "\"1\""))
                .andExpect(jsonPath("$.version").value(1))
                .andExpect(jsonPath("$.plan.document.title").value("bản của người lưu trước " + tree.token));
        save(as(officer), id, plan(n -> {
            ((ObjectNode) n.get("document")).put("title", "bản của người lưu sau " + tree.token);
            n.put("version", 0);
        }))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(put("/api/v1/plans/" + id).with(as(officer)).with(csrf()).header("If-Match", "\"0\"")
                        .contentType(MediaType.APPLICATION_JSON).content(loser))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        save(as(officer), id, loser)
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("PLAN_VERSION_REQUIRED"));
        assertThat(storedDocument(id)).contains("bản của người lưu trước").doesNotContain("bản của người lưu sau");
        assertThat(storedVersion(id)).isEqualTo(1);
        // with the current version, the save goes through
        save(as(officer), id, plan(n -> {
            ((ObjectNode) n.get("document")).put("title", "bản đã tải lại " + tree.token);
            n.put("version", 1);
        }))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.version").value(2));
        assertThat(storedDocument(id)).contains("bản đã tải lại");
    }

    @Test
    void issuingChecksWhatAnIssuedPlanNeedsAndHappensOnce() throws Exception {
        long id = created(plan(n -> {
            ObjectNode d = (ObjectNode) n.get("document");
            d.putNull("number");
            d.putNull("symbol");
            d.putNull("signer");
            n.putArray("assignments");
        }));
        issue(as(officer), id)
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("PLAN_INCOMPLETE"))
                .andExpect(jsonPath("$.detail", containsString("người ký")))
                .andExpect(jsonPath("$.missing[*].pointer").value(org.hamcrest.Matchers.containsInAnyOrder(
                        "/document/number", "/document/symbol", "/document/signer/name", "/assignments")));
        assertThat(storedVersion(id)).isZero();
        save(as(officer), id, plan(n -> n.put("version", 0))).andExpect(status().isOk());

        issue(as(officer), id)
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("ISSUED"))
                .andExpect(jsonPath("$.version").value(2));
        issue(as(officer), id)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PLAN_ALREADY_ISSUED"));
        save(as(officer), id, plan(n -> n.put("version", 2)))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PLAN_NOT_DRAFT"));
        assertThat(storedVersion(id)).isEqualTo(2);

        // the same symbol again from the same issuer: a draft is fine, issuing it is not (I-2)
        long again = created(plan());
        issue(as(officer), again)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("PLAN_DUPLICATE_SYMBOL"))
                .andExpect(jsonPath("$.detail", containsString("354-KH/TU")));
        assertThat(jdbc.sql("select status from plan where id = :id").param("id", again).query(String.class)
                .single()).isEqualTo("DRAFT");
        // another unit may issue its own 354-KH/TU
        CurrentUser frontOfficer = PlanFixture.user(tree.front, Role.OFFICER);
        String answer = create(as(frontOfficer), plan()).andExpect(status().isCreated()).andReturn().getResponse()
                .getContentAsString();
        issue(as(frontOfficer), mapper.readTree(answer).get("id").longValue()).andExpect(status().isOk());
    }

    @Test
    void aDraftIsSeenByTheIssuerAndItsSuperiorsAndWrittenOnlyByTheIssuer() throws Exception {
        long id = created(plan());
        String edit = plan(n -> n.put("version", 0));
        // own unit, any role, and the superiors read it
        for (RequestPostProcessor reader : new RequestPostProcessor[] { as(tree.own, Role.LEADER),
                as(tree.city, Role.OFFICER), as(tree.province, Role.LEADER) }) {
            mvc.perform(get("/api/v1/plans/" + id).with(reader)).andExpect(status().isOk());
        }
        // a superior's officer or administrator sees it but may not write it; nor may a leader of the own unit
        for (RequestPostProcessor visible : new RequestPostProcessor[] { as(tree.city, Role.OFFICER),
                as(tree.city, Role.UNIT_ADMIN), as(tree.own, Role.LEADER) }) {
            save(visible, id, edit).andExpect(status().isForbidden()).andExpect(jsonPath("$.code").value("FORBIDDEN"));
            issue(visible, id).andExpect(status().isForbidden());
        }
        // below, beside and the system administrator: as if it did not exist
        String missing = "/api/v1/plans/" + (id + 1_000_000_000L);
        mvc.perform(get(missing).with(as(officer))).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
        for (RequestPostProcessor invisible : new RequestPostProcessor[] { as(tree.ward, Role.OFFICER),
                as(tree.front, Role.UNIT_ADMIN), as(tree.own, Role.SYS_ADMIN) }) {
            mvc.perform(get("/api/v1/plans/" + id).with(invisible)).andExpect(status().isNotFound())
                    .andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
            save(invisible, id, edit).andExpect(status().isNotFound());
            issue(invisible, id).andExpect(status().isNotFound());
        }
        assertThat(storedVersion(id)).isZero();
        // leaders and system administrators create nothing
        long before = plans.count();
        create(as(tree.own, Role.LEADER), plan()).andExpect(status().isForbidden());
        create(as(tree.own, Role.SYS_ADMIN), plan()).andExpect(status().isForbidden());
        assertThat(plans.count()).isEqualTo(before);
        mvc.perform(get("/api/v1/plans/" + id)).andExpect(status().isUnauthorized());
    }

    @Test
    void anIssuedPlanIsAlsoSeenBelowTheIssuerButNotBeside() throws Exception {
        long id = created(plan());
        issue(as(officer), id).andExpect(status().isOk());
        mvc.perform(get("/api/v1/plans/" + id).with(as(tree.ward, Role.OFFICER))).andExpect(status().isOk());
        issue(as(tree.ward, Role.OFFICER), id).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/" + id).with(as(tree.front, Role.OFFICER))).andExpect(status().isNotFound());
        mvc.perform(get("/api/v1/plans/" + id).with(as(tree.own, Role.SYS_ADMIN))).andExpect(status().isNotFound());
    }

    @Test
    void listsShowOnlyVisiblePlansFilteredByStatusAndFoldedWords() throws Exception {
        long draft = created(plan(n -> ((ObjectNode) n.get("document")).put("title",
                "Tuyên truyền Đại hội Đảng bộ " + tree.token)));
        long issued = created(plan());
        issue(as(officer), issued).andExpect(status().isOk());
        CurrentUser frontOfficer = PlanFixture.user(tree.front, Role.OFFICER);
        create(as(frontOfficer), plan()).andExpect(status().isCreated());

        mvc.perform(get("/api/v1/plans").param("q", tree.token).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.containsInAnyOrder(
                        (int) draft, (int) issued)));
        mvc.perform(get("/api/v1/plans").param("q", "tuyen truyen dai hoi dang " + tree.token).with(as(officer)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(draft))
                .andExpect(jsonPath("$[0].status").value("DRAFT"))
                .andExpect(jsonPath("$[0].title").value("Tuyên truyền Đại hội Đảng bộ " + tree.token));
        mvc.perform(get("/api/v1/plans").param("q", "354 kh tu " + tree.token).param("status", "ISSUED")
                        .with(as(officer)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(issued));
        // the ward sees the issued plan of its superior, not the draft; the city sees both and the front's draft
        mvc.perform(get("/api/v1/plans").param("q", tree.token).with(as(tree.ward, Role.LEADER)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(issued));
        mvc.perform(get("/api/v1/plans").param("q", tree.token).with(as(tree.city, Role.LEADER)))
                .andExpect(jsonPath("$", hasSize(3)));
        mvc.perform(get("/api/v1/plans").param("q", tree.token).with(as(tree.front, Role.OFFICER)))
                .andExpect(jsonPath("$", hasSize(1)));
        // the issuer filter runs in the database, with limit applied after it
        mvc.perform(get("/api/v1/plans").param("q", tree.token).param("issuer", String.valueOf(tree.front.id()))
                        .with(as(tree.city, Role.LEADER)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].issuerUnitId").value(tree.front.id()));
        mvc.perform(get("/api/v1/plans").param("q", tree.token).param("issuer", String.valueOf(tree.own.id()))
                        .param("limit", "1").with(as(tree.city, Role.LEADER)))
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].issuerUnitId").value(tree.own.id()));
        mvc.perform(get("/api/v1/plans").param("q", tree.token).param("issuer", String.valueOf(tree.own.id()))
                        .with(as(tree.city, Role.LEADER)))
                .andExpect(jsonPath("$", hasSize(2)));
        mvc.perform(get("/api/v1/plans").param("q", tree.token).with(as(tree.own, Role.SYS_ADMIN)))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/plans").param("status", "MAT").with(as(officer)))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theEnvelopeOfAnAnswerIsDocumented() throws Exception {
        JsonNode api = mapper.readTree(mvc.perform(get("/api/v1/openapi.json").with(as(officer)))
                .andReturn().getResponse().getContentAsString());
        JsonNode get = api.at("/paths/~1api~1v1~1plans~1{id}/get");
        assertThat(get.isMissingNode()).as("GET /api/v1/plans/{id} in the OpenAPI document").isFalse();
        assertThat(get.get("description").asString()).contains("\"plan\"").contains("\"version\"");
    }
}
