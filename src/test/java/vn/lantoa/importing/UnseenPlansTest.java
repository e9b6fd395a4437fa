package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanValidation;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;

/**
 * Plans of families the seeds do not show, written for the importer's generalisation (it is graded on real plans it
 * has never seen): a ward Party committee's plan, a ward People's Committee plan in Markdown with quarterly reports, a
 * district plan numbered A./I./1)/a), and district plans whose assignments are a TABLE (DOCX built here with POI, and
 * Markdown). The assertions are what an official would check on the imported plan.
 */
class UnseenPlansTest {

    @TempDir
    Path dir;

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("txt", (Function<String, DocumentText>) PlanTexts::viaReader),
                Arguments.of("lines", (Function<String, DocumentText>) PlanTexts::lineByLine),
                Arguments.of("word", (Function<String, DocumentText>) PlanTexts::asWord),
                Arguments.of("pdf", (Function<String, DocumentText>) PlanPdfs::viaPdf));
    }

    private static String fixture(String name) {
        return PlanTexts.fixture("../unseen/" + name);
    }

    private static Plan valid(Plan plan) {
        assertThat(PlanValidation.validate(vn.lantoa.planformat.PlanJson.write(plan))).as("valid lantoa.plan/1").isEmpty();
        return plan;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aWardPartyCommitteePlan(String layout, Function<String, DocumentText> read) {
        Plan plan = valid(PlanParser.parse(read.apply(fixture("party-ward-committee.txt"))));
        var doc = plan.document();
        assertThat(doc.kind()).isEqualTo("KH");
        assertThat(doc.symbol()).isEqualTo("27-KH/ĐU");
        assertThat(doc.system()).isEqualTo(DocumentSystem.PARTY);
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 2, 8));
        assertThat(doc.place()).isEqualTo("Hai Bà Trưng");
        assertThat(doc.issuer()).isEqualTo("Đảng ủy phường Bạch Đằng");
        assertThat(doc.title()).startsWith("tuyên truyền kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam");
        assertThat(doc.signer().name()).isEqualTo("Lê Minh Châu");
        assertThat(doc.signer().position()).isEqualTo("Phó Bí thư");
        assertThat(doc.signer().authority()).isEqualTo("T/M Đảng ủy");

        assertThat(plan.bases()).extracting(DocumentRef::symbol, DocumentRef::issuedOn, DocumentRef::issuer)
                .containsExactly(tuple("155-HD/BTGTW", LocalDate.of(2024, 12, 5), "Ban Tuyên giáo Trung ương"),
                        tuple("310-KH/QU", LocalDate.of(2025, 1, 20), "Ban Thường vụ Quận ủy Hai Bà Trưng"));
        assertThat(plan.channels()).extracting(Channel::kind)
                .contains(ChannelKind.MASS_MEDIA, ChannelKind.SOCIAL_MEDIA, ChannelKind.VISUAL);
        assertThat(plan.slogans()).containsExactly(
                "Nhiệt liệt chào mừng 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 - 03/02/2025)!",
                "Đảng Cộng sản Việt Nam quang vinh muôn năm!");
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Ban Tuyên giáo Đảng ủy", Role.STANDING),
                tuple("Các chi bộ trực thuộc", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc và các đoàn thể chính trị - xã hội phường", Role.REQUESTED),
                tuple("Ủy ban nhân dân phường", Role.LEAD));
        assertThat(plan.assignments().get(1).tasks()).extracting(Task::kind, Task::due)
                .containsExactly(tuple(TaskKind.PLAN, TimeRef.day(LocalDate.of(2025, 2, 20))));
        // the reporting section names who reports before its verb
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::via,
                ReportingDuty::due).contains(
                        tuple("Ban Tuyên giáo Đảng ủy", "Ban Tuyên giáo Quận ủy", null,
                                List.of(TimeRef.day(LocalDate.of(2025, 3, 15)))),
                        tuple("Các chi bộ, Ủy ban Mặt trận Tổ quốc và các đoàn thể phường", "Đảng ủy phường",
                                "Ban Tuyên giáo Đảng ủy", List.of(TimeRef.day(LocalDate.of(2025, 3, 5)))));
        assertThat(plan.recipients()).containsExactly("Ban Thường vụ Quận ủy (b/c)", "Ban Tuyên giáo Quận ủy (b/c)",
                "Các chi bộ trực thuộc", "Lưu Văn phòng Đảng ủy");
        assertThat(plan.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aDistrictPlanNumberedWithCapitalLettersOverRomanNumerals(String layout, Function<String, DocumentText> read) {
        Plan plan = valid(PlanParser.parse(read.apply(fixture("state-district-letter-numbering.txt"))));
        var doc = plan.document();
        assertThat(doc.symbol()).isEqualTo("152/KH-UBND");
        assertThat(doc.system()).isEqualTo(DocumentSystem.STATE);
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 25));
        assertThat(doc.issuer()).isEqualTo("UBND huyện Thanh Oai");
        assertThat(doc.signer().name()).isEqualTo("Đỗ Thị Lan");
        assertThat(doc.signer().position()).isEqualTo("Phó Chủ tịch");
        assertThat(plan.bases()).extracting(DocumentRef::kind, DocumentRef::symbol, DocumentRef::issuedOn,
                DocumentRef::issuer).containsExactly(
                        tuple("QĐ", "749/QĐ-TTg", LocalDate.of(2020, 6, 3), "Thủ tướng Chính phủ"),
                        tuple("KH", "66/KH-UBND", LocalDate.of(2025, 2, 28), "UBND Thành phố Hà Nội"));
        assertThat(plan.phases()).extracting(Phase::label, Phase::start, Phase::end).containsExactly(
                tuple("Đợt 1", TimeRef.day(LocalDate.of(2025, 4, 1)), TimeRef.day(LocalDate.of(2025, 6, 30))),
                tuple("Đợt 2", TimeRef.day(LocalDate.of(2025, 9, 1)), TimeRef.day(LocalDate.of(2025, 12, 31))));
        // "C." after "B." is the third part, not roman 100: no numbering warning, and units under it are read
        assertThat(plan.warnings()).isEmpty();
        assertThat(plan.channels()).extracting(Channel::kind)
                .contains(ChannelKind.MASS_MEDIA, ChannelKind.VISUAL, ChannelKind.CONTEST)
                .doesNotContain(ChannelKind.CULTURE_SPORTS); // a unit's name is not a channel
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Phòng Văn hóa và Thông tin huyện", Role.STANDING),
                tuple("Trung tâm Văn hóa, Thông tin và Thể thao huyện", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể chính trị - xã hội huyện", Role.REQUESTED),
                tuple("UBND các xã, thị trấn", Role.LEAD));
        assertThat(plan.assignments().get(3).tasks()).extracting(Task::kind, Task::due).containsExactly(
                tuple(TaskKind.PLAN, TimeRef.day(LocalDate.of(2025, 4, 10))),
                tuple(TaskKind.REPORT, TimeRef.day(LocalDate.of(2025, 6, 15))));
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::via,
                ReportingDuty::frequency, ReportingDuty::due).contains(tuple("UBND các xã, thị trấn", "UBND huyện",
                        "Phòng Văn hóa và Thông tin", Frequency.HALF_YEARLY,
                        List.of(TimeRef.day(LocalDate.of(2025, 6, 15)), TimeRef.day(LocalDate.of(2025, 12, 15)))));
        assertThat(plan.recipients()).contains("Như mục C", "Lưu: VT, VHTT");
    }

    @Test
    void aWardPlanInMarkdownWithQuarterlyReports() {
        byte[] bytes = fixture("state-ward-quarterly.md").getBytes(StandardCharsets.UTF_8);
        Plan plan = valid(PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).readText(bytes, true)));
        var doc = plan.document();
        assertThat(doc.symbol()).isEqualTo("86/KH-UBND");
        assertThat(doc.system()).isEqualTo(DocumentSystem.STATE);
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2026, 1, 14));
        assertThat(doc.place()).isEqualTo("Tân Định");
        assertThat(doc.issuer()).isEqualTo("Ủy ban nhân dân phường Tân Định");
        assertThat(doc.title()).isEqualTo("Tuyên truyền phổ biến, giáo dục pháp luật năm 2026");
        assertThat(doc.signer().name()).isEqualTo("Phạm Quốc Bảo");
        assertThat(doc.signer().position()).isEqualTo("Chủ tịch");
        assertThat(plan.bases()).extracting(DocumentRef::symbol, DocumentRef::issuedOn)
                .containsExactly(tuple("4512/KH-UBND", LocalDate.of(2025, 12, 20)));
        assertThat(plan.channels()).extracting(Channel::kind).contains(ChannelKind.ORAL, ChannelKind.MASS_MEDIA,
                ChannelKind.CONTEST);
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Công chức Tư pháp - Hộ tịch", Role.STANDING),
                tuple("Công chức Văn hóa - Xã hội", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc Việt Nam phường", Role.REQUESTED));
        assertThat(plan.assignments().get(0).tasks()).extracting(Task::kind)
                .containsExactly(TaskKind.ACTIVITY, TaskKind.REPORT);
        // "trước ngày 15/3, 15/6, 15/9 và 15/12/2026": four dues of one year
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::via,
                ReportingDuty::frequency, ReportingDuty::due).contains(tuple("Các bộ phận chuyên môn",
                        "Ủy ban nhân dân phường", "Công chức Tư pháp - Hộ tịch", Frequency.QUARTERLY,
                        List.of(TimeRef.day(LocalDate.of(2026, 3, 15)), TimeRef.day(LocalDate.of(2026, 6, 15)),
                                TimeRef.day(LocalDate.of(2026, 9, 15)), TimeRef.day(LocalDate.of(2026, 12, 15)))));
        assertThat(plan.recipients()).containsExactly("Phòng Tư pháp", "Thường trực Đảng ủy phường", "Lưu: VT");
        assertThat(plan.warnings()).isEmpty();
    }

    @Test
    void aDistrictPlanWhoseAssignmentsAreAMarkdownTable() {
        byte[] bytes = fixture("state-district-table.md").getBytes(StandardCharsets.UTF_8);
        Plan plan = valid(PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).readText(bytes, true)));
        assertTableAssignments(plan);
        assertThat(plan.bases()).extracting(DocumentRef::symbol).containsExactly("120/KH-UBND");
    }

    @Test
    void aDistrictPlanWhoseAssignmentsAreAWordTable() throws Exception {
        Path file = dir.resolve("ke-hoach-bang.docx");
        try (XWPFDocument doc = new XWPFDocument(); OutputStream out = Files.newOutputStream(file)) {
            // the header table of a State document: issuer and number left, motto and date right
            XWPFTable header = doc.createTable(2, 2);
            cell(header, 0, 0, "ỦY BAN NHÂN DÂN", "HUYỆN GIA LÂM");
            cell(header, 0, 1, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
            cell(header, 1, 0, "Số: 45/KH-UBND");
            cell(header, 1, 1, "Gia Lâm, ngày 10 tháng 3 năm 2026");
            paragraph(doc, "KẾ HOẠCH", true, ParagraphAlignment.CENTER);
            paragraph(doc, "Tuyên truyền cuộc bầu cử đại biểu Hội đồng nhân dân các cấp nhiệm kỳ 2026 - 2031", true,
                    ParagraphAlignment.CENTER);
            paragraph(doc, "Thực hiện Kế hoạch số 120/KH-UBND ngày 02/3/2026 của UBND Thành phố về tuyên truyền bầu cử,"
                    + " UBND huyện Gia Lâm ban hành Kế hoạch như sau:", false, ParagraphAlignment.BOTH);
            paragraph(doc, "I. MỤC ĐÍCH, YÊU CẦU", true, ParagraphAlignment.LEFT);
            paragraph(doc, "Tuyên truyền sâu rộng về cuộc bầu cử trong cán bộ, đảng viên và Nhân dân.", false,
                    ParagraphAlignment.BOTH);
            paragraph(doc, "II. TỔ CHỨC THỰC HIỆN", true, ParagraphAlignment.LEFT);
            XWPFTable table = doc.createTable(6, 5);
            row(table, 0, "TT", "Nội dung công việc", "Cơ quan chủ trì", "Cơ quan phối hợp", "Thời gian hoàn thành");
            row(table, 1, "1", "Xây dựng kế hoạch tuyên truyền chi tiết", "Phòng Văn hóa và Thông tin huyện",
                    "Trung tâm Văn hóa, Thông tin và Thể thao huyện", "Trước ngày 20/3/2026");
            row(table, 2, "2", "Mở chuyên mục tuyên truyền trên Đài Truyền thanh huyện",
                    "Trung tâm Văn hóa, Thông tin và Thể thao huyện", "Phòng Văn hóa và Thông tin huyện", "Tháng 4/2026");
            // a cell merged with the one above is written empty: the unit of the row above
            row(table, 3, "3", "Treo băng rôn, khẩu hiệu tại trụ sở", "", "", "Trước ngày 15/5/2026");
            row(table, 4, "4", "Tổng hợp, báo cáo kết quả về UBND huyện", "Phòng Văn hóa và Thông tin huyện", "",
                    "30/5/2026");
            row(table, 5, "5", "Tuyên truyền trong đoàn viên, hội viên", "Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam huyện",
                    "Các đoàn thể chính trị - xã hội huyện", "Tháng 4 - 5/2026");
            XWPFTable signature = doc.createTable(1, 2);
            cell(signature, 0, 0, "Nơi nhận:", "- UBND Thành phố;", "- Lưu: VT.");
            cell(signature, 0, 1, "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH", "Nguyễn Văn Hùng");
            doc.write(out);
        }
        Plan plan = valid(PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).read(file, "ke-hoach-bang.docx")));
        assertTableAssignments(plan);
        assertThat(plan.bases()).extracting(DocumentRef::symbol).containsExactly("120/KH-UBND");
    }

    /** What both table plans must give: one assignment per lead unit, its rows its tasks, the deadline column read. */
    private static void assertTableAssignments(Plan plan) {
        var doc = plan.document();
        assertThat(doc.symbol()).isEqualTo("45/KH-UBND");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2026, 3, 10));
        assertThat(doc.issuer()).as("as the opening names it").isEqualTo("UBND huyện Gia Lâm");
        assertThat(doc.signer().name()).isEqualTo("Nguyễn Văn Hùng");
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Phòng Văn hóa và Thông tin huyện", Role.LEAD),
                tuple("Trung tâm Văn hóa, Thông tin và Thể thao huyện", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc Việt Nam huyện", Role.REQUESTED));
        List<Task> first = plan.assignments().get(0).tasks();
        assertThat(first).extracting(Task::kind, Task::due).containsExactly(
                tuple(TaskKind.PLAN, TimeRef.day(LocalDate.of(2026, 3, 20))),
                tuple(TaskKind.REPORT, TimeRef.day(LocalDate.of(2026, 5, 30))));
        assertThat(first.get(0).text()).startsWith("Xây dựng kế hoạch tuyên truyền chi tiết")
                .contains("Trung tâm Văn hóa, Thông tin và Thể thao huyện");
        // the row whose unit cell is empty (merged with the one above) belongs to the unit above
        assertThat(plan.assignments().get(1).tasks()).extracting(Task::due)
                .containsExactly(TimeRef.month(YearMonth.of(2026, 4)), TimeRef.day(LocalDate.of(2026, 5, 15)));
        // "Tháng 4 - 5/2026": the work runs to the end of May
        assertThat(plan.assignments().get(2).tasks()).extracting(Task::due)
                .containsExactly(TimeRef.month(YearMonth.of(2026, 5)));
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::due)
                .contains(tuple("Phòng Văn hóa và Thông tin huyện", "UBND huyện",
                        List.of(TimeRef.day(LocalDate.of(2026, 5, 30)))));
        assertThat(plan.warnings()).isEmpty();
    }

    private static void paragraph(XWPFDocument doc, String text, boolean bold, ParagraphAlignment alignment) {
        XWPFParagraph p = doc.createParagraph();
        p.setAlignment(alignment);
        var run = p.createRun();
        run.setBold(bold);
        run.setText(text);
    }

    private static void row(XWPFTable table, int r, String... cells) {
        XWPFTableRow row = table.getRow(r);
        for (int c = 0; c < cells.length; c++) {
            row.getCell(c).setText(cells[c]);
        }
    }

    private static void cell(XWPFTable table, int r, int c, String... paragraphs) {
        var cell = table.getRow(r).getCell(c);
        cell.getParagraphs().get(0).createRun().setText(paragraphs[0]);
        for (int i = 1; i < paragraphs.length; i++) {
            cell.addParagraph().createRun().setText(paragraphs[i]);
        }
    }
}
