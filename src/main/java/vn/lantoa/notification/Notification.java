package vn.lantoa.notification;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One notification, as its reader sees it.
 *
 * @param id          the notification
 * @param kind        REMINDER (before the due date), OVERDUE, or ESCALATION (a unit below is overdue)
 * @param stage       D7, D3, D1, D0, O0, O1 …, E
 * @param unitId      the unit the task was given to (for an escalation, the unit below)
 * @param unitName    its name
 * @param taskId      the task
 * @param taskText    the task as the plan wrote it
 * @param planId      the plan that gave it
 * @param planSymbol  that plan's symbol
 * @param dueOn       the due date
 * @param createdAt   when the notification was made
 * @param read        whether the reader has read it
 * @param zalo        the "Sao chép để gửi Zalo" text: unit, task, deadline, link
 */
public record Notification(long id, String kind, String stage, long unitId, String unitName, long taskId,
        String taskText, long planId, String planSymbol, LocalDate dueOn, Instant createdAt, boolean read,
        String zalo) {
}
