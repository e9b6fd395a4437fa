package vn.lantoa.document.web;

import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.document.DocumentFormat;
import vn.lantoa.document.DocumentRenderer;
import vn.lantoa.document.DownloadName;
import vn.lantoa.document.source.Issuers;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;

/**
 * A plan as the official document (văn bản) to sign and send: {@code GET /api/v1/plans/{id}/document.docx} and
 * {@code .pdf}, in the form of the profile valid on its issue date. Whoever may read the plan may download it (the
 * plan module decides: 404 PLAN_NOT_FOUND otherwise, as for reading it). The governing body above the issuer and the
 * drafting unit of the archive line come from the issuer's place in the organization tree.
 */
@RestController
@Tag(name = "Văn bản", description = "Kế hoạch xuất thành văn bản DOCX, PDF theo thể thức Đảng hoặc Nhà nước")
class PlanDocumentApi {

    private final PlanManagement plans;
    private final DocumentRenderer renderer;
    private final Issuers issuers;

    PlanDocumentApi(PlanManagement plans, DocumentRenderer renderer, Units units) {
        this.plans = plans;
        this.renderer = renderer;
        this.issuers = new Issuers(units::byId);
    }

    @GetMapping("/api/v1/plans/{id}/document.docx")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Kế hoạch dạng DOCX", description = "Văn bản Word theo thể thức của hệ thống (Đảng: Hướng dẫn "
            + "36-HD/VPTW; Nhà nước: Nghị định 30/2020/NĐ-CP) có hiệu lực vào ngày ban hành. 404 PLAN_NOT_FOUND nếu "
            + "không có hoặc người dùng không được xem.")
    ResponseEntity<byte[]> docx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return render(user, id, DocumentFormat.DOCX);
    }

    @GetMapping("/api/v1/plans/{id}/document.pdf")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Kế hoạch dạng PDF", description = "Cùng nội dung và thể thức với bản DOCX, phông Liberation "
            + "Serif (tương thích Times New Roman) nhúng sẵn. 404 PLAN_NOT_FOUND nếu không có hoặc người dùng không "
            + "được xem.")
    ResponseEntity<byte[]> pdf(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return render(user, id, DocumentFormat.PDF);
    }

    private ResponseEntity<byte[]> render(CurrentUser user, long id, DocumentFormat format) {
        StoredPlan stored = plans.get(user, id);
        byte[] bytes = renderer.render(stored.plan(), format, issuers.planOptions(stored.issuerUnitId()));
        return Downloads.of(bytes, format, DownloadName.of(stored.plan(), id, format));
    }
}
