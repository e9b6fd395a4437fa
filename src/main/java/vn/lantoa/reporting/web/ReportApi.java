package vn.lantoa.reporting.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.reporting.Consolidation;
import vn.lantoa.reporting.Report;
import vn.lantoa.reporting.ReportCounts;
import vn.lantoa.reporting.ReportManagement;
import vn.lantoa.shared.IfMatch;
import vn.lantoa.shared.Problem;

/** Reports and consolidation over HTTP. Who may do what: {@link ReportManagement}. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Báo cáo", description = "Báo cáo định kỳ, trả lại, tiếp nhận, tổng hợp")
class ReportApi {

    private final ReportManagement reports;

    ReportApi(ReportManagement reports) {
        this.reports = reports;
    }

    @GetMapping("/reports")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Báo cáo của một đơn vị về một kế hoạch trong một kỳ", description = "plan (bắt buộc), unit "
            + "(mặc định: đơn vị mình; phải thuộc phạm vi của mình), period (2025-Q1 …; mặc định: kỳ hiện tại). Dự "
            + "thảo của đơn vị mình được tạo khi đọc lần đầu, với số liệu lấy từ hoạt động đã ghi nhận.")
    ResponseEntity<Report> find(@AuthenticationPrincipal CurrentUser user, @RequestParam long plan,
            @RequestParam(required = false) Long unit, @RequestParam(required = false) String period) {
        return answer(reports.find(user, plan, unit, period));
    }

    @GetMapping("/reports/{id}")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Một báo cáo, với mọi phiên bản đã lưu")
    ResponseEntity<Report> get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return answer(reports.get(user, id));
    }

    /** The free-text sections of a report and the version they replace. */
    record Texts(Long version, String results, String shortcomings, String proposals) {
    }

    @PutMapping(path = "/reports/{id}", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lưu báo cáo (dự thảo hoặc bị trả lại)", description = "{version, results, shortcomings, "
            + "proposals}; version hoặc If-Match bắt buộc. Người khác đã lưu trước: 409 STALE_VERSION với current "
            + "(bản đã lưu) và yours (bản của bạn), không ghi đè.")
    ResponseEntity<Report> save(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = HttpHeaders.IF_MATCH, required = false) String ifMatch, @RequestBody Texts body) {
        Long version = ifMatch != null ? IfMatch.version(ifMatch) : body.version();
        return answer(reports.save(user, id, version, body.results(), body.shortcomings(), body.proposals()));
    }

    @PostMapping("/reports/{id}/submit")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Gửi báo cáo", description = "Tiêu đề Idempotency-Key (nên có): gửi lại cùng khóa (bấm hai "
            + "lần, thử lại) trả về kết quả lần đầu, không gửi thêm. Không có khóa: báo cáo đã gửi → 409 "
            + "REPORT_ALREADY_SUBMITTED.")
    ResponseEntity<Report> submit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestHeader(name = "Idempotency-Key", required = false) String key) {
        return answer(reports.submit(user, id, key));
    }

    /** A reviewer's comment. */
    record Review(String comment, Long version) {
    }

    @PostMapping("/reports/{id}/return")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Trả lại báo cáo", description = "Cơ quan nhận (đơn vị cấp trên trực tiếp): {comment} bắt "
            + "buộc. Đơn vị sửa và gửi lại; mọi phiên bản được giữ.")
    ResponseEntity<Report> returnReport(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) Review body) {
        return answer(reports.returnReport(user, id, body == null ? null : body.comment(),
                body == null ? null : body.version()));
    }

    @PostMapping("/reports/{id}/accept")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tiếp nhận báo cáo", description = "Cơ quan nhận (đơn vị cấp trên trực tiếp); số liệu của "
            + "báo cáo được cộng vào báo cáo tổng hợp của cơ quan nhận.")
    ResponseEntity<Report> accept(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) Review body) {
        return answer(reports.accept(user, id, body == null ? null : body.comment(),
                body == null ? null : body.version()));
    }

    @GetMapping("/plans/{id}/consolidation")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tổng hợp theo kế hoạch và kỳ", description = "unit: đơn vị xem (mặc định: đơn vị mình; "
            + "xem sâu xuống đơn vị cấp dưới bằng id của nó). Số liệu trực tiếp (live), từ báo cáo đã tiếp nhận "
            + "(accepted) và đã ghi nhận nhưng chưa có trong báo cáo được tiếp nhận (notYetReported), theo đơn vị "
            + "trực thuộc và theo cấp; đơn vị chưa báo cáo, báo cáo muộn. Mỗi đơn vị trực thuộc mặc định chỉ kèm số "
            + "hoạt động theo hình thức (children[].live, children[].accepted với indicator rỗng); childFigures=all: "
            + "đủ mọi chỉ tiêu của từng đơn vị trực thuộc (cũng có khi xem sâu xuống đơn vị đó và trong tệp XLSX).")
    Consolidation consolidation(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit,
            @RequestParam(required = false) String childFigures) {
        return reports.consolidation(user, id, unit, period, "all".equals(childFigures));
    }

    @GetMapping("/plans/{id}/completeness")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tình hình báo cáo theo cấp", description = "unit: đơn vị xem (mặc định: đơn vị mình). Theo "
            + "từng cấp trong nhánh (levels) và từng đơn vị trực thuộc (children): số đơn vị (expected), đã báo cáo "
            + "(reported: đúng hạn onTime, muộn late), đã tiếp nhận (accepted), bị trả lại (returned).")
    ReportCounts.Completeness completeness(@AuthenticationPrincipal CurrentUser user,
            @PathVariable long id, @RequestParam(required = false) String period,
            @RequestParam(required = false) Long unit) {
        return reports.completeness(user, id, unit, period);
    }

    @GetMapping(path = "/plans/{id}/consolidation.xlsx", produces = MediaType.ALL_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Tổng hợp dạng XLSX")
    ResponseEntity<byte[]> consolidationXlsx(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) String period, @RequestParam(required = false) Long unit)
            throws IOException {
        Consolidation c = reports.consolidation(user, id, unit, period);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ConsolidationWorkbook.write(c, out);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentDisposition(ContentDisposition.attachment()
                .filename("tong-hop-" + c.planId() + "-" + c.period().id() + ".xlsx", StandardCharsets.UTF_8).build());
        headers.setContentType(MediaType.parseMediaType(
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
        return ResponseEntity.ok().headers(headers).body(out.toByteArray());
    }

    private static ResponseEntity<Report> answer(Report report) {
        ResponseEntity.BodyBuilder ok = ResponseEntity.ok();
        if (report.id() != null) {
            ok.eTag(String.valueOf(report.version()));
        }
        return ok.body(report);
    }

}
