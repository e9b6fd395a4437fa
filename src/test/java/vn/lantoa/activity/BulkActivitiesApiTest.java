package vn.lantoa.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static vn.lantoa.plan.PlanFixture.as;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.LocalDate;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.ActivityTotals;

/**
 * Recording many activities from the plan's XLSX template: the template itself (columns, lists, validation), all or
 * nothing with row-level Vietnamese errors, the same path as single activities (live totals), the same file twice,
 * and hostile files (zip bomb, not a spreadsheet, formulas, another plan's template).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BulkActivitiesApiTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement units;
    @Autowired
    PlanManagement plans;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ActivityTotals totals;

    final JsonMapper json = JsonMapper.builder().build();
    ReportingWorld world;
    CurrentUser ward;

    @BeforeEach
    void world() {
        world = new ReportingWorld(units, plans);
        ward = ReportingWorld.officer(world.ward1);
    }

    byte[] template(long plan, CurrentUser user) throws Exception {
        return mvc.perform(get("/api/v1/plans/" + plan + "/activities-template.xlsx").with(as(user)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
    }

    /** The template with rows filled in: each row's cells by column header prefix or [code]. */
    static byte[] fill(byte[] template, Object[]... rows) throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = wb.getSheet("Hoạt động");
            Row header = sheet.getRow(0);
            for (int r = 0; r < rows.length; r++) {
                Row row = sheet.createRow(r + 1);
                Object[] cells = rows[r];
                for (int i = 0; i + 1 < cells.length; i += 2) {
                    int column = column(header, (String) cells[i]);
                    Object value = cells[i + 1];
                    if (value instanceof Number n) {
                        row.createCell(column).setCellValue(n.doubleValue());
                    } else if (value instanceof String s && s.startsWith("formula:")) {
                        row.createCell(column).setCellFormula(s.substring("formula:".length()));
                    } else {
                        row.createCell(column).setCellValue(String.valueOf(value));
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        }
    }

    static int column(Row header, String name) {
        for (int c = 0; c < header.getLastCellNum(); c++) {
            String h = header.getCell(c).getStringCellValue();
            if (h.startsWith(name) || h.endsWith("[" + name + "]")) {
                return c;
            }
        }
        throw new AssertionError("no column " + name);
    }

    ResultActions upload(byte[] file, CurrentUser user, String... more) throws Exception {
        var request = multipart("/api/v1/activities/bulk").file(new MockMultipartFile("file", "hoat-dong.xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", file))
                .param("planId", String.valueOf(world.plan));
        for (int i = 0; i + 1 < more.length; i += 2) {
            request.param(more[i], more[i + 1]);
        }
        return mvc.perform(request.with(as(user)).with(csrf()));
    }

    long count(String title) {
        return jdbc.sql("select count(*) from activity where title like :t").param("t", title + "%")
                .query(Long.class).single();
    }

    Object[] row(String title, String day, String channel, Object... more) {
        Object[] base = {"Tên hoạt động", title + " " + world.token, "Ngày bắt đầu", day,
            "Hình thức tuyên truyền", channel};
        Object[] all = new Object[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void theTemplateHasTheColumnsListsAndChecksOfThePlan() throws Exception {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template(world.plan, ward)))) {
            Sheet sheet = wb.getSheet("Hoạt động");
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).startsWith("Tên hoạt động");
            assertThat(column(header, "attendees")).isGreaterThan(7);
            assertThat(column(header, "banners")).isGreaterThan(7);
            assertThat(sheet.getDataValidations()).hasSizeGreaterThanOrEqualTo(4);
            Sheet lists = wb.getSheet("Danh mục");
            assertThat(wb.isSheetHidden(wb.getSheetIndex(lists))).isTrue();
            assertThat(lists.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Báo chí, phát thanh, truyền hình");
            assertThat(lists.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Đợt 1");
            assertThat(lists.getRow(0).getCell(2).getStringCellValue()).isEqualTo("Báo cáo kết quả");
            assertThat((long) lists.getRow(1).getCell(3).getNumericCellValue()).isEqualTo(world.plan);
        }
        // only who may record for the plan gets it
        mvc.perform(get("/api/v1/plans/" + world.plan + "/activities-template.xlsx")
                .with(as(PlanFixture.user(world.ward1, Role.LEADER)))).andExpect(status().isForbidden());
        mvc.perform(get("/api/v1/plans/" + world.plan + "/activities-template.xlsx")
                .with(as(ReportingWorld.officer(new ReportingWorld(units, plans).ward1))))
                .andExpect(status().isNotFound()).andExpect(jsonPath("$.code").value("PLAN_NOT_FOUND"));
    }

    @Test
    void aGoodFileIsRecordedInOneGoLikeSingleActivitiesAndTheSameFileIsAskedAbout() throws Exception {
        byte[] file = fill(template(world.plan, ward),
                row("Hội nghị", "10/02/2025", "Tuyên truyền miệng", "attendees", 120, "Đợt", "Đợt 1",
                        "Địa điểm", "Hội trường"),
                row("Băng rôn", "12/02/2025", "Cổ động trực quan", "banners", "1.000", "Ngày kết thúc",
                        "20/02/2025"),
                row("Bài viết", "formula:DATE(2025,2,14)", "Mạng xã hội"));
        // a formula in a date cell is not evaluated: that row is refused, nothing is recorded
        upload(file, ward).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ACTIVITY_BULK_ROWS_INVALID"))
                .andExpect(jsonPath("$.errors[0].row").value(4))
                .andExpect(jsonPath("$.errors[0].column").value("Ngày bắt đầu"));
        assertThat(count("Hội nghị " + world.token)).isZero();

        file = fill(template(world.plan, ward),
                row("Hội nghị", "10/02/2025", "Tuyên truyền miệng", "attendees", 120, "Đợt", "Đợt 1",
                        "Địa điểm", "Hội trường"),
                row("Băng rôn", "12/02/2025", "Cổ động trực quan", "banners", "1.000", "Ngày kết thúc",
                        "20/02/2025"),
                row("=HYPERLINK(\"http://x\")", "14/02/2025", "Mạng xã hội"));
        JsonNode result = json.readTree(upload(file, ward).andExpect(status().isCreated())
                .andExpect(jsonPath("$.recorded").value(3)).andReturn().getResponse().getContentAsString());
        assertThat(result.get("activityIds").size()).isEqualTo(3);
        assertThat(count("Hội nghị " + world.token)).isEqualTo(1);
        assertThat(jdbc.sql("select place from activity where title = :t").param("t", "Hội nghị " + world.token)
                .query(String.class).single()).isEqualTo("Hội trường");
        // a formula-looking text stays text
        assertThat(count("=HYPERLINK(\"http://x\") " + world.token)).isEqualTo(1);
        // the live totals moved as for single activities
        assertThat(ActivityApiTest.figures(totals.own(world.plan, "2025-Q1", world.ward1.id())))
                .containsEntry("oral/", 1L).containsEntry("oral/attendees", 120L)
                .containsEntry("visual/banners", 1000L).containsEntry("social_media/", 1L);

        // the same file again: asked about, nothing doubled
        upload(file, ward).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("ACTIVITY_BULK_DUPLICATE"))
                .andExpect(jsonPath("$.rows").value(3));
        assertThat(count("Hội nghị " + world.token)).isEqualTo(1);
        upload(file, ward, "again", "true").andExpect(status().isCreated());
        assertThat(count("Hội nghị " + world.token)).isEqualTo(2);
    }

    @Test
    void oneWrongRowAndNothingIsSavedWithEveryErrorNamedByRowAndColumn() throws Exception {
        byte[] file = fill(template(world.plan, ward),
                row("Đúng", "10/02/2025", "Tuyên truyền miệng", "attendees", 10),
                row("Sai ngày", "31/02/2025", "Tuyên truyền miệng"),
                row("Sai hình thức", "10/02/2025", "Bay lượn"),
                row("Sai số", "10/02/2025", "Tuyên truyền miệng", "attendees", -3),
                row("Sai chỉ tiêu", "10/02/2025", "Tuyên truyền miệng", "banners", 4),
                new Object[] {"Ngày bắt đầu", "10/02/2025", "Hình thức tuyên truyền", "Tuyên truyền miệng"},
                // passes the file's checks, refused by the single-activity checks (a day in the future)
                row("Tương lai", LocalDate.now().plusDays(30).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd/MM/yyyy")), "Tuyên truyền miệng"));
        JsonNode problem = json.readTree(upload(file, ward).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ACTIVITY_BULK_ROWS_INVALID"))
                .andReturn().getResponse().getContentAsString());
        Map<Integer, String> byRow = new java.util.TreeMap<>();
        for (JsonNode e : problem.get("errors")) {
            byRow.merge(e.get("row").asInt(), e.get("column").asString() + ": " + e.get("detail").asString(),
                    (a, b) -> a + " | " + b);
        }
        assertThat(byRow).containsOnlyKeys(3, 4, 5, 6, 7);
        assertThat(byRow.get(3)).startsWith("Ngày bắt đầu: ").contains("31/02/2025");
        assertThat(byRow.get(4)).startsWith("Hình thức tuyên truyền: ").contains("Bay lượn");
        assertThat(byRow.get(5)).contains("Người tham dự").contains("số nguyên");
        assertThat(byRow.get(6)).contains("Băng rôn").contains("hình thức khác");
        assertThat(byRow.get(7)).startsWith("Tên hoạt động: ");
        assertThat(problem.get("detail").asString()).contains("5 dòng sai", "chưa ghi nhận", "Dòng 3").doesNotContain("..");
        assertThat(count("Đúng " + world.token)).isZero();

        // the rows the file's checks pass, but one the recording refuses: the first one, already written, is undone
        file = fill(template(world.plan, ward),
                row("Đúng", "10/02/2025", "Tuyên truyền miệng", "attendees", 10),
                row("Tương lai", LocalDate.now().plusDays(30).format(java.time.format.DateTimeFormatter
                        .ofPattern("dd/MM/yyyy")), "Tuyên truyền miệng"));
        upload(file, ward).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.errors[0].row").value(3))
                .andExpect(jsonPath("$.errors[0].column").value("Ngày bắt đầu"))
                .andExpect(jsonPath("$.errors[0].detail").value("Hoạt động đã thực hiện không thể ở ngày tương lai."));
        assertThat(count("Đúng " + world.token)).isZero();
        assertThat(ActivityApiTest.figures(totals.own(world.plan, "2025-Q1", world.ward1.id()))).isEmpty();
    }

    @Test
    void hostileFilesAreRefusedBeforeAnyRowIsRead() throws Exception {
        // a zip bomb: 40 MB of zeros in a few kilobytes
        ByteArrayOutputStream bomb = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bomb)) {
            zip.putNextEntry(new ZipEntry("[Content_Types].xml"));
            zip.write("<Types/>".getBytes());
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < 40; i++) {
                zip.write(zeros);
            }
        }
        assertThat(bomb.size()).isLessThan(200_000);
        upload(bomb.toByteArray(), ward).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ZIP_BOMB"));
        // not a spreadsheet
        upload("tên,ngày\n".getBytes(), ward).andExpect(status().isUnsupportedMediaType())
                .andExpect(jsonPath("$.code").value("ACTIVITY_BULK_FILE_TYPE"));
        // another plan's template
        ReportingWorld other = new ReportingWorld(units, plans);
        byte[] foreign = fill(template(other.plan, ReportingWorld.officer(other.ward1)),
                row("Khác", "10/02/2025", "Tuyên truyền miệng"));
        upload(foreign, ward).andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.code").value("ACTIVITY_BULK_WRONG_PLAN"));
        // a leader writes nothing
        upload(fill(template(world.plan, ward), row("Lãnh đạo", "10/02/2025", "Tuyên truyền miệng")),
                PlanFixture.user(world.ward1, Role.LEADER)).andExpect(status().isForbidden());
        assertThat(count("Khác " + world.token)).isZero();
        assertThat(count("Lãnh đạo " + world.token)).isZero();
    }

    @Test
    void thePageShowsTheWrongRowsAndKeepsNothing() throws Exception {
        byte[] file = fill(template(world.plan, ward),
                row("Trang đúng", "10/02/2025", "Tuyên truyền miệng"),
                row("Trang sai", "2025-13-01", "Tuyên truyền miệng"));
        String page = mvc.perform(multipart("/activities/bulk").file(new MockMultipartFile("file", "a.xlsx",
                "application/octet-stream", file)).param("planId", String.valueOf(world.plan)).with(as(ward))
                .with(csrf())).andExpect(status().isUnprocessableContent()).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).contains("data-testid=\"bulk-errors\"", "Ngày bắt đầu", "2025-13-01", "chưa ghi nhận");
        assertThat(count("Trang đúng " + world.token)).isZero();
    }
}
