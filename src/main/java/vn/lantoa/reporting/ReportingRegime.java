package vn.lantoa.reporting;

import java.util.List;

import vn.lantoa.planformat.Frequency;

/**
 * Chế độ báo cáo: what a reporting regime must state under Nghị định 09/2019/NĐ-CP, Điều 7 — name, content, who
 * reports, to whom, how, the deadline, the frequency, the data cut-off, the outline, the forms and the procedure.
 * Filled from the plan's {@code reporting} duties where the plan says so ({@link ReportingRegimes#fromPlan}); what the
 * plan leaves out is null (or empty) until the issuer fills it, never guessed.
 *
 * @param name       tên báo cáo ("Báo cáo kết quả thực hiện Kế hoạch số 354-KH/TU")
 * @param content    nội dung yêu cầu báo cáo
 * @param reporters  đối tượng thực hiện báo cáo, as written ("Các chi, đảng bộ cơ sở")
 * @param recipient  cơ quan nhận báo cáo ("Ban Thường vụ Thành ủy")
 * @param via        the body the report goes through, which consolidates ("Ban Tuyên giáo Thành ủy"), or null
 * @param method     phương thức gửi, nhận báo cáo
 * @param frequency  tần suất thực hiện báo cáo
 * @param scheme     the periods, their cut-offs (thời gian chốt số liệu) and deadlines (thời hạn gửi báo cáo); null
 *                   for a regime without periods (đột xuất, or "thường xuyên" without dates)
 * @param outline    mẫu đề cương báo cáo: the section headings of a report
 * @param forms      biểu mẫu số liệu: the figures asked for, as indicator codes of the catalogue
 * @param procedure  hướng dẫn quy trình thực hiện báo cáo
 */
public record ReportingRegime(String name, String content, String reporters, String recipient, String via,
        String method, Frequency frequency, PeriodScheme scheme, List<String> outline, List<String> forms,
        String procedure) {

    /** The outline of a report of results when the regime gives none: results, shortcomings, proposals. */
    public static final List<String> DEFAULT_OUTLINE = List.of("Kết quả thực hiện", "Hạn chế, khó khăn",
            "Đề xuất, kiến nghị");

    /** How a report travels when nothing else is said: through Lan Tỏa. */
    public static final String DEFAULT_METHOD = "Gửi, nhận trên hệ thống Lan Tỏa (báo cáo điện tử)";

    public ReportingRegime {
        outline = outline == null ? List.of() : List.copyOf(outline);
        forms = forms == null ? List.of() : List.copyOf(forms);
    }
}
