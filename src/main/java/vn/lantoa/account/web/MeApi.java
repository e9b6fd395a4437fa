package vn.lantoa.account.web;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.security.SessionRenewal;
import vn.lantoa.account.user.UserManagement;

/** Tài khoản của tôi: who is logged in, and the change of the own password. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Người dùng")
@PreAuthorize("isAuthenticated()")
class MeApi {

    private final UserManagement management;
    private final SessionRenewal renewal;

    MeApi(UserManagement management, SessionRenewal renewal) {
        this.management = management;
        this.renewal = renewal;
    }

    record Me(long id, String username, String displayName, long unitId, String unitShortName, String unitPath,
            Role role, boolean passwordChangeRequired, Map<String, String> csrf) {
    }

    record PasswordChange(String currentPassword, String newPassword) {
    }

    @GetMapping
    @Operation(summary = "Người dùng đang đăng nhập; với phiên cookie, kèm mã CSRF để gửi trong tiêu đề khi ghi")
    Me me(@AuthenticationPrincipal CurrentUser user, HttpServletRequest request) {
        Map<String, String> csrf = null;
        if (request.getSession(false) != null && request.getAttribute(CsrfToken.class.getName()) instanceof CsrfToken token) {
            csrf = new LinkedHashMap<>();
            csrf.put("headerName", token.getHeaderName());
            csrf.put("parameterName", token.getParameterName());
            csrf.put("token", token.getToken());
        }
        return new Me(user.id(), user.username(), user.displayName(), user.unitId(), user.unitShortName(),
                user.unitPath(), user.role(), user.passwordChangeRequired(), csrf);
    }

    @PutMapping("/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Đổi mật khẩu của mình (cần mật khẩu hiện tại); kết thúc các phiên khác")
    void changePassword(@AuthenticationPrincipal CurrentUser user, @RequestBody PasswordChange change,
            HttpServletRequest request, HttpServletResponse response) {
        int epoch = management.changeOwnPassword(user, change.currentPassword(), change.newPassword());
        renewal.renew(request, response, user.id(), epoch);
    }
}
