package vn.lantoa.cascade.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.cascade.TaskManagement;
import vn.lantoa.cascade.UnitTask;

/** A unit's tasks over HTTP. */
@RestController
@Tag(name = "Nhiệm vụ", description = "Nhiệm vụ các kế hoạch giao cho đơn vị")
class TaskApi {

    private final TaskManagement tasks;

    TaskApi(TaskManagement tasks) {
        this.tasks = tasks;
    }

    @GetMapping(path = "/api/v1/units/{id}/tasks", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Nhiệm vụ của một đơn vị", description = "Các nhiệm vụ kế hoạch đã ban hành giao cho đơn "
            + "vị: chưa hoàn thành trước (theo hạn, quá hạn trước), rồi đã hoàn thành. timing: OVERDUE (quá hạn), "
            + "DUE_SOON (trong 7 ngày tới), UPCOMING, NO_DUE (chưa có hạn), DONE. Người dùng của đơn vị và các đơn vị "
            + "cấp trên được xem; đơn vị khác: 403 FORBIDDEN.")
    List<UnitTask> forUnit(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        return tasks.forUnit(user, id);
    }

    @PostMapping(path = "/api/v1/tasks/{id}/done", produces = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đánh dấu hoàn thành", description = "Thân yêu cầu: {\"note\": \"…\"} (không bắt buộc). "
            + "Chỉ cán bộ của chính đơn vị được giao. Nhiệm vụ xây dựng kế hoạch hoàn thành khi ban hành kế hoạch "
            + "(409 TASK_DONE_BY_PLAN); đã hoàn thành: 409 TASK_DONE.")
    UnitTask done(@AuthenticationPrincipal CurrentUser user, @PathVariable long id,
            @RequestBody(required = false) Map<String, Object> body) {
        Object note = body == null ? null : body.get("note");
        return tasks.markDone(user, id, note instanceof String s ? s : null);
    }
}
