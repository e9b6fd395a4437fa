package vn.lantoa.document.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.document.DocumentFormat;
import vn.lantoa.document.DocumentRenderer;
import vn.lantoa.document.DownloadName;
import vn.lantoa.document.ReportDocument;
import vn.lantoa.document.source.Issuers;
import vn.lantoa.document.source.ReportDocuments;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Plan;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportManagement;
import vn.lantoa.shared.Problem;

/**
 * A unit's report and a consolidation as the official document (BÁO CÁO) to sign and send up:
 * {@code GET /api/v1/reports/{id}/document.docx|.pdf} and
 * {@code GET /api/v1/plans/{id}/consolidation/document.docx|.pdf?period=&unit=}. Whoever may read the report or the
 * consolidation may download it: the reporting module decides, with the same answers (404 REPORT_NOT_FOUND,
 * PLAN_NOT_FOUND …).
 */
@RestController
@Tag(name = "Văn bản")
class ReportDocumentApi {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    private final ReportManagement reports;
    private final PlanManagement plans;
    private final DocumentRenderer renderer;
    private final ReportDocuments documents;
    private final Clock clock;

    ReportDocumentApi(ReportManagement reports, PlanManagement plans, Units units, DocumentRenderer renderer,
            Clock clock) {
        this.reports = reports;
        this.plans = plans;
        this.renderer = renderer;
        this.documents = new ReportDocuments(new Issuers(units::byId));
        this.clock = clock;
    }

    @GetMapping("/api/v1/reports/{id}/document.docx")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Báo cáo dạng DOCX", description = "Báo cáo của đơn vị theo thể thức của hệ thống (Đảng hoặc "
            + "Nhà nước): Kính gửi cơ quan nhận, số liệu theo hình thức và chỉ tiêu, theo đơn vị trực thuộc, kết quả, "
            + "tồn tại, đề xuất. Như khi đọc báo cáo: 404 REPORT_NOT_FOUND nếu không được xem.")
    ResponseEntity<byte[]> reportDocx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return report(user, id, DocumentFormat.DOCX);
    }

    @GetMapping("/api/v1/reports/{id}/document.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Báo cáo dạng PDF", description = "Cùng nội dung với bản DOCX.")
    ResponseEntity<byte[]> reportPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return report(user, id, DocumentFormat.PDF);
    }

    @GetMapping("/api/v1/plans/{id}/consolidation/document.docx")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Báo cáo tổng hợp dạng DOCX", description = "Tổng hợp của đơn vị (mặc định: đơn vị mình) "
            + "theo kế hoạch và kỳ: số liệu ghi nhận, đã tiếp nhận, chưa báo cáo; theo đơn vị trực thuộc; đơn vị chưa "
            + "báo cáo, báo cáo chậm. Như khi xem tổng hợp: 404 nếu không được xem.")
    ResponseEntity<byte[]> consolidationDocx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit) {
        return consolidation(user, id, period, unit, DocumentFormat.DOCX);
    }

    @GetMapping("/api/v1/plans/{id}/consolidation/document.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Báo cáo tổng hợp dạng PDF", description = "Cùng nội dung với bản DOCX.")
    ResponseEntity<byte[]> consolidationPdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit) {
        return consolidation(user, id, period, unit, DocumentFormat.PDF);
    }

    private ResponseEntity<byte[]> report(CurrentUser user, long id, DocumentFormat format) {
        Report report = reports.get(user, id);
        Consolidation children = null;
        if (!report.children().isEmpty()) {
            try {
                children = reports.consolidation(user, report.planId(), report.unitId(), report.periodId());
            } catch (Problem e) {
                children = null; // the report is readable, its subtree's figures are not: statuses only
            }
        }
        Plan plan = plan(report.planId());
        ReportDocument document = documents.report(report, plan, children, today());
        return Downloads.of(renderer.render(document, format), format,
                DownloadName.of("Báo cáo " + report.unitName() + " " + report.periodId(), format));
    }

    private ResponseEntity<byte[]> consolidation(CurrentUser user, long id, String period, Long unit,
            DocumentFormat format) {
        Consolidation c = reports.consolidation(user, id, unit, period);
        ReportDocument document = documents.consolidation(c, plan(id), today());
        return Downloads.of(renderer.render(document, format), format,
                DownloadName.of("Báo cáo tổng hợp " + c.unitName() + " " + c.period().id(), format));
    }

    private Plan plan(long id) {
        return plans.issued(id).orElseThrow(() -> Problem.notFound("PLAN_NOT_FOUND", "Không tìm thấy kế hoạch."))
                .plan();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VIETNAM));
    }
}
