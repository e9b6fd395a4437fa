package vn.lantoa.cascade.web;

import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.cascade.CascadeCoverage;
import vn.lantoa.cascade.CascadeDerive;
import vn.lantoa.cascade.CascadeLevel;
import vn.lantoa.cascade.CascadeView;
import vn.lantoa.cascade.Derivation;
import vn.lantoa.shared.Problem;

/** Deriving a plan and the cascade view over HTTP. */
@RestController
@RequestMapping(path = "/api/v1/plans/{id}", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Phân cấp kế hoạch", description = "Kế hoạch thực hiện của đơn vị cấp dưới, cây triển khai, độ bao phủ")
class CascadeApi {

    private final CascadeDerive derive;
    private final CascadeView view;
    private final CascadeCoverage coverage;

    CascadeApi(CascadeDerive derive, CascadeView view, CascadeCoverage coverage) {
        this.derive = derive;
        this.view = view;
        this.coverage = coverage;
    }

    @GetMapping("/coverage")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Độ bao phủ của kế hoạch thực hiện", description = "Các giai đoạn, chủ đề, hình thức của kế "
            + "hoạch cấp trên và các nhiệm vụ cấp trên giao cho đơn vị: mục nào kế hoạch này mang theo (carried) và mục "
            + "nào bỏ sót, so theo các từ mang nghĩa (không dấu). parentPlanId null: kế hoạch không thực hiện kế hoạch "
            + "nào của hệ thống. Xem được khi xem được kế hoạch (404 PLAN_NOT_FOUND).")
    CascadeCoverage.Coverage coverage(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return coverage.of(user, id);
    }

    @PostMapping("/derive")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Xây dựng kế hoạch thực hiện", description = "Tạo dự thảo kế hoạch của đơn vị (thân yêu "
            + "cầu: {\"unitId\": …}, mặc định đơn vị của người dùng) căn cứ kế hoạch này: mang theo sự kiện, giai "
            + "đoạn và thời gian, chủ đề, hình thức, khẩu hiệu; phần đầu là các nhiệm vụ được giao; phần tổ chức thực "
            + "hiện để trống. 201 với {\"planId\", \"parentPlanId\", \"unitId\", \"created\": true}; gọi lần hai trả "
            + "lại dự thảo đã có (200, created false). Chỉ cán bộ của chính đơn vị (403 FORBIDDEN); kế hoạch chưa "
            + "ban hành: 409 DERIVE_PLAN_NOT_ISSUED.")
    ResponseEntity<Derivation> derive(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) Map<String, Object> body) {
        Long unitId = null;
        Object unit = body == null ? null : body.get("unitId");
        if (unit instanceof Number n) {
            unitId = n.longValue();
        } else if (unit != null) {
            throw Problem.badRequest("CASCADE_UNIT", "unitId phải là mã số đơn vị.");
        }
        Derivation d = derive.derive(user, id, unitId);
        return ResponseEntity.status(d.created() ? HttpStatus.CREATED : HttpStatus.OK).body(d);
    }

    @GetMapping("/cascade")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Cây triển khai kế hoạch", description = "Một cấp mỗi lần: node = mã đơn vị trong cây (bỏ "
            + "trống: đơn vị ban hành), các đơn vị cấp dưới được giao với trạng thái (ON_TIME, LATE, DRAFT, MISSING, "
            + "NOT_ASKED), số lượng theo trạng thái từng cấp (levels) và tổng (total). state = ON_TIME|LATE|DRAFT|"
            + "MISSING|NOT_ASKED|OVERDUE: danh sách các đơn vị có trạng thái đó trong cả nhánh. offset: phân trang "
            + "(100 dòng).")
    CascadeLevel cascade(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long node, @RequestParam(required = false) String state,
            @RequestParam(defaultValue = "0") int offset) {
        return view.level(user, id, node, state, offset);
    }
}
