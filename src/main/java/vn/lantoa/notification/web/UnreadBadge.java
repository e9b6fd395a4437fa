package vn.lantoa.notification.web;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

import jakarta.servlet.http.HttpServletRequest;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.notification.Notifications;

/**
 * The unread count for the navigation badge ({@code notificationUnread} in the model of every page; the API answers
 * have no model and skip the query).
 */
@ControllerAdvice(annotations = Controller.class)
class UnreadBadge {

    private final Notifications notifications;

    UnreadBadge(Notifications notifications) {
        this.notifications = notifications;
    }

    @ModelAttribute("notificationUnread")
    Long unread(HttpServletRequest request) {
        if (request.getRequestURI().startsWith(request.getContextPath() + "/api/")) {
            return null;
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !(auth.getPrincipal() instanceof CurrentUser user)) {
            return null;
        }
        return notifications.unread(user);
    }
}
