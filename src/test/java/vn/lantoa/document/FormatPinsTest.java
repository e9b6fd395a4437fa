package vn.lantoa.document;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lantoa.document.layout.Words;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.PlanJson;
import vn.lantoa.planformat.Signer;

/**
 * The details that differ between the State form (Nghị định 30/2020/NĐ-CP) and the Party form (Hướng dẫn 36-HD/VPTW),
 * pinned on rendered documents, and the choice of the profile by the issue date.
 */
class FormatPinsTest {

    private final DocumentRenderer renderer = DocumentRenderer.bundled();
    private final FormatProfiles profiles = FormatProfiles.bundled();

    private List<String> docx(Plan plan) {
        return Rendered.docxLines(renderer.render(plan, DocumentFormat.DOCX));
    }

    @Test
    void stateNumberHasAColonAndIsZeroPaddedBelowTen() {
        assertThat(docx(TestPlans.plan("state-commune"))).contains("Số: 05/KH-UBND");
    }

    @Test
    void partyNumberHasNoColonAndNoPadding() {
        assertThat(docx(TestPlans.plan("party-district"))).contains("Số 87-KH/ĐU");
        Plan seven = PlanJson.read(TestPlans.json("party-district").replace("\"number\": \"87\"", "\"number\": \"7\"")
                .replace("\"symbol\": \"87-KH/ĐU\"", "\"symbol\": \"7-KH/ĐU\""));
        assertThat(docx(seven)).contains("Số 7-KH/ĐU").doesNotContain("Số 07-KH/ĐU");
    }

    @Test
    void theDateLinePadsTheDayBelowTenAndOnlyTheMonthsOneAndTwo() {
        for (FormatProfile p : profiles.all()) {
            assertThat(Words.dateLine("An Dương", LocalDate.of(2025, 8, 1), p)).isEqualTo("An Dương, ngày 01 tháng 8 năm 2025");
            assertThat(Words.dateLine("Hà Nội", LocalDate.of(2020, 1, 5), p)).isEqualTo("Hà Nội, ngày 05 tháng 01 năm 2020");
            assertThat(Words.dateLine("Huế", LocalDate.of(2024, 2, 29), p)).isEqualTo("Huế, ngày 29 tháng 02 năm 2024");
            assertThat(Words.dateLine("Huế", LocalDate.of(2024, 12, 10), p)).isEqualTo("Huế, ngày 10 tháng 12 năm 2024");
        }
        assertThat(docx(TestPlans.plan("state-commune"))).contains("Tân Hòa, ngày 05 tháng 01 năm 2026");
        assertThat(docx(TestPlans.plan("party-district"))).contains("Hòa Bình, ngày 08 tháng 9 năm 2025");
    }

    @Test
    void stateTextEndsWithSlashAndArchivesToVtAndTheDraftingUnit() {
        List<String> lines = docx(TestPlans.plan("state-commune"));
        int nơiNhận = lines.indexOf("Nơi nhận:");
        assertThat(nơiNhận).isPositive();
        assertThat(lines.get(nơiNhận - 1)).endsWith("triển khai thực hiện./.");
        assertThat(lines.subList(nơiNhận + 1, nơiNhận + 5)).allMatch(l -> l.startsWith("- ") && l.endsWith(";"));
        assertThat(lines.get(nơiNhận + 5)).isEqualTo("- Lưu: VT, VHXH.");

        // without an archive line in the plan: the profile's, with the drafting unit given at rendering
        Plan withoutArchive = PlanJson.read(TestPlans.json("state-commune").replace(", \"Lưu: VT, VHXH.\"", ""));
        List<String> again = Rendered.docxLines(renderer.render(withoutArchive, DocumentFormat.DOCX,
                new RenderOptions(null, "VHXH")));
        assertThat(again).contains("- Lưu: VT, VHXH.");
    }

    @Test
    void partyTextEndsWithAFullStopAndArchivesToTheOffice() {
        List<String> lines = docx(TestPlans.plan("party-district"));
        int nơiNhận = lines.indexOf("Nơi nhận:");
        assertThat(nơiNhận).isPositive();
        assertThat(lines.get(nơiNhận - 1)).endsWith("triển khai thực hiện.").doesNotEndWith("./.");
        assertThat(lines).noneMatch(l -> l.contains("./."));
        assertThat(lines.subList(nơiNhận + 1, nơiNhận + 4)).allMatch(l -> l.startsWith("- ") && l.endsWith(","));
        assertThat(lines.get(nơiNhận + 4)).isEqualTo("- Lưu Văn phòng.");
    }

    @Test
    void signatureBlocksOfEachSystem() {
        List<String> state = docx(TestPlans.plan("state-commune"));
        int tm = state.indexOf("TM. ỦY BAN NHÂN DÂN");
        assertThat(tm).isPositive();
        assertThat(state.subList(tm, tm + 4)).containsExactly("TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH",
                "Trần Thị Bích Ngọc");

        List<String> party = docx(TestPlans.plan("party-district"));
        int t = party.indexOf("T/M BAN THƯỜNG VỤ");
        assertThat(t).isPositive();
        assertThat(party.subList(t, t + 3)).containsExactly("T/M BAN THƯỜNG VỤ", "PHÓ BÍ THƯ", "Lò Văn Minh");
    }

    @Test
    void headersOfEachSystem() {
        List<String> state = docx(TestPlans.plan("state-commune"));
        assertThat(state).contains("ỦY BAN NHÂN DÂN XÃ TÂN HÒA", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                "Độc lập - Tự do - Hạnh phúc", "KẾ HOẠCH").doesNotContain("*", "ĐẢNG CỘNG SẢN VIỆT NAM");
        List<String> party = docx(TestPlans.plan("party-district"));
        assertThat(party).contains("BAN THƯỜNG VỤ ĐẢNG ỦY", "*", "ĐẢNG CỘNG SẢN VIỆT NAM", "KẾ HOẠCH")
                .doesNotContain("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc");
    }

