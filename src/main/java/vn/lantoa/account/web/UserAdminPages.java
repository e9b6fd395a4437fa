package vn.lantoa.account.web;

import java.time.Clock;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.UserManagement;
import vn.lantoa.account.user.UserManagement.NewUser;
import vn.lantoa.account.user.UserManagement.UserChange;
import vn.lantoa.account.user.UserManagement.UserInUnit;
import vn.lantoa.shared.Problem;
import vn.lantoa.shell.ProblemResponses;

/**
 * Quản lý người dùng, the pages: list with search, create, edit name, unit and role, and the account actions
 * (new one-time password, disable, enable, lift the lock, end sessions). Same rules as the API: a user outside the
 * administrator's subtree does not exist (404), a non-administrator is refused (403).
 */
@Controller
@RequestMapping("/admin/users")
@PreAuthorize("isAuthenticated()")
class UserAdminPages {

    private static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final UserManagement management;
    private final ProblemResponses problems;
    private final Clock clock;

    UserAdminPages(UserManagement management, ProblemResponses problems, Clock clock) {
        this.management = management;
        this.problems = problems;
        this.clock = clock;
    }

    @GetMapping
    String list(@AuthenticationPrincipal CurrentUser actor, @RequestParam(required = false) String q,
            @RequestParam(required = false) Long unitId, Model model) {
        List<UserView> users = management.list(actor, q, unitId).stream().map(this::view).toList();
        model.addAttribute("users", users);
        model.addAttribute("q", q);
        model.addAttribute("unitId", unitId);
        model.addAttribute("units", management.unitsInScope(actor));
        model.addAttribute("zone", ZONE);
        return "account/users";
    }

    @GetMapping("/new")
    String createForm(@AuthenticationPrincipal CurrentUser actor, Model model) {
        management.requireAdministrator(actor);
        return form(actor, model, null, new NewUser("", "", actor.unitId(), Role.OFFICER));
    }

    @PostMapping
    String create(@AuthenticationPrincipal CurrentUser actor, @RequestParam String username,
            @RequestParam String displayName, @RequestParam(required = false) Long unitId,
            @RequestParam(required = false) Role role, Model model, HttpServletResponse response,
            RedirectAttributes redirect) {
        NewUser request = new NewUser(username, displayName, unitId, role);
        try {
            var created = management.create(actor, request);
            redirect.addFlashAttribute("oneTimePassword", created.oneTimePassword());
            return "redirect:/admin/users/" + created.account().user().id();
        } catch (Problem problem) {
            if (problem.status() == 404 || problem.status() == 403 && "FORBIDDEN".equals(problem.code())) {
                throw problem;
            }
            response.setStatus(problem.status());
            return form(actor, model, problems.detail(problem), request);
        }
    }

    @GetMapping("/{id}")
    String edit(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model) {
        return editPage(actor, management.get(actor, id), model, null);
    }

    @PostMapping("/{id}")
    String update(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id,
            @RequestParam String displayName, @RequestParam Long unitId, @RequestParam Role role,
            @RequestParam long version, Model model, HttpServletResponse response, RedirectAttributes redirect) {
        try {
            management.update(actor, id, new UserChange(displayName, unitId, role, version));
            redirect.addFlashAttribute("message", "account.users.saved");
            return "redirect:/admin/users/" + id;
        } catch (Problem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.status());
            return editPage(actor, management.get(actor, id), model, problems.detail(problem));
        }
    }

    @PostMapping("/{id}/reset")
    String reset(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, null, () -> redirect.addFlashAttribute("oneTimePassword",
                management.resetPassword(actor, id).oneTimePassword()));
    }

    @PostMapping("/{id}/disable")
    String disable(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "account.users.disabled",
                () -> management.setEnabled(actor, id, false));
    }

    @PostMapping("/{id}/enable")
    String enable(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "account.users.enabled",
                () -> management.setEnabled(actor, id, true));
    }

    @PostMapping("/{id}/unlock")
    String unlock(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "account.users.unlocked", () -> management.unlock(actor, id));
    }

    @PostMapping("/{id}/sessions/end")
    String endSessions(@AuthenticationPrincipal CurrentUser actor, @PathVariable long id, Model model,
            HttpServletResponse response, RedirectAttributes redirect) {
        return act(actor, id, model, response, redirect, "account.users.sessionsEnded",
                () -> management.endSessions(actor, id));
    }

    /**
     * Runs an account action. A refusal answers with its status, as in the API: 404 and a non-administrator's 403 on
     * the error page, any other refusal (own account, a user ranking above the actor, a stale version) on the user's
     * page with the reason.
     */
    private String act(CurrentUser actor, long id, Model model, HttpServletResponse response,
            RedirectAttributes redirect, String message, Runnable action) {
        try {
            action.run();
            if (message != null) {
                redirect.addFlashAttribute("message", message);
            }
        } catch (Problem problem) {
            if (problem.status() == 404) {
                throw problem;
            }
            response.setStatus(problem.status());
            return editPage(actor, management.get(actor, id), model, problems.detail(problem));
        }
        return "redirect:/admin/users/" + id;
    }

    private String form(CurrentUser actor, Model model, String error, NewUser request) {
        model.addAttribute("request", request);
        model.addAttribute("error", error);
        model.addAttribute("units", management.unitsInScope(actor).stream().filter(u -> !u.closed()).toList());
        model.addAttribute("roles", grantable(actor));
        return "account/user-new";
    }

    private String editPage(CurrentUser actor, UserInUnit account, Model model, String error) {
        model.addAttribute("user", view(account));
        model.addAttribute("error", error);
        model.addAttribute("self", account.user().id() == actor.id());
        model.addAttribute("zone", ZONE);
        model.addAttribute("units", management.unitsInScope(actor).stream()
                .filter(u -> !u.closed() || u.id() == account.unit().id()).toList());
        model.addAttribute("roles", grantable(actor));
        return "account/user-edit";
    }

    private static List<Role> grantable(CurrentUser actor) {
        return Arrays.stream(Role.values()).filter(actor.role()::mayGrant).toList();
    }

    private UserView view(UserInUnit account) {
        return UserView.of(account, clock.instant());
    }
}
