package vn.lantoa.notification.web;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.notification.Mailer;
import vn.lantoa.notification.Notifications;
import vn.lantoa.notification.Preferences;

/** "Thông báo": the list, mark all read, and the user's choices. */
@Controller
class NotificationPages {

    private final Notifications notifications;
    private final Mailer mailer;

    NotificationPages(Notifications notifications, Mailer mailer) {
        this.notifications = notifications;
        this.mailer = mailer;
    }

    @GetMapping("/notifications")
    @PreAuthorize("isAuthenticated()")
    String list(@AuthenticationPrincipal CurrentUser user, Model model) {
        String base = ServletUriComponentsBuilder.fromCurrentContextPath().toUriString();
        model.addAttribute("items", notifications.list(user, false, base));
        model.addAttribute("prefs", notifications.preferences(user));
        model.addAttribute("mail", mailer.configured());
        return "notification/list";
    }

    @PostMapping("/notifications/read-all")
    @PreAuthorize("isAuthenticated()")
    String readAll(@AuthenticationPrincipal CurrentUser user) {
        notifications.markAllRead(user);
        return "redirect:/notifications";
    }

    @PostMapping("/notifications/preferences")
    @PreAuthorize("isAuthenticated()")
    String save(@AuthenticationPrincipal CurrentUser user, @RequestParam(required = false) String email,
            @RequestParam(defaultValue = "false") boolean byEmail,
            @RequestParam(defaultValue = "false") boolean reminders,
            @RequestParam(defaultValue = "false") boolean overdue,
            @RequestParam(defaultValue = "false") boolean escalations,
            @RequestParam(defaultValue = "false") boolean changes, @RequestParam long version) {
        notifications.save(user, new Preferences(email, byEmail, reminders, overdue, escalations, version, changes));
        return "redirect:/notifications?saved";
    }
}
