package vn.lantoa.account.web;

import java.time.Clock;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.user.UserManagement;
import vn.lantoa.account.user.UserManagement.NewUser;
import vn.lantoa.account.user.UserManagement.UserChange;

/**
 * Người dùng: the users API. Administrators act inside their subtree (a system administrator everywhere); a user
 * outside it answers 404 as if it did not exist; a non-administrator gets 403.
 */
@RestController
@RequestMapping("/api/v1/users")
@Tag(name = "Người dùng")
@PreAuthorize("isAuthenticated()")
class UsersApi {

    private final UserManagement management;
    private final Clock clock;

    UsersApi(UserManagement management, Clock clock) {
        this.management = management;
        this.clock = clock;
    }

    /** A created or reset account with its one-time password, shown this once. */
    record WithPasswordView(UserView user, String oneTimePassword) {
    }

    @GetMapping
    @Operation(summary = "Người dùng trong phạm vi quản trị (lọc theo tên, đơn vị)")
    List<UserView> list(@AuthenticationPrincipal CurrentUser actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId) {
        return management.list(actor, q, unitId).stream().map(u -> UserView.of(u, clock.instant())).toList();
    }

    @GetMapping("/{id}")
    @Operation(summary = "Một người dùng")
    UserView get(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        return UserView.of(management.get(actor, id), clock.instant());
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo người dùng; trả về mật khẩu dùng một lần, phải đổi khi đăng nhập lần đầu")
    WithPasswordView create(@AuthenticationPrincipal CurrentUser actor, @RequestBody NewUser request) {
        var created = management.create(actor, request);
        return new WithPasswordView(UserView.of(created.account(), clock.instant()), created.oneTimePassword());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Đổi họ tên, đơn vị hoặc vai trò (không cao hơn vai trò của mình)")
    UserView update(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, @RequestBody UserChange change) {
        return UserView.of(management.update(actor, id, change), clock.instant());
    }

    @PostMapping("/{id}/password-reset")
    @Operation(summary = "Cấp lại mật khẩu dùng một lần; kết thúc mọi phiên của người dùng")
    WithPasswordView resetPassword(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        var reset = management.resetPassword(actor, id);
        return new WithPasswordView(UserView.of(reset.account(), clock.instant()), reset.oneTimePassword());
    }

    @PostMapping("/{id}/disable")
    @Operation(summary = "Khóa tài khoản; kết thúc mọi phiên ngay")
    UserView disable(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        return UserView.of(management.setEnabled(actor, id, false), clock.instant());
    }

    @PostMapping("/{id}/enable")
    @Operation(summary = "Mở lại tài khoản đã khóa")
    UserView enable(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        return UserView.of(management.setEnabled(actor, id, true), clock.instant());
    }

    @PostMapping("/{id}/unlock")
    @Operation(summary = "Gỡ khóa tạm thời sau nhiều lần đăng nhập sai")
    UserView unlock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        return UserView.of(management.unlock(actor, id), clock.instant());
    }

    @DeleteMapping("/{id}/sessions")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Kết thúc mọi phiên đăng nhập của người dùng")
    void endSessions(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id) {
        management.endSessions(actor, id);
    }
}
