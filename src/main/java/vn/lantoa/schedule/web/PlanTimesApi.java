package vn.lantoa.schedule.web;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.event.EventDates;
import vn.lantoa.event.EventTimes;
import vn.lantoa.event.PlanTimesView;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;

/** A plan's times resolved now, beside {@code GET /api/v1/plans/{id}} (same access: 404 when it may not be seen). */
@RestController
@Tag(name = "Lịch", description = "Thời gian của kế hoạch, tính từ ngày của các sự kiện")
class PlanTimesApi {

    /** The answer. */
    record Times(long planId, long version, Reading reading, List<PlanTimesView.Time> times, List<EventDates> events) {
    }

    private final PlanManagement plans;
    private final EventTimes times;

    PlanTimesApi(PlanManagement plans, EventTimes times) {
        this.plans = plans;
        this.times = times;
    }

    @GetMapping(path = "/api/v1/plans/{id}/times", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Thời gian của kế hoạch", description = "Mỗi mốc bắt đầu, kết thúc giai đoạn, hạn nhiệm vụ, "
            + "hạn báo cáo (theo JSON pointer): ngày đã tính kèm căn cứ (Điều 147, 148 BLDS 2015), hoặc \"chưa xác "
            + "định\" và đang chờ sự kiện nào. Tính lại mỗi lần đọc từ ngày hiện tại của các sự kiện.")
    Times get(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        StoredPlan plan = plans.get(user, id);
        PlanTimesView resolved = PlanTimesView.of(times.resolve(plan.id(), plan.plan(), plan.issuerUnitId()));
        return new Times(plan.id(), plan.version(), resolved.reading(), resolved.times(), resolved.events());
    }
}
