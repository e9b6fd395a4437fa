package vn.lantoa.account.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.security.SessionRenewal;
import vn.lantoa.account.user.PasswordPolicy;
import vn.lantoa.account.user.UserManagement;
import vn.lantoa.shared.Problem;
import vn.lantoa.shell.ProblemResponses;

/** Trang đăng nhập and đổi mật khẩu. The login form itself is processed by Spring Security (POST /login). */
@Controller
class AccountPages {

    private final UserManagement management;
    private final SessionRenewal renewal;
    private final ProblemResponses problems;
    private final PasswordPolicy policy;

    AccountPages(UserManagement management, SessionRenewal renewal, ProblemResponses problems, PasswordPolicy policy) {
        this.management = management;
        this.renewal = renewal;
        this.problems = problems;
        this.policy = policy;
    }

    /** The login page; a logged-in user goes home. Public. */
    @GetMapping("/login")
    String login() {
        return CurrentUser.current().isPresent() ? "redirect:/" : "account/login";
    }

    @GetMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String passwordForm(@AuthenticationPrincipal CurrentUser user, Model model) {
        model.addAttribute("forced", user.passwordChangeRequired());
        model.addAttribute("minLength", policy.minLength());
        return "account/password";
    }

    @PostMapping("/account/password")
    @PreAuthorize("isAuthenticated()")
    String changePassword(@AuthenticationPrincipal CurrentUser user, @RequestParam String currentPassword,
            @RequestParam String newPassword, @RequestParam String confirmPassword, Model model,
            HttpServletRequest request, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            if (!newPassword.equals(confirmPassword)) {
                throw Problem.badRequest("PASSWORD_CONFIRMATION", "Hai lần nhập mật khẩu mới không giống nhau.");
            }
            int epoch = management.changeOwnPassword(user, currentPassword, newPassword);
            renewal.renew(request, response, user.id(), epoch);
            redirect.addFlashAttribute("message", "account.password.changed");
            return "redirect:/";
        } catch (Problem problem) {
            response.setStatus(problem.status());
            model.addAttribute("error", problems.detail(problem));
            model.addAttribute("forced", user.passwordChangeRequired());
            model.addAttribute("minLength", policy.minLength());
            return "account/password";
        }
    }
}
