package vn.lantoa.document.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ReportingWorld;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.PeriodScheme;

/**
 * {@code GET /api/v1/reports/{id}/document.docx|.pdf} and {@code GET /api/v1/plans/{id}/consolidation/document.*}
 * over real reports: a ward reports, the city accepts; the city's report as a document is addressed to the province,
 * its table holds the figures of the report and the ward's row; the consolidation document the same; whoever may not
 * read the report or the consolidation gets the reporting module's 404.
 */
@SpringBootTest
@AutoConfigureMockMvc
class ReportDocumentApiTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    Clock clock;

    final JsonMapper json = JsonMapper.builder().build();
    ReportingWorld world;
    String period;
    CurrentUser ward1;
    CurrentUser city;
    long wardReport;
    long cityReport;

    @BeforeEach
    void reports() throws Exception {
        world = new ReportingWorld(units, plans);
        LocalDate now = LocalDate.now(clock.withZone(Deadline.VIETNAM));
        period = PeriodScheme.partyFixedDates().containing(now).orElseThrow().id();
        ward1 = ReportingWorld.officer(world.ward1);
        city = ReportingWorld.officer(world.city);
        record(ward1, "Hội nghị học tập nghị quyết", "oral", DAY.format(now), "oral_sessions", "1", "attendees", "120");
        record(ward1, "Treo băng rôn chào mừng", "visual", DAY.format(now), "banners", "25");
        record(city, "Hội nghị báo cáo viên thành phố", "oral", DAY.format(now), "oral_sessions", "1", "attendees",
                "300");
        wardReport = report(ward1).get("id").asLong();
        mvc.perform(post("/api/v1/reports/" + wardReport + "/submit").with(as(ward1)).with(csrf()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/reports/" + wardReport + "/accept").with(as(city)).with(csrf()))
                .andExpect(status().isOk());
        cityReport = report(city).get("id").asLong();
    }

    void record(CurrentUser who, String title, String channel, String day, String... outputs) throws Exception {
        var request = multipart("/api/v1/activities").file(new MockMultipartFile("files", "anh.png", "image/png",
                ReportingWorld.photo("png", 60, 40)));
        request.param("planId", String.valueOf(world.plan)).param("title", title).param("channel", channel)
                .param("startsOn", day).param("notable", "true");
        for (int i = 0; i + 1 < outputs.length; i += 2) {
            request.param("output." + outputs[i], outputs[i + 1]);
        }
        mvc.perform(request.with(as(who)).with(csrf())).andExpect(status().isCreated());
    }

    JsonNode report(CurrentUser who) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/reports").param("plan", String.valueOf(world.plan))
                .param("period", period).with(as(who))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString());
    }

    @Test
    void theCitysReportAsADocumentHoldsItsFiguresAndItsWardsRow() throws Exception {
        JsonNode r = json.readTree(mvc.perform(get("/api/v1/reports/" + cityReport).with(as(city))).andReturn()
                .getResponse().getContentAsString());
        byte[] docx = mvc.perform(get("/api/v1/reports/{id}/document.docx", cityReport).with(as(city)))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type",
                        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"))
                .andReturn().getResponse().getContentAsByteArray();
        List<String> lines = PlanDocumentApiTest.docxLines(docx);
        assertThat(lines).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "BÁO CÁO", "Kính gửi: " + world.province.name() + ".",
                "T/M BAN THƯỜNG VỤ");
        // every figure of the report is a row of the first table: label, total, own, from reports
        List<List<String>> table = rows(docx, 0);
        int checked = 0;
        for (JsonNode f : r.get("figures")) {
            List<String> expected = List.of(vn.lantoa.document.source.ReportDocuments.number(f.get("quantity")
                    .asLong()), vn.lantoa.document.source.ReportDocuments.number(f.get("own").asLong()),
                    vn.lantoa.document.source.ReportDocuments.number(f.get("fromReports").asLong()));
            assertThat(table).as(f.toString()).anyMatch(row -> row.subList(1, 4).equals(expected)
                    && (row.get(0).contains(f.get("name").asString()) || f.get("indicator").asString().isEmpty()));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(4);
        assertThat(table).anyMatch(row -> row.equals(List.of("- Số người dự (người)", "420", "300", "120"))
                || row.subList(1, 4).equals(List.of("420", "300", "120")));
        // the second table: the ward's accepted activities, 1 oral and 1 visual
        assertThat(rows(docx, 1)).anyMatch(row -> row.get(0).equals(world.ward1.name()) && row.get(row.size() - 1)
                .equals("2"));
        byte[] pdf = mvc.perform(get("/api/v1/reports/{id}/document.pdf", cityReport).with(as(city)))
                .andExpect(status().isOk()).andExpect(header().string("Content-Type", "application/pdf"))
                .andReturn().getResponse().getContentAsByteArray();
        try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
            String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
            assertThat(text).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "Kính gửi:", "420");
        }
    }

    @Test
    void theConsolidationAsADocument() throws Exception {
        byte[] docx = mvc.perform(get("/api/v1/plans/{id}/consolidation/document.docx", world.plan)
                .param("period", period).with(as(city))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        List<String> lines = PlanDocumentApiTest.docxLines(docx);
        assertThat(lines).anyMatch(l -> l.startsWith("Tổng hợp kết quả thực hiện"));
        assertThat(lines).anyMatch(l -> l.startsWith("Chưa gửi báo cáo:") && l.contains(world.ward2.name())
                && l.contains(world.ward3.name()));
        // recorded 2 oral activities in the subtree: the city's own 1, the ward's accepted 1, none not yet reported
        assertThat(rows(docx, 0)).contains(List.of("Tuyên truyền miệng", "2", "1", "1", "0"));
        mvc.perform(get("/api/v1/plans/{id}/consolidation/document.pdf", world.plan).param("period", period)
                .with(as(city))).andExpect(status().isOk());
    }

    @Test
    void whoMayNotReadTheReportGetsTheReportingModulesAnswer() throws Exception {
        CurrentUser sibling = ReportingWorld.officer(world.ward2);
        for (String format : List.of("docx", "pdf")) {
            mvc.perform(get("/api/v1/reports/{id}/document." + format, wardReport).with(as(sibling)))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REPORT_NOT_FOUND"));
            mvc.perform(get("/api/v1/reports/{id}/document." + format, cityReport).with(as(ward1)))
                    .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("REPORT_NOT_FOUND"));
            mvc.perform(get("/api/v1/reports/{id}/document." + format, wardReport).with(as(city)))
                    .andExpect(status().isOk());
        }
    }

    @Test
    void theReportAndConsolidationPagesLinkToTheirDocuments() throws Exception {
        String page = mvc.perform(get("/reports/{id}", cityReport).with(as(city))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("href=\"/api/v1/reports/" + cityReport + "/document.docx\"",
                "href=\"/api/v1/reports/" + cityReport + "/document.pdf\"");
        String consolidation = mvc.perform(get("/plans/{id}/consolidation", world.plan).param("period", period)
                .with(as(city))).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(consolidation).contains("/api/v1/plans/" + world.plan + "/consolidation/document.docx?period="
                + period);
    }

    /** The rows of the document's n-th table, each its cells' text. */
    static List<List<String>> rows(byte[] docx, int n) throws Exception {
        try (var doc = new org.apache.poi.xwpf.usermodel.XWPFDocument(new java.io.ByteArrayInputStream(docx))) {
            // the header and the signature area are borderless tables too: count only the tables of figures
            var tables = doc.getTables().stream().filter(t -> t.getRows().size() > 1
                    && t.getRow(0).getTableCells().size() >= 3).toList();
            List<List<String>> rows = new ArrayList<>();
            tables.get(n).getRows().forEach(r -> rows.add(r.getTableCells().stream().map(c -> c.getText().strip())
                    .toList()));
            return rows;
        }
    }
}
