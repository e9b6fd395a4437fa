package vn.lantoa.plan.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;

/**
 * The plan editor adds and removes rows without losing what was typed, saves every member of the format, says what
 * it cannot read next to the field, writes a plan from a blank page; the API's plan carries its resolved times; the
 * issuer's "đến hết ngày" moves a due date.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanEditorTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern DOCUMENT = Pattern.compile("name=\"document\" value=\"([^\"]*)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    private long create(CurrentUser officer, String body) throws Exception {
        String created = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return JSON.readTree(created).get("id").longValue();
    }

    private JsonNode plan(CurrentUser user, long id) throws Exception {
        return JSON.readTree(mvc.perform(get("/api/v1/plans/" + id).with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }

    /** The plan the editor page carries in its form. */
    private static String document(String html) {
        Matcher m = DOCUMENT.matcher(html);
        assertThat(m.find()).as("the editor carries the plan").isTrue();
        return HtmlUtils.htmlUnescape(m.group(1));
    }

    @Test
    void rowsAreAddedAndRemovedKeepingWhatWasTypedThenSaved() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        long id = create(officer, PlanApiTest.PLAN.replace("TOKEN", tree.token));
        long version = plan(officer, id).get("version").longValue();

        // a typed title, and "add a phase": the page comes back with the new phase's fields and the title kept
        String page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("f/document/title", "tiêu đề mới " + tree.token)
                        .param("op", "add:/phases"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"f/phases/1/label\"")))
                .andExpect(content().string(containsString("name=\"t/phases/1/start/shape\"")))
                .andExpect(content().string(containsString("tiêu đề mới " + tree.token)))
                .andReturn().getResponse().getContentAsString();

        // then a nested phase under it, and an assignment with a task: each time the plan travels in the form
        page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/phases/1/label", "Đợt 2").param("f/phases/1/title", "Sau Đại hội")
                        .param("op", "add:/phases/1/phases"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"f/phases/1/phases/0/title\"")))
                .andExpect(content().string(containsString("value=\"Đợt 2\"")))
                .andReturn().getResponse().getContentAsString();
        page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/phases/1/phases/0/label", "2.1").param("f/phases/1/phases/0/title", "Tổng kết")
                        .param("op", "add:/assignments"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/assignments/1/unit", "Ủy ban MTTQ thành phố " + tree.token)
                        .param("f/assignments/1/role", "requested")
                        .param("op", "add:/assignments/1/tasks"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"f/assignments/1/tasks/0/text\"")))
                .andReturn().getResponse().getContentAsString();
        // remove the theme, add a slogan; an unreadable due date is said next to its field, nothing saved
        page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/assignments/1/tasks/0/text", "Phối hợp tuyên truyền")
                        .param("f/assignments/1/tasks/0/kind", "coordinate")
                        .param("t/assignments/1/tasks/0/due/shape", "date")
                        .param("t/assignments/1/tasks/0/due/text", "31/02/2025")
                        .param("op", "remove:/themes/0"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).doesNotContain("name=\"f/themes/0\"").contains("Phối hợp tuyên truyền")
                .contains("data-error=\"/assignments/1/tasks/0/due\"");
        mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("t/assignments/1/tasks/0/due/shape", "date")
                        .param("t/assignments/1/tasks/0/due/text", "31/02/2025"))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("Ngày &quot;31/02/2025&quot; không đọc được")))
                .andExpect(content().string(containsString("Phối hợp tuyên truyền")));
        assertThat(plan(officer, id).get("version").longValue()).isEqualTo(version);

        mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("t/assignments/1/tasks/0/due/shape", "date")
                        .param("t/assignments/1/tasks/0/due/text", "15/03/2025"))
                .andExpect(status().is3xxRedirection());

        JsonNode saved = plan(officer, id).get("plan");
        assertThat(saved.at("/document/title").asString()).isEqualTo("tiêu đề mới " + tree.token);
        assertThat(saved.at("/phases/1/label").asString()).isEqualTo("Đợt 2");
        assertThat(saved.at("/phases/1/phases/0/title").asString()).isEqualTo("Tổng kết");
        assertThat(saved.at("/assignments/1/role").asString()).isEqualTo("requested");
        assertThat(saved.at("/assignments/1/tasks/0/kind").asString()).isEqualTo("coordinate");
        assertThat(saved.at("/assignments/1/tasks/0/due/date").asString()).isEqualTo("2025-03-15");
        assertThat(saved.get("themes")).isEmpty();
        assertThat(saved.at("/assignments/0/tasks/0/due/date").asString()).as("untouched").isEqualTo("2025-02-01");

        mvc.perform(get("/plans/" + id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tổng kết")))
                .andExpect(content().string(containsString("Phối hợp tuyên truyền")));
    }

    @Test
    void aFieldTheFormatRefusesIsShownNextToItAndAStaleSaveKeepsWhatWasTyped() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        long id = create(officer, PlanApiTest.PLAN.replace("TOKEN", tree.token));
        long version = plan(officer, id).get("version").longValue();

        // an assignment without its unit: the format requires it
        String page = mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("op", "add:/assignments"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/document/place", "Ninh Thuận " + tree.token))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(containsString("data-error=\"/assignments/1/unit\"")))
                .andExpect(content().string(containsString("Ninh Thuận " + tree.token)));

        // someone else saved first: 409, and the typed text is still on the page
        mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("f/document/place", "Nơi khác"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(post("/plans/" + id + "/edit").with(as(officer)).with(csrf())
                        .param("version", String.valueOf(version)).param("document", document(page))
                        .param("f/assignments/1/unit", "Phòng Tư pháp " + tree.token))
                .andExpect(status().isConflict())
                .andExpect(content().string(containsString("Phòng Tư pháp " + tree.token)))
                .andExpect(content().string(containsString("data-code=\"STALE_VERSION\"")));
    }

    @Test
    void aPlanIsWrittenFromABlankPage() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        mvc.perform(get("/plans/new").with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("name=\"f/document/title\"")))
                .andExpect(content().string(containsString("value=\"add:/phases\"")));
        mvc.perform(get("/plans/new").with(as(tree.own, Role.LEADER))).andExpect(status().isForbidden());

        String page = mvc.perform(post("/plans/new").with(as(officer)).with(csrf())
                        .param("f/document/title", "kế hoạch soạn mới " + tree.token).param("op", "add:/events"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        String location = mvc.perform(post("/plans/new").with(as(officer)).with(csrf())
                        .param("document", document(page))
                        .param("f/events/0/name", "Đại hội Đảng bộ thành phố " + tree.token)
                        .param("f/events/0/start", "20/06/2025"))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/plans/", ""));
        JsonNode saved = plan(officer, id);
        assertThat(saved.get("status").asString()).isEqualTo("DRAFT");
        assertThat(saved.at("/plan/document/title").asString()).isEqualTo("kế hoạch soạn mới " + tree.token);
        assertThat(saved.at("/plan/events/0/start").asString()).isEqualTo("2025-06-20");
        assertThat(saved.get("issuerUnitId").longValue()).isEqualTo(tree.own.id());
    }

    @Test
    void theApiPlanCarriesItsResolvedTimesAndTheInclusiveReadingMovesADue() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        // "trước ngày 15/3/2025": read strictly, due by the end of 14/3/2025
        long id = create(officer, PlanApiTest.PLAN.replace("TOKEN", tree.token)
                .replace("\"due\": { \"date\": \"2025-02-01\" }", "\"due\": { \"date\": \"2025-03-15\" }"));
        String pointer = "/assignments/0/tasks/0/due";
        mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("DRAFT"))
                .andExpect(jsonPath("$.plan.format").value("lantoa.plan/1"))
                .andExpect(jsonPath("$.reading").value("STRICT"))
                .andExpect(jsonPath("$.times[?(@.pointer == '" + pointer + "')].date").value("2025-03-14"))
                .andExpect(jsonPath("$.times[?(@.pointer == '" + pointer + "')].rules[*]")
                        .value(hasItem(containsString("Trước ngày 15/03/2025"))))
                .andExpect(jsonPath("$.times[?(@.pointer == '/phases/0/start')].date").value("2025-01-15"))
                .andExpect(jsonPath("$.times[?(@.pointer == '/phases/0/end')].date").value("2025-03-31"));
        mvc.perform(get("/plans/" + id).with(as(officer)))
                .andExpect(content().string(containsString("14/03/2025")))
                .andExpect(content().string(containsString("data-testid=\"reading-switch\"")));

        // the issuer chooses "đến hết ngày": 15/3/2025 is a Saturday, so the last day moves to Monday 17/3 (Điều 148)
        mvc.perform(post("/plans/" + id + "/reading").with(as(officer)).with(csrf()).param("reading", "INCLUSIVE"))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/api/v1/plans/" + id).with(as(officer)))
                .andExpect(jsonPath("$.reading").value("INCLUSIVE"))
                .andExpect(jsonPath("$.times[?(@.pointer == '" + pointer + "')].date").value("2025-03-17"));
        mvc.perform(get("/plans/" + id).with(as(officer)))
                .andExpect(content().string(containsString("17/03/2025")))
                .andExpect(content().string(not(containsString("hạn cuối: 14/03/2025"))));
        mvc.perform(get("/api/v1/plans/" + id + "/times").with(as(officer)))
                .andExpect(jsonPath("$.reading").value("INCLUSIVE"))
                .andExpect(jsonPath("$.times[?(@.pointer == '" + pointer + "')].date").value("2025-03-17"));

        // only the issuer's writers choose: another unit that sees the plan may not
        mvc.perform(post("/plans/" + id + "/reading").with(as(tree.city, Role.OFFICER)).with(csrf())
                .param("reading", "STRICT")).andExpect(status().isForbidden());
    }

    @Test
    void theListFiltersByEventAndPhaseWithoutDiacritics() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        long id = create(officer, PlanApiTest.PLAN.replace("TOKEN", tree.token));
        MockHttpServletRequestBuilder list = get("/plans").param("q", tree.token).with(as(officer));
        mvc.perform(list.param("event", "dai hoi dai bieu toan quoc")).andExpect(status().isOk())
                .andExpect(content().string(containsString("/plans/" + id + "\"")));
        mvc.perform(get("/plans").param("q", tree.token).param("event", "dai hoi tinh").with(as(officer)))
                .andExpect(content().string(not(containsString("/plans/" + id + "\""))));
        mvc.perform(get("/plans").param("q", tree.token).param("phase", "dot 1 tuyen truyen cao").with(as(officer)))
                .andExpect(content().string(containsString("/plans/" + id + "\"")));
        mvc.perform(get("/plans").param("q", tree.token).param("phase", "Đợt 3").with(as(officer)))
                .andExpect(content().string(not(containsString("/plans/" + id + "\""))));
    }

    @Test
    void unitsArePickedOnTheImportReview() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        String document = JSON.readTree(PlanApiTest.PLAN.replace("TOKEN", tree.token)
                .replace("Phòng Văn hóa và Thông tin", "Tổ công tác đặc biệt " + tree.token)).toString();
        String sha = "ab".repeat(31) + String.format("%02x", tree.token.hashCode() & 0xff);
        // a row added on the review page: the review comes back with the heading that needs a unit picked
        mvc.perform(post("/plans/import/save").with(as(officer)).with(csrf()).param("document", document)
                        .param("sha256", sha).param("op", "add:/slogans"))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"review-match\"")))
                .andExpect(content().string(containsString("data-state=\"UNMATCHED\"")))
                .andExpect(content().string(containsString("name=\"pick0\"")))
                .andExpect(content().string(containsString("name=\"f/slogans/0\"")));
        String location = mvc.perform(post("/plans/import/save").with(as(officer)).with(csrf())
                        .param("document", document).param("sha256", sha).param("again", "true")
                        .param("pick0", String.valueOf(tree.ward.id())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        long id = Long.parseLong(location.replaceAll(".*/plans/", ""));
        mvc.perform(get("/api/v1/plans/" + id + "/assignments").with(as(officer)))
                .andExpect(jsonPath("$[0].confirmed").value(true))
                .andExpect(jsonPath("$[0].resolved").value(true))
                .andExpect(jsonPath("$[0].units[0].id").value(tree.ward.id()));
    }

    @Test
    void anAssignedUnitSeesTheButtonThatDerivesItsOwnPlan() throws Exception {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        long id = create(officer, PlanApiTest.PLAN.replace("TOKEN", tree.token)
                .replace("Phòng Văn hóa và Thông tin", tree.ward.name()));
        mvc.perform(post("/api/v1/plans/" + id + "/issue").with(as(officer)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(get("/plans/" + id).with(as(tree.ward, Role.OFFICER)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("action=\"/plans/" + id + "/derive\"")))
                .andExpect(content().string(containsString("Xây dựng kế hoạch thực hiện")));
        // the issuer itself, and a leader of the unit, do not derive
        mvc.perform(get("/plans/" + id).with(as(officer)))
                .andExpect(content().string(not(containsString("/plans/" + id + "/derive"))));
        mvc.perform(get("/plans/" + id).with(as(tree.ward, Role.LEADER)))
                .andExpect(content().string(not(containsString("/plans/" + id + "/derive"))));
    }
}
