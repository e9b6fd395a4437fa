package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.lantoa.document.source.Issuers;
import vn.lantoa.document.source.ReportDocuments;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitSystem;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.reporting.Completion;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.PeriodKind;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportingPeriod;

/**
 * A report and a consolidation as documents, from the reporting module's records: "Kính gửi:" the parent, the figures
 * of the table equal to the report's, per child unit for a unit with children, the texts, the Party or the State form
 * by the unit's system, the governing body and the archive line from the tree; the PDF says what the DOCX says.
 */
class ReportDocumentsTest {

    final Map<Long, Unit> tree = new HashMap<>();
    final Unit province = unit(1, null, "Tỉnh ủy Ninh Thuận", UnitKind.PARTY_COMMITTEE, UnitSystem.PARTY, "TU");
    final Unit city = unit(2, 1L, "Thành ủy Phan Rang - Tháp Chàm", UnitKind.PARTY_COMMITTEE, UnitSystem.PARTY, "TU");
    final Unit ward = unit(3, 2L, "Đảng ủy phường Kinh Dinh", UnitKind.PARTY_COMMITTEE, UnitSystem.PARTY, "ĐU");
    final Unit ward2 = unit(4, 2L, "Đảng ủy phường Thanh Sơn", UnitKind.PARTY_COMMITTEE, UnitSystem.PARTY, "ĐU");
    final Unit cityUbnd = unit(5, 2L, "Ủy ban nhân dân thành phố Phan Rang - Tháp Chàm", UnitKind.PEOPLES_COMMITTEE,
            UnitSystem.STATE, "UBND");
    final Unit office = unit(6, 5L, "Phòng Văn hóa và Thông tin thành phố Phan Rang - Tháp Chàm",
            UnitKind.SPECIALISED_OFFICE, UnitSystem.STATE, "VHTT");
    final ReportDocuments documents = new ReportDocuments(new Issuers(id -> Optional.ofNullable(tree.get(id))));
    final DocumentRenderer renderer = DocumentRenderer.bundled();
    final ReportingPeriod q1 = new ReportingPeriod("2026-Q1", PeriodKind.QUARTER, LocalDate.of(2025, 12, 15),
            LocalDate.of(2026, 3, 14), LocalDate.of(2026, 3, 15), LocalDate.of(2026, 3, 20));
    final Plan plan = new Plan(new DocumentHeader("KH", "77", "77-KH/TU", DocumentSystem.PARTY,
            LocalDate.of(2025, 12, 20), "Phan Rang - Tháp Chàm", "Ban Thường vụ Tỉnh ủy",
            "tuyên truyền Đại hội Đảng bộ các cấp", new Signer("Bùi Văn Phú", "Phó Bí thư", "T/M Ban Thường vụ")),
            null, null, null, null, null, null, null, null, null, null, null);
    final Instant submitted = Instant.parse("2026-03-12T03:00:00Z");

    Unit unit(long id, Long parent, String name, UnitKind kind, UnitSystem system, String code) {
        Unit parentUnit = parent == null ? null : tree.get(parent);
        String path = (parentUnit == null ? "/" : parentUnit.path()) + id + "/";
        Unit u = new Unit(id, name, name, kind, system, code, parent, path, parentUnit == null ? 0
                : parentUnit.depth() + 1, false, null, 1);
        tree.put(id, u);
        return u;
    }

