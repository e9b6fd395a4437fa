package vn.lantoa.event;

import java.time.LocalDate;

/**
 * An event's dates were set or changed (đổi ngày sự kiện): every time tied to it moves with it, since those are computed
 * when read. Published in the transaction of the change; listeners that tell the affected units (the notification
 * module) react after commit with {@code @TransactionalEventListener}.
 *
 * @param eventId     the event
 * @param ownerUnitId its owning unit, or null for a national event
 * @param name        its name, for the notice
 * @param oldStart    the first day before the change (null when it was unknown)
 * @param oldEnd      the last day before the change
 * @param newStart    the first day now (null when it was cleared)
 * @param newEnd      the last day now
 */
public record EventRescheduled(long eventId, Long ownerUnitId, String name, LocalDate oldStart, LocalDate oldEnd,
        LocalDate newStart, LocalDate newEnd) {
}
