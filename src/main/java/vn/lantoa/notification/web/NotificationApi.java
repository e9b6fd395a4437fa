package vn.lantoa.notification.web;

import java.util.List;
import java.util.Map;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.notification.Notification;
import vn.lantoa.notification.Notifications;
import vn.lantoa.notification.Preferences;

/** The user's notifications and preferences over HTTP. */
@RestController
@RequestMapping(path = "/api/v1/notifications", produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Thông báo", description = "Nhắc hạn, quá hạn, báo cấp trên; lựa chọn nhận thông báo")
class NotificationApi {

    /** The list with its unread count. */
    record NotificationList(long unread, List<Notification> items) {
    }

    private final Notifications notifications;

    NotificationApi(Notifications notifications) {
        this.notifications = notifications;
    }

    @GetMapping
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Thông báo của đơn vị người dùng", description = "Mới nhất trước (tối đa 100, 90 ngày gần "
            + "đây), chỉ các loại người dùng chọn nhận; unread: số chưa đọc. unread=true: chỉ các thông báo chưa đọc.")
    NotificationList list(@AuthenticationPrincipal CurrentUser user,
            @RequestParam(defaultValue = "false") boolean unread) {
        return new NotificationList(notifications.unread(user), notifications.list(user, unread, null));
    }

    @PostMapping("/{id}/read")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đánh dấu đã đọc", description = "Thông báo của đơn vị khác: 404 NOTIFICATION_NOT_FOUND.")
    ResponseEntity<Void> read(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        notifications.markRead(user, id);
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/read-all")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Đánh dấu tất cả đã đọc")
    Map<String, Integer> readAll(@AuthenticationPrincipal CurrentUser user) {
        return Map.of("marked", notifications.markAllRead(user));
    }

    @GetMapping("/preferences")
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lựa chọn nhận thông báo")
    Preferences preferences(@AuthenticationPrincipal CurrentUser user) {
        return notifications.preferences(user);
    }

    @PutMapping(path = "/preferences", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("isAuthenticated()")
    @Operation(summary = "Lưu lựa chọn nhận thông báo", description = "email, byEmail, reminders, overdue, "
            + "escalations, changes (đổi ngày sự kiện; mặc định có), version (phiên bản đang sửa, 0 lần đầu). Địa chỉ không hợp lệ: 400 NOTIFICATION_EMAIL; "
            + "phiên bản cũ: 409 STALE_VERSION.")
    Preferences save(@AuthenticationPrincipal CurrentUser user, @RequestBody Preferences wanted) {
        return notifications.save(user, wanted);
    }
}