    @Test
    void aReportToASuperiorOpensWithKínhGửi() {
        ReportDocument report = new ReportDocument(new DocumentHeader("BC", "12", "12/BC-UBND", DocumentSystem.STATE,
                LocalDate.of(2026, 3, 2), "Tân Hòa", "Ủy ban nhân dân xã Tân Hòa",
                "kết quả tuyên truyền quý I năm 2026", new Signer("Nguyễn Văn An", "Chủ tịch", "TM. Ủy ban nhân dân")),
                null, List.of("Ủy ban nhân dân tỉnh"), List.of("Ủy ban nhân dân xã báo cáo kết quả như sau:"),
                List.of(new ReportDocument.Section("Kết quả thực hiện", List.of("Đã tổ chức các hoạt động tuyên truyền."),
                        List.of(new ReportDocument.Figures("Bảng 1. Số hoạt động", List.of("Hình thức", "Số lượng"),
                                List.of(List.of("Tuyên truyền miệng", "12"), List.of("Cổ động trực quan", "30")),
                                List.of("Tổng cộng", "42"))),
                        List.of())),
                List.of("Ủy ban nhân dân tỉnh"), "VHXH");
        List<String> lines = Rendered.docxLines(renderer.render(report, DocumentFormat.DOCX));
        int kind = lines.indexOf("BÁO CÁO");
        assertThat(kind).isPositive();
        assertThat(lines.get(kind + 1)).isEqualTo("Kết quả tuyên truyền quý I năm 2026");
        assertThat(lines.get(kind + 2)).isEqualTo("Kính gửi: Ủy ban nhân dân tỉnh.");
        assertThat(lines).containsSubsequence("Hình thức", "Số lượng", "Tuyên truyền miệng", "12", "Cổ động trực quan",
                "30", "Tổng cộng", "42");
        assertThat(lines).contains("Số: 12/BC-UBND", "- Lưu: VT, VHXH.", "TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        String pdf = String.join("\n", Rendered.pdfPages(renderer.render(report, DocumentFormat.PDF)));
        assertThat(pdf).contains("Kính gửi: Ủy ban nhân dân tỉnh.", "Tuyên truyền miệng", "Tổng cộng");
    }

    @Test
    void theProfileIsTheOneValidOnTheIssueDate() {
        assertThat(profiles.forDate(DocumentSystem.PARTY, LocalDate.of(2025, 12, 31)).id()).isEqualTo("party-hd36-qd66");
        assertThat(profiles.forDate(DocumentSystem.PARTY, LocalDate.of(2026, 1, 1)).id()).isEqualTo("party-qd399-2026");
        assertThat(profiles.forDate(DocumentSystem.STATE, LocalDate.of(2026, 1, 5)).id()).isEqualTo("state-nd30-2020");
        assertThat(renderer.profileOf(TestPlans.plan("party-district")).id()).isEqualTo("party-hd36-qd66");
        Plan in2026 = PlanJson.read(TestPlans.json("party-district").replace("\"issuedOn\": \"2025-09-08\"",
                "\"issuedOn\": \"2026-09-08\""));
        assertThat(renderer.profileOf(in2026).id()).isEqualTo("party-qd399-2026");
        assertThat(renderer.profileOf(TestPlans.plan("state-commune")).id()).isEqualTo("state-nd30-2020");
    }

    @Test
    void everyRuleCitesItsClauseAndBrokenProfilesAreRefused() {
        for (FormatProfile p : profiles.all()) {
            assertThat(p.rules().values()).allMatch(r -> r.source() != null && !r.source().isBlank());
            assertThat(p.rules().keySet()).containsAll(FormatProfiles.REQUIRED);
        }
        FormatProfile state = profiles.byId("state-nd30-2020");
        Map<String, FormatProfile.Rule> rules = new java.util.HashMap<>(state.rules());
        rules.put("margin.leftMm", new FormatProfile.Rule(28.0, 30.0, 35.0, "ND30", null));
        FormatProfile outOfRange = new FormatProfile("broken", DocumentSystem.STATE, "x", LocalDate.of(2030, 1, 1), null,
                Map.of(), List.of(), rules);
        assertThatThrownBy(() -> new FormatProfiles(List.of(outOfRange))).hasMessageContaining("margin.leftMm");
        rules.put("margin.leftMm", new FormatProfile.Rule(30.0, 30.0, 35.0, " ", null));
        FormatProfile uncited = new FormatProfile("broken", DocumentSystem.STATE, "x", LocalDate.of(2030, 1, 1), null,
                Map.of(), List.of(), rules);
        assertThatThrownBy(() -> new FormatProfiles(List.of(uncited))).hasMessageContaining("cites no source");
        assertThatThrownBy(() -> new FormatProfiles(List.of(state, state.withId("overlapping"))))
                .hasMessageContaining("both valid");
    }

    @Test
    void pageNumbersStartOnTheSecondPage() {
        Plan longPlan = RoundTrip.seedPlan(RoundTrip.SEEDS.get(0));
        List<String> pages = Rendered.pdfPages(renderer.render(longPlan, DocumentFormat.PDF));
        assertThat(pages.size()).isGreaterThanOrEqualTo(2);
        assertThat(pages.get(0).strip().lines().findFirst().orElseThrow()).isNotEqualTo("1");
        for (int i = 1; i < pages.size(); i++) {
            assertThat(pages.get(i).strip().lines().findFirst().orElseThrow()).isEqualTo(String.valueOf(i + 1));
        }
    }
}
