package vn.lantoa.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;

/**
 * {@code GET /api/v1/plans/{id}/document.docx|.pdf}: the document of a plan the user may read, with its content type
 * and a Vietnamese file name that old clients can also save; 404 PLAN_NOT_FOUND for a plan the user may not read.
 */
@SpringBootTest
@AutoConfigureMockMvc
class PlanDocumentApiTest {

    static final String PLAN = """
            {
              "format": "lantoa.plan/1",
              "document": {
                "kind": "KH", "number": "7", "symbol": "7/KH-UBND", "system": "state", "issuedOn": "2025-08-01",
                "place": "An Dương", "issuer": "Ủy ban nhân dân phường An Dương",
                "title": "tuyên truyền Đại hội TOKEN",
                "signer": { "name": "Vũ Mạnh Hùng", "position": "Phó Chủ tịch", "authority": "TM. Ủy ban nhân dân, KT. Chủ tịch" }
              },
              "phases": [ { "label": "Đợt 1", "title": "cao điểm", "start": { "date": "2025-08-05" },
                            "end": { "month": "2025-09" }, "content": [ "Treo băng rôn, khẩu hiệu." ], "phases": [] } ],
              "assignments": [ { "unit": "Phòng Văn hóa - Xã hội", "role": "lead",
                                 "tasks": [ { "text": "Xây dựng kế hoạch chi tiết.", "due": null, "kind": "plan" } ] } ],
              "recipients": [ "Thường trực Đảng ủy", "Lưu: VT, VHXH." ]
            }
            """;

    @Autowired
    MockMvc mvc;

    @Autowired
    UnitManagement units;

    final JsonMapper mapper = JsonMapper.builder().build();

    PlanFixture tree;
    CurrentUser officer;
    long id;

    @BeforeEach
    void plan() throws Exception {
        tree = new PlanFixture(units);
        officer = PlanFixture.user(tree.own, Role.OFFICER);
        String answer = mvc.perform(post("/api/v1/plans").with(as(officer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(PLAN.replace("TOKEN", tree.token)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        id = mapper.readTree(answer).get("id").longValue();
    }

    @Test
    void theDocxOfAReadablePlan() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/plans/{id}/document.docx", id).with(as(officer)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).isEqualTo("attachment; filename=\"ke-hoach-7-kh-ubnd.docx\"; "
                + "filename*=UTF-8''K%E1%BA%BF%20ho%E1%BA%A1ch%207-KH-UBND.docx");
        List<String> lines = docxLines(response.getContentAsByteArray());
        assertThat(lines).contains("Số: 07/KH-UBND", "An Dương, ngày 01 tháng 8 năm 2025", "- Lưu: VT, VHXH.",
                "Tuyên truyền Đại hội " + tree.token);
    }

    @Test
    void thePdfOfAReadablePlan() throws Exception {
        MockHttpServletResponse response = mvc.perform(get("/api/v1/plans/{id}/document.pdf", id).with(as(officer)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse();
        assertThat(response.getHeader("Content-Disposition")).startsWith("attachment; filename=\"ke-hoach-7-kh-ubnd.pdf\"");
        assertThat(response.getHeader("Cache-Control")).contains("no-store");
        try (var pdf = org.apache.pdfbox.Loader.loadPDF(response.getContentAsByteArray())) {
            assertThat(new org.apache.pdfbox.text.PDFTextStripper().getText(pdf)).contains("Vũ Mạnh Hùng",
                    "TM. ỦY BAN NHÂN DÂN");
        }
    }

    @Test
    void theGoverningBodyAndTheDraftingUnitComeFromTheOrganizationTree() throws Exception {
        // an office under the city's People's Committee: the committee is printed above it, its code in "Lưu"
        var office = units.create(vn.lantoa.organization.TestActor.admin(), new vn.lantoa.organization.NewUnit(
                tree.own.id(), "Phòng Văn hóa - Xã hội " + tree.token, null,
                vn.lantoa.organization.UnitKind.SPECIALISED_OFFICE, null, "VHXH", java.time.LocalDate.of(2020, 1, 1)));
        CurrentUser clerk = PlanFixture.user(office, Role.OFFICER);
        String json = PLAN.replace("TOKEN", tree.token).replace("\"Lưu: VT, VHXH.\"", "\"Chủ tịch UBND\"")
                .replace("\"issuer\": \"Ủy ban nhân dân phường An Dương\"", "\"issuer\": \"Phòng Văn hóa - Xã hội\"");
        String answer = mvc.perform(post("/api/v1/plans").with(as(clerk)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content(json))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long plan = mapper.readTree(answer).get("id").longValue();
        List<String> lines = docxLines(mvc.perform(get("/api/v1/plans/{id}/document.docx", plan).with(as(clerk)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        String superior = vn.lantoa.shared.VietnameseText.upper("Ủy ban nhân dân thành phố " + tree.token);
        assertThat(lines).contains(superior, "PHÒNG VĂN HÓA - XÃ HỘI", "- Lưu: VT, VHXH.");
        assertThat(lines.indexOf(superior)).isLessThan(lines.indexOf("PHÒNG VĂN HÓA - XÃ HỘI"));
        // a People's Committee prints no governing body above itself
        List<String> own = docxLines(mvc.perform(get("/api/v1/plans/{id}/document.docx", id).with(as(officer)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray());
        assertThat(own).doesNotContain(vn.lantoa.shared.VietnameseText.upper("Thành ủy " + tree.token));
    }

    @Test
    void aPlanTheUserMayNotReadIsNotFound() throws Exception {
        CurrentUser stranger = PlanFixture.user(tree.front, Role.OFFICER); // a sibling unit: the draft is invisible
        for (String format : List.of("docx", "pdf")) {
            mvc.perform(get("/api/v1/plans/{id}/document." + format, id).with(as(stranger)))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
        }
        mvc.perform(get("/api/v1/plans/{id}/document.pdf", Long.MAX_VALUE).with(as(officer)))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
    }

    @Test
    void thePlanPageLinksToBothDocuments() throws Exception {
        String page = mvc.perform(get("/plans/{id}", id).with(as(officer))).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
        assertThat(page).contains("href=\"/api/v1/plans/" + id + "/document.docx\"",
                "href=\"/api/v1/plans/" + id + "/document.pdf\"", "Tải PDF");
    }

    static List<String> docxLines(byte[] bytes) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(bytes))) {
            List<String> lines = new java.util.ArrayList<>();
            doc.getParagraphs().forEach(p -> lines.add(p.getText()));
            doc.getTables().forEach(t -> t.getRows().forEach(r -> r.getTableCells()
                    .forEach(c -> c.getParagraphs().forEach(p -> lines.add(p.getText())))));
            return lines;
        }
    }
}
