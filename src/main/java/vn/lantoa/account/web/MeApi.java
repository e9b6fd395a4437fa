package vn.lantoa.account.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.UserManagement;

/** Tài khoản của tôi: who is logged in, the change of the own password, and the own API tokens. */
@RestController
@RequestMapping("/api/v1/me")
@Tag(name = "Người dùng")
@PreAuthorize("isAuthenticated()")
class MeApi {

    private final UserManagement management;
    private final SessionRenewal renewal;
    private final ApiTokens tokens;

    MeApi(UserManagement management, SessionRenewal renewal, ApiTokens tokens) {
        this.management = management;
        this.renewal = renewal;
        this.tokens = tokens;
    }

    record TokenRequest(String name, Integer validDays) {
    }

    @GetMapping("/tokens")
    @Operation(summary = "Các khóa API còn hiệu lực của tôi (không kèm mã bí mật)")
    List<ApiTokens.TokenInfo> tokens(@AuthenticationPrincipal CurrentUser user) {
        return tokens.list(user);
    }

    @PostMapping("/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Tạo khóa API; mã bí mật chỉ trả về lần này. Dùng: Authorization: Bearer <mã>")
    ApiTokens.NewToken createToken(@AuthenticationPrincipal CurrentUser user, @RequestBody TokenRequest request) {
        return tokens.create(user, request.name(), request.validDays());
    }

    @DeleteMapping("/tokens/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Thu hồi một khóa API của tôi")
    void revokeToken(@AuthenticationPrincipal CurrentUser user, @PathVariable long id) {
        tokens.revoke(user, id);
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
