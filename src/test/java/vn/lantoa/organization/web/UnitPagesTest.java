package vn.lantoa.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitChange;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;

/** The unit pages in Vietnamese: tree, search without diacritics, detail with history, forms and the upload report. */
@SpringBootTest
@AutoConfigureMockMvc
class UnitPagesTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement management;

    @Autowired
    Units units;

    static final TestActor ADMIN = TestActor.admin();

    String token;
    Unit root;
    Unit ward;
    Unit group;

    @BeforeEach
    void tree() {
        token = TestActor.token();
        root = management.create(ADMIN, new NewUnit(null, "Thành ủy " + token, null, UnitKind.PARTY_COMMITTEE, null,
                "TU", LocalDate.of(2020, 1, 1)));
        ward = management.create(ADMIN, new NewUnit(root.id(), "Ủy ban nhân dân phường An Dương " + token,
                "UBND phường An Dương " + token, UnitKind.PEOPLES_COMMITTEE, null, "UBND", LocalDate.of(2020, 1, 1)));
        group = management.create(ADMIN, new NewUnit(ward.id(), "Tổ dân phố số 3 " + token, null,
                UnitKind.RESIDENTIAL_GROUP, null, null, LocalDate.of(2020, 1, 1)));
    }

    private static RequestPostProcessor as(TestActor actor) {
        return authentication(new TestingAuthenticationToken(actor, null, "ROLE_TEST"));
    }

    @Test
    void anonymousVisitorsAreSentToTheLogin() throws Exception {
        mvc.perform(get("/admin/units")).andExpect(status().is3xxRedirection());
    }

    @Test
    void theSearchFindsUnitsTypedWithoutDiacritics() throws Exception {
        mvc.perform(get("/admin/units").param("q", "uy ban an duong " + token)
                        .with(as(new TestActor(group.id(), UnitActor.UnitAuthority.NONE))))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Cây tổ chức")))
                .andExpect(content().string(containsString("UBND phường An Dương " + token)))
                .andExpect(content().string(containsString("Tìm thấy 1 đơn vị")));
    }

    @Test
    void theTreeOpensNodeByNode() throws Exception {
        mvc.perform(get("/admin/units").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Thành ủy " + token)))
                .andExpect(content().string(containsString("/admin/units/" + root.id() + "/children")))
                .andExpect(content().string(containsString("id=\"root-name\"")));
        mvc.perform(get("/admin/units/" + ward.id() + "/children").with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Tổ dân phố số 3 " + token)))
                .andExpect(content().string(not(containsString("<nav"))));
    }

    @Test
    void aUnitShowsItsHistoryAndTheFormsItsActorMayUse() throws Exception {
        management.update(ADMIN, ward.id(), new UnitChange("Ủy ban nhân dân phường Mới " + token,
                "UBND phường Mới " + token, "UBND", UnitKind.PEOPLES_COMMITTEE, null, ward.version(),
                LocalDate.of(2025, 7, 1)));

        mvc.perform(get("/admin/units/" + ward.id()).with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Ủy ban nhân dân phường Mới " + token)))
                .andExpect(content().string(containsString("Ủy ban nhân dân phường An Dương " + token)))
                .andExpect(content().string(containsString("01/07/2025")))
                .andExpect(content().string(containsString("01/01/2020")))
                .andExpect(content().string(containsString("Thành ủy " + token)))
                .andExpect(content().string(containsString("data-testid=\"rename-form\"")))
                .andExpect(content().string(containsString("data-testid=\"move-form\"")))
                .andExpect(content().string(containsString("id=\"child-name\"")))
                .andExpect(content().string(containsString("name=\"_csrf\"")));
        mvc.perform(get("/admin/units/" + ward.id()).with(as(new TestActor(group.id(), UnitActor.UnitAuthority.SUBTREE))))
                .andExpect(status().isOk())
                .andExpect(content().string(not(containsString("data-testid=\"rename-form\""))))
                .andExpect(content().string(not(containsString("data-testid=\"move-form\""))));
    }

    @Test
    void aRenameFormSavesAndARefusedOneChangesNothing() throws Exception {
        mvc.perform(post("/admin/units/" + group.id() + "/rename").with(as(ADMIN)).with(csrf())
                        .param("name", "Tổ dân phố số 3A " + token).param("kind", "RESIDENTIAL_GROUP")
                        .param("version", String.valueOf(group.version())).param("effectiveFrom", "2025-07-01"))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/admin/units/" + group.id()))
                .andExpect(flash().attribute("done", containsString("Tổ dân phố số 3A " + token)));
        Unit renamed = units.get(group.id());
        assertThat(renamed.name()).isEqualTo("Tổ dân phố số 3A " + token);

        // a stale version comes back to the form with the reason
        mvc.perform(post("/admin/units/" + group.id() + "/rename").with(as(ADMIN)).with(csrf())
                        .param("name", "Khác " + token).param("kind", "RESIDENTIAL_GROUP")
                        .param("version", String.valueOf(group.version())))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("error", containsString("người khác sửa trước bạn")));
        // a reader gets the error page
        mvc.perform(post("/admin/units/" + group.id() + "/rename")
                        .with(as(new TestActor(group.id(), UnitActor.UnitAuthority.NONE))).with(csrf())
                        .param("name", "Khác " + token).param("kind", "RESIDENTIAL_GROUP")
                        .param("version", String.valueOf(renamed.version())))
                .andExpect(status().isForbidden());
        assertThat(units.get(group.id())).isEqualTo(renamed);
    }

    @Test
    void aChildIsCreatedFromTheUnitPage() throws Exception {
        mvc.perform(post("/admin/units/" + ward.id() + "/children").with(as(ADMIN)).with(csrf())
                        .param("name", "Trường Tiểu học An Dương " + token).param("kind", "SCHOOL"))
                .andExpect(status().is3xxRedirection());
        assertThat(units.children(ward.id())).extracting(Unit::name).contains("Trường Tiểu học An Dương " + token);
    }

    @Test
    void theUploadPageListsTheRejectedRows() throws Exception {
        String csv = "name,kind\nTổ dân phố số 4 " + token + ",Tổ dân phố\nTổ dân phố số 5 " + token + ",Phường\n";
        mvc.perform(multipart("/admin/units/import")
                        .file(new MockMultipartFile("file", "to.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .param("parentId", String.valueOf(ward.id())).with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-testid=\"rejected\"")))
                .andExpect(content().string(containsString("Loại đơn vị &quot;Phường&quot; không hợp lệ.")))
                .andExpect(content().string(containsString("<td>3</td>")));
        assertThat(units.children(ward.id())).containsExactly(group);

        String good = "name,kind\nTổ dân phố số 4 " + token + ",Tổ dân phố\n";
        mvc.perform(multipart("/admin/units/import")
                        .file(new MockMultipartFile("file", "to.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .param("parentId", String.valueOf(ward.id())).with(as(ADMIN)).with(csrf()))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Đã thêm 1 đơn vị.")));
        assertThat(units.children(ward.id())).hasSize(2);
    }

    @Test
    void thePickerOffersUnitsToChoose() throws Exception {
        mvc.perform(get("/admin/units/pick").param("q", "to dan pho " + token).param("for", "move-parent")
                        .with(as(ADMIN)))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("data-lt-pick=\"" + group.id() + "\"")))
                .andExpect(content().string(containsString("data-lt-for=\"move-parent\"")));
    }
}
