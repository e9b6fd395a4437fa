package vn.lantoa.dashboard.web;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.dashboard.Dashboard;
import vn.lantoa.dashboard.Dashboards;

/** The figures of the dashboard page, as JSON. */
@RestController
@RequestMapping(path = "/api/v1", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Bảng theo dõi", description = "Số liệu theo dõi một kế hoạch cho một đơn vị")
class DashboardApi {

    private final Dashboards dashboards;

    DashboardApi(Dashboards dashboards) {
        this.dashboards = dashboards;
    }

    @GetMapping("/plans/{id}/dashboard")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Bảng theo dõi kế hoạch của một đơn vị", description = "unit: đơn vị (mặc định: đơn vị mình, "
            + "hoặc đơn vị ban hành khi đơn vị mình ở cấp trên). Kế hoạch cấp dưới đã ban hành (đúng hạn, muộn, dự "
            + "thảo, chưa xây dựng), tình hình báo cáo của các đơn vị trực thuộc theo từng kỳ (hoàn thành đúng hạn, "
            + "hoàn thành quá hạn, đang thực hiện trong hạn, quá hạn chưa hoàn thành), số liệu theo kỳ báo cáo, theo "
            + "tháng, theo đợt, theo đơn vị trực thuộc, các hạn sắp đến và quá hạn (30 ngày). Cùng số liệu với trang "
            + "/dashboard. 404 nếu không được xem kế hoạch hoặc đơn vị.")
    Dashboard dashboard(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestParam(required = false) Long unit) {
        return dashboards.of(user, id, unit);
    }
}