    @Test
    void aStateOfficesReportIsAddressedToItsGoverningBodyWithTheFiguresOfTheReport() {
        List<Report.Figure> figures = List.of(figure("oral", "", "Số hoạt động", "hoạt động", 3, 3),
                figure("oral", "attendees", "Số người dự", "lượt người", 1250, 1250),
                figure("visual", "banners", "Băng rôn", "cái", 25, 25), figure("visual", "", "Số hoạt động",
                        "hoạt động", 2, 2));
        ReportDocument doc = documents.report(report(office, figures, List.of(), submitted), plan, null,
                LocalDate.of(2026, 3, 20));
        byte[] docx = renderer.render(doc, DocumentFormat.DOCX);
        List<String> lines = Rendered.docxLines(docx);
        String superior = "ỦY BAN NHÂN DÂN THÀNH PHỐ PHAN RANG - THÁP CHÀM";
        assertThat(lines).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", superior,
                "PHÒNG VĂN HÓA VÀ THÔNG TIN THÀNH PHỐ PHAN RANG - THÁP CHÀM", "BÁO CÁO",
                "Kính gửi: Ủy ban nhân dân thành phố Phan Rang - Tháp Chàm.",
                "Phan Rang - Tháp Chàm, ngày 12 tháng 3 năm 2026", "- Lưu: VT, VHTT.",
                "Tổ chức 3 hội nghị quán triệt.", "Một số chi bộ triển khai chậm.",
                "Đề nghị cấp kinh phí in ấn tài liệu./.", "THỦ TRƯỞNG CƠ QUAN");
        assertThat(lines).doesNotContain("ĐẢNG CỘNG SẢN VIỆT NAM");
        assertThat(lines.stream().filter(l -> l.startsWith("Số:")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).matches("Số:\\s*/BC-VHTT"));
        // the table: every figure of the report with its quantity, own and from reports, as printed
        for (Report.Figure f : figures) {
            String label = f.indicator().isEmpty() ? (f.channel().equals("oral") ? "Tuyên truyền miệng"
                    : "Cổ động trực quan") : "- " + f.name() + " (" + f.unitLabel() + ")";
            int at = lines.indexOf(label);
            assertThat(at).as(label).isPositive();
            assertThat(lines.subList(at + 1, at + 4)).containsExactly(ReportDocuments.number(f.quantity()),
                    ReportDocuments.number(f.own()), ReportDocuments.number(f.fromReports()));
        }
        assertThat(lines).contains("1.250");
        String pdf = String.join("\n", Rendered.pdfPages(renderer.render(doc, DocumentFormat.PDF)));
        assertThat(pdf).contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Kính gửi: Ủy ban nhân dân thành phố",
                "Số người dự (lượt người) 1.250 1.250 0", "Băng rôn (cái) 25 25 0", "Lưu: VT, VHTT.");
    }

    @Test
    void aPartyCommitteesConsolidatedReportHasTheFiguresOfEachChildUnit() {
        Report.ChildReport one = new Report.ChildReport(ward.id(), ward.name(), 11L, Report.Status.ACCEPTED,
                "đã tiếp nhận", submitted, true);
        Report.ChildReport two = new Report.ChildReport(ward2.id(), ward2.name(), null, null, "chưa gửi", null, null);
        List<Report.Figure> figures = List.of(figure("oral", "", "Số hoạt động", "hoạt động", 7, 2),
                figure("visual", "", "Số hoạt động", "hoạt động", 4, 0));
        Consolidation c = new Consolidation(7, city.id(), city.name(), q1, null,
                List.of(line("oral", 9), line("visual", 6)), List.of(line("oral", 2)),
                List.of(line("oral", 5), line("visual", 4)), List.of(line("oral", 2), line("visual", 2)),
                List.of(new Consolidation.Child(ward.id(), ward.name(), one, List.of(line("oral", 5), line("visual", 4)),
                        List.of(line("oral", 5), line("visual", 4))),
                        new Consolidation.Child(ward2.id(), ward2.name(), two, List.of(line("oral", 2),
                                line("visual", 2)), List.of())),
                Map.of(), List.of(ward2.id()), List.of());
        ReportDocument doc = documents.report(report(city, figures, List.of(one, two), null), plan, c,
                LocalDate.of(2026, 3, 18));
        byte[] docx = renderer.render(doc, DocumentFormat.DOCX);
        List<String> lines = Rendered.docxLines(docx);
        assertThat(lines).contains("ĐẢNG CỘNG SẢN VIỆT NAM", "ĐẢNG BỘ TỈNH NINH THUẬN",
                "THÀNH ỦY PHAN RANG - THÁP CHÀM", "Kính gửi: Tỉnh ủy Ninh Thuận.", "T/M BAN THƯỜNG VỤ",
                "Chưa gửi báo cáo: Đảng ủy phường Thanh Sơn.");
        assertThat(lines).doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
        assertThat(lines.stream().filter(l -> l.startsWith("Số")).findFirst()).hasValueSatisfying(
                l -> assertThat(l).matches("Số\\s*-BC/TU"));
        // per child unit: accepted activities per channel (the report's figures are own + these)
        assertThat(row(docx, ward.name())).containsExactly("đã tiếp nhận", "5", "4", "9");
        assertThat(row(docx, ward2.name())).containsExactly("chưa gửi", "0", "0", "0");
        assertThat(row(docx, "Thành ủy Phan Rang - Tháp Chàm (trực tiếp thực hiện)"))
                .containsExactly("", "2", "0", "2");
        assertThat(row(docx, "Tổng cộng")).containsExactly("", "7", "4", "11");
        // the report's own table says the same totals: oral 7, visual 4
        assertThat(row(docx, "Tuyên truyền miệng")).containsExactly("7", "2", "5");

        ReportDocument consolidated = documents.consolidation(c, plan, LocalDate.of(2026, 3, 18));
        byte[] cdocx = renderer.render(consolidated, DocumentFormat.DOCX);
        List<String> cl = Rendered.docxLines(cdocx);
        assertThat(cl).anyMatch(l -> l.startsWith("Tổng hợp kết quả thực hiện kế hoạch tuyên truyền Đại hội"));
        // recorded, own, accepted, not yet reported
        assertThat(row(cdocx, "Tuyên truyền miệng")).containsExactly("9", "2", "5", "2");
        assertThat(row(cdocx, ward2.name())).containsExactly("chưa gửi", "2", "2", "4");
    }

    @Test
    void thePdfSaysWhatTheDocxSays() {
        Report r = report(office, List.of(figure("oral", "", "Số hoạt động", "hoạt động", 12345, 12345)), List.of(),
                submitted);
        ReportDocument doc = documents.report(r, plan, null, LocalDate.of(2026, 3, 20));
        String pdf = String.join(" ", Rendered.pdfPages(renderer.render(doc, DocumentFormat.PDF), false))
                .replaceAll("\\s+", " ");
        for (String line : Rendered.docxLines(renderer.render(doc, DocumentFormat.DOCX))) {
            for (String word : line.split("\\s+")) {
                assertThat(pdf).as("the PDF has the DOCX's word %s", word).contains(word);
            }
        }
        assertThat(pdf).contains("12.345");
    }

    /** The cells after a row's label in the document's tables (empty cells kept). */
    static List<String> row(byte[] docx, String label) {
        try (var doc = Rendered.docx(docx)) {
            for (var table : doc.getTables()) {
                for (var r : table.getRows()) {
                    List<String> cells = r.getTableCells().stream().map(c -> c.getText().strip()).toList();
                    if (!cells.isEmpty() && cells.get(0).equals(label)) {
                        return cells.subList(1, cells.size());
                    }
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        throw new AssertionError("no table row " + label);
    }

    static Consolidation.Line line(String channel, long q) {
        return new Consolidation.Line(channel, "", "Số hoạt động", "hoạt động", q);
    }

    Report report(Unit unit, List<Report.Figure> figures, List<Report.ChildReport> children, Instant submitted) {
        return new Report(10L, 7, unit.id(), unit.name(), q1.id(), q1.labelWithDays(), q1.from(), q1.to(), q1.due(),
                submitted == null ? Report.Status.DRAFT : Report.Status.SUBMITTED, null, "đã gửi đúng hạn", 3, 1,
                unit.parentId(), "Tổ chức 3 hội nghị quán triệt.\nTreo 25 băng rôn trên các tuyến phố.",
                "Một số chi bộ triển khai chậm.", "Đề nghị cấp kinh phí in ấn tài liệu.", submitted, true, null,
                null, figures, List.of(new Report.Notable(99, "Hội nghị báo cáo viên", LocalDate.of(2026, 2, 3),
                        "Hội trường phường")), children, List.of());
    }

    static Report.Figure figure(String channel, String indicator, String name, String unit, long total, long own) {
        return new Report.Figure(channel, indicator, name, unit, total, own, total - own, List.of(), List.of());
    }
}
