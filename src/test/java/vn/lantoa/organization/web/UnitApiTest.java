package vn.lantoa.organization.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.hasSize;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;

/**
 * The unit API through the whole filter chain: who may read and write what (RELIABILITY.md §(a): every logged-in
 * user reads the tree; writes need the unit authority, inside the own subtree), stale versions, closed units, and
 * problem+json codes. A refused write changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
class UnitApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement management;

    @Autowired
    Units units;

    static final TestActor SYSTEM_ADMIN = TestActor.admin();

    String token;
    Unit province;
    Unit city;
    Unit own;
    Unit ward;
    Unit front;

    @BeforeEach
    void tree() {
        token = TestActor.token();
        province = create(null, "Tỉnh ủy " + token, UnitKind.PARTY_COMMITTEE);
        city = create(province, "Thành ủy " + token, UnitKind.PARTY_COMMITTEE);
        own = create(city, "Ủy ban nhân dân thành phố " + token, UnitKind.PEOPLES_COMMITTEE);
        ward = create(own, "Ủy ban nhân dân phường An Dương " + token, UnitKind.PEOPLES_COMMITTEE);
        front = create(city, "Ủy ban MTTQ thành phố " + token, UnitKind.FATHERLAND_FRONT);
    }

    private Unit create(Unit parent, String name, UnitKind kind) {
        return management.create(SYSTEM_ADMIN, new NewUnit(parent == null ? null : parent.id(), name, null, kind,
                null, null, LocalDate.of(2020, 1, 1)));
    }

    private static RequestPostProcessor as(TestActor actor) {
        return authentication(new TestingAuthenticationToken(actor, null, "ROLE_TEST"));
    }

    private TestActor unitAdmin() {
        return new TestActor(own.id(), UnitActor.UnitAuthority.SUBTREE);
    }

    private TestActor reader() {
        return new TestActor(own.id(), UnitActor.UnitAuthority.NONE);
    }

    private static String json(String text) {
        return text.replace('\'', '"');
    }

    @Test
    void anonymousCallersGet401() throws Exception {
        mvc.perform(get("/api/v1/units/" + ward.id())).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/v1/units")).andExpect(status().isUnauthorized());
    }

    @Test
    void everyLoggedInUserReadsTheTreeEvenOutsideTheOwnSubtree() throws Exception {
        TestActor readerInWard = new TestActor(ward.id(), UnitActor.UnitAuthority.NONE);
        mvc.perform(get("/api/v1/units/" + front.id()).with(as(readerInWard)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.id").value(front.id()))
                .andExpect(jsonPath("$.name").value("Ủy ban MTTQ thành phố " + token))
                .andExpect(jsonPath("$.kind").value("FATHERLAND_FRONT"))
                .andExpect(jsonPath("$.system").value("FRONT"))
                .andExpect(jsonPath("$.path").value(front.path()))
                .andExpect(jsonPath("$.version").value(front.version()));
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(city.id())).with(as(readerInWard)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(2)))
                // Vietnamese order: "Ủy ban MTTQ" before "Ủy ban nhân dân"
                .andExpect(jsonPath("$[0].id").value(front.id()))
                .andExpect(jsonPath("$[1].id").value(own.id()));
        mvc.perform(get("/api/v1/units").param("q", "uy ban an duong").param("under", String.valueOf(province.id()))
                        .with(as(readerInWard)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$", hasSize(1)))
                .andExpect(jsonPath("$[0].id").value(ward.id()));
        mvc.perform(get("/api/v1/units/" + ward.id() + "/ancestors").with(as(readerInWard)))
                .andExpect(jsonPath("$[*].id").value(org.hamcrest.Matchers.contains(
                        (int) province.id(), (int) city.id(), (int) own.id())));
        mvc.perform(get("/api/v1/units/" + (ward.id() + 1_000_000)).with(as(readerInWard)))
                .andExpect(status().isNotFound())
                .andExpect(content().contentTypeCompatibleWith("application/problem+json"))
                .andExpect(jsonPath("$.code").value("UNIT_NOT_FOUND"));
    }

    @Test
    void aSystemAdministratorCreatesRenamesAndTheOldNameStaysInTheHistory() throws Exception {
        String created = mvc.perform(post("/api/v1/units").with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + city.id() + ", 'name': 'Ban Tuyên giáo Thành ủy " + token
                                + "', 'shortName': 'BTG " + token + "', 'kind': 'PARTY_BOARD', 'code': 'BTGTU',"
                                + " 'validFrom': '2020-01-01'}")))
                .andExpect(status().isCreated())
                .andExpect(header().string("Location", containsString("/api/v1/units/")))
                .andExpect(jsonPath("$.system").value("PARTY"))
                .andExpect(jsonPath("$.code").value("BTGTU"))
                .andExpect(jsonPath("$.version").value(0))
                .andReturn().getResponse().getContentAsString();
        long id = Long.parseLong(created.replaceAll("(?s).*\"id\":(\\d+).*", "$1"));

        mvc.perform(put("/api/v1/units/" + id).with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'name': 'Ban Tuyên giáo và Dân vận Thành ủy " + token + "', 'shortName': "
                                + "'BTGDV " + token + "', 'code': 'BTGDVTU', 'kind': 'PARTY_BOARD', 'version': 0,"
                                + " 'effectiveFrom': '2025-03-01'}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Ban Tuyên giáo và Dân vận Thành ủy " + token))
                .andExpect(jsonPath("$.version").value(1));

        mvc.perform(get("/api/v1/units/" + id + "/as-of").param("date", "2024-12-31").with(as(reader())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.name").value("Ban Tuyên giáo Thành ủy " + token))
                .andExpect(jsonPath("$.code").value("BTGTU"));
        mvc.perform(get("/api/v1/units/" + id + "/history").with(as(reader())))
                .andExpect(jsonPath("$", hasSize(2)))
                .andExpect(jsonPath("$[1].validFrom").value("2025-03-01"));
        mvc.perform(get("/api/v1/units/" + id + "/as-of").param("date", "2019-12-31").with(as(reader())))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("UNIT_NOT_YET"));
    }

    @Test
    void aStaleOrMissingVersionIsRefusedAndChangesNothing() throws Exception {
        String rename = "{'name': 'Tên mới " + token + "', 'kind': 'PEOPLES_COMMITTEE', 'version': %s}";
        mvc.perform(put("/api/v1/units/" + ward.id()).with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json(rename.formatted(ward.version() + 1))))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        mvc.perform(put("/api/v1/units/" + ward.id()).with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content(json(rename.formatted("null"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("VERSION_REQUIRED"));
        mvc.perform(post("/api/v1/units/" + ward.id() + "/move").with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + front.id() + ", 'version': 7}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));
        assertThat(units.get(ward.id())).isEqualTo(ward);
    }

    @Test
    void aUnitAdministratorWritesOnlyInsideTheOwnSubtree() throws Exception {
        TestActor admin = unitAdmin();
        // inside: create under the own unit, rename a child
        mvc.perform(post("/api/v1/units").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + ward.id() + ", 'name': 'Tổ dân phố 3 " + token
                                + "', 'kind': 'RESIDENTIAL_GROUP'}")))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.parentId").value(ward.id()))
                .andExpect(jsonPath("$.depth").value(ward.depth() + 1));

        // outside or above: 403, nothing changes
        mvc.perform(post("/api/v1/units/" + own.id() + "/move").with(as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + front.id() + ", 'version': " + own.version() + "}")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(post("/api/v1/units/" + ward.id() + "/move").with(as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + front.id() + ", 'version': " + ward.version() + "}")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        mvc.perform(put("/api/v1/units/" + front.id()).with(as(admin)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'name': 'X', 'kind': 'FATHERLAND_FRONT', 'version': " + front.version() + "}")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/api/v1/units").with(as(admin)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + city.id() + ", 'name': 'Ban " + token
                                + "', 'kind': 'PARTY_BOARD'}")))
                .andExpect(status().isForbidden());
        // a reader writes nothing
        mvc.perform(put("/api/v1/units/" + ward.id()).with(as(reader())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'name': 'X', 'kind': 'PEOPLES_COMMITTEE', 'version': " + ward.version() + "}")))
                .andExpect(status().isForbidden())
                .andExpect(jsonPath("$.code").value("FORBIDDEN"));
        assertThat(units.get(own.id())).isEqualTo(own);
        assertThat(units.get(ward.id())).isEqualTo(ward);
        assertThat(units.get(front.id())).isEqualTo(front);
        assertThat(units.children(city.id())).extracting(Unit::id).containsExactlyInAnyOrder(own.id(), front.id());
    }

    @Test
    void aWriteWithoutCsrfTokenIsRefused() throws Exception {
        mvc.perform(post("/api/v1/units").with(as(SYSTEM_ADMIN)).contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + city.id() + ", 'name': 'Không CSRF " + token
                                + "', 'kind': 'OTHER'}")))
                .andExpect(status().isForbidden());
        assertThat(units.search("khong csrf " + token, null, true, 10)).isEmpty();
    }

    @Test
    void closedUnitsAreReadableAndRefuseWrites() throws Exception {
        mvc.perform(post("/api/v1/units/" + ward.id() + "/close").with(as(unitAdmin())).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'version': " + ward.version() + ", 'closedOn': '2025-06-30'}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.closedOn").value("2025-06-30"));
        Unit closed = units.get(ward.id());

        mvc.perform(put("/api/v1/units/" + ward.id()).with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'name': 'X', 'kind': 'PEOPLES_COMMITTEE', 'version': " + closed.version() + "}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UNIT_CLOSED"));
        mvc.perform(post("/api/v1/units").with(as(SYSTEM_ADMIN)).with(csrf()).contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + ward.id() + ", 'name': 'Tổ " + token + "', 'kind': 'OTHER'}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UNIT_CLOSED"));
        mvc.perform(get("/api/v1/units/" + ward.id()).with(as(reader())))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true));
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(own.id())).with(as(reader())))
                .andExpect(jsonPath("$", hasSize(0)));
        mvc.perform(get("/api/v1/units").param("parentId", String.valueOf(own.id())).param("includeClosed", "true")
                        .with(as(reader())))
                .andExpect(jsonPath("$", hasSize(1)));
        assertThat(units.get(ward.id())).isEqualTo(closed);
    }

    @Test
    void movesUnderADescendantAndMergesAreAnsweredWithTheirCodes() throws Exception {
        mvc.perform(post("/api/v1/units/" + city.id() + "/move").with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'parentId': " + ward.id() + ", 'version': " + city.version() + "}")))
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("UNIT_MOVE_UNDER_DESCENDANT"));

        mvc.perform(post("/api/v1/units/" + ward.id() + "/merge").with(as(SYSTEM_ADMIN)).with(csrf())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json("{'successorId': " + front.id() + ", 'version': " + ward.version()
                                + ", 'effectiveOn': '2025-07-01'}")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.closed").value(true))
                .andExpect(jsonPath("$.successorId").value(front.id()))
                .andExpect(jsonPath("$.parentId").value(front.id()))
                .andExpect(jsonPath("$.path", endsWith("/" + front.id() + "/" + ward.id() + "/")));
        mvc.perform(get("/api/v1/units/" + ward.id() + "/as-of").param("date", "2025-06-30").with(as(reader())))
                .andExpect(jsonPath("$.parentId").value(own.id()));
    }

    @Test
    void aBulkImportLoadsAllRowsOrNoneWithTheRejectedRows() throws Exception {
        String good = "key,parent,short_name,name,kind\n"
                + "a,#" + ward.id() + ",Tổ 1 " + token + ",Tổ dân phố 1 " + token + ",Tổ dân phố\n"
                + "b,a,Chi bộ 1 " + token + ",Chi bộ Tổ dân phố 1 " + token + ",Chi bộ\n";
        mvc.perform(multipart("/api/v1/units/import")
                        .file(new MockMultipartFile("file", "to.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .with(as(unitAdmin())).with(csrf()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.created").value(2))
                .andExpect(jsonPath("$.ids", hasSize(2)));
        assertThat(units.countBelow(ward.id())).isEqualTo(2);

        String bad = "name,kind\nTổ 2 " + token + ",Tổ dân phố\nTổ 3 " + token + ",Quận\n";
        mvc.perform(multipart("/api/v1/units/import")
                        .file(new MockMultipartFile("file", "to.csv", "text/csv", bad.getBytes(StandardCharsets.UTF_8)))
                        .param("parentId", String.valueOf(ward.id()))
                        .with(as(unitAdmin())).with(csrf()))
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("BULK_REJECTED"))
                .andExpect(jsonPath("$.detail").value(containsString("1 dòng")))
                .andExpect(jsonPath("$.rejectedRows", hasSize(1)))
                .andExpect(jsonPath("$.rejectedRows[0].row").value(3))
                .andExpect(jsonPath("$.rejectedRows[0].reason").value(containsString("Quận")));
        mvc.perform(multipart("/api/v1/units/import")
                        .file(new MockMultipartFile("file", "to.csv", "text/csv", good.getBytes(StandardCharsets.UTF_8)))
                        .with(as(reader())).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(units.countBelow(ward.id())).isEqualTo(2);
    }
}
