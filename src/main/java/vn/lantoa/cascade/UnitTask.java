package vn.lantoa.cascade;

import java.time.Instant;
import java.time.LocalDate;

/**
 * Nhiệm vụ của một đơn vị: a task a plan gave a unit, with the task's text as the parent plan wrote it.
 *
 * @param id              the task
 * @param planId          the plan that gave it
 * @param planSymbol      that plan's symbol ("354-KH/TU")
 * @param planTitle       that plan's title
 * @param unitId          the unit it was given to
 * @param heading         the assignment's heading in the plan ("UBND thành phố")
 * @param role            LEAD, REQUESTED or STANDING
 * @param kind            PLAN, REPORT, ACTIVITY, COORDINATE or OTHER
 * @param text            the task as written
 * @param dueOn           the due date, or null
 * @param dueText         what the due waits for when there is no date yet ("sau bế mạc Đại hội …")
 * @param status          OPEN, DONE or CANCELLED (an amendment of the plan removed it while open)
 * @param timing          OVERDUE, DUE_SOON (within {@link TaskManagement#DUE_SOON_DAYS} days), UPCOMING, NO_DUE
 *                        (waiting for an event's date: {@code dueText} says which), DONE or CANCELLED
 * @param donePlanId      the plan that implements it, for a plan task done so
 * @param doneNote        the unit's note, for a task it marked done
 * @param version         optimistic-locking version of the task
 * @param cancelledAt     when an amendment of the plan removed it ("đã hủy theo văn bản sửa đổi"; a done task keeps
 *                        its DONE status), else null
 */
public record UnitTask(long id, long planId, String planSymbol, String planTitle, long unitId, String heading,
        String role, String kind, String text, LocalDate dueOn, String dueText, String status, String timing,
        Instant doneAt, Long donePlanId, String doneNote, long version, Instant cancelledAt) {
}
