/**
 * Thông báo: reminders before each task's due date (by default 7, 3 and 1 days before and on the day), notices when
 * it is overdue (then every few days), and, after a set time, a notice to the superior unit; once per item and stage
 * even with several application instances (a unique key, set-based inserts). Shown in the app (list, unread count in
 * the navigation) and sent by e-mail when SMTP is configured; each user chooses what to receive.
 *
 * <p>The items are the cascade's tasks ({@code task}, read here as the cascade's published rows).
 * Tables: {@code notification}, {@code notification_read}, {@code notification_preference}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Thông báo")
package vn.lantoa.notification;
