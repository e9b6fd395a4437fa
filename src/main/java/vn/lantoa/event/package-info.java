/**
 * Sự kiện và thời gian: the events plans' times are tied to (congresses at each level, anniversaries such as 03/02,
 * 30/4, 19/5, 19/8, 02/9), and the resolution of a plan's times into dates ({@link vn.lantoa.event.EventTimes}).
 *
 * <p><b>Times are computed, never stored.</b> A phase "sau khi bế mạc Đại hội Đảng bộ thành phố" has no date column:
 * {@link vn.lantoa.event.EventTimes#resolve} computes it from the event's current dates each time it is read, with the
 * rule shown next to the date (Điều 147, 148 BLDS 2015, "trước ngày X" read strictly unless the plan's issuer chose
 * "đến hết ngày"; the arithmetic itself is the calendar module's {@code Deadlines}). So setting an event's date moves
 * every plan's times at once, and a time that cannot be known yet says what it waits for.
 *
 * <p><b>Published event.</b> {@link vn.lantoa.event.EventRescheduled} (eventId, owner, name, old and new start and end)
 * when an event's dates are set or changed, in the transaction of the change. The notification module tells the units
 * whose plans' times move (listen with {@code @TransactionalEventListener}; the issued plans tied to the event and the
 * units they assign: {@code vn.lantoa.schedule.Schedule#tiedTo(eventId)}, or any plan whose
 * {@link vn.lantoa.event.PlanTimes#events()} carry that event id).
 *
 * <p><b>For other modules.</b> {@link vn.lantoa.event.EventTimes#resolve(long, vn.lantoa.planformat.Plan, long)} (a
 * stored plan: id, content, issuer) and {@code resolveAll} (many plans, three queries) give each phase bound, task due
 * and reporting due by JSON pointer ({@link vn.lantoa.event.PlanTimes#at}): a date with its rules, or what it waits for.
 * Call it when reading, never store its result.
 *
 * <p><b>Who sees an event.</b> Everyone sees national events (no owner: the usual anniversaries). An event of a unit is
 * seen by that unit's subtree and by the units above it (they oversee the subtree); the system administrator sees all.
 * Anyone else gets 404 {@code EVENT_NOT_FOUND}, as for an event that does not exist.
 *
 * <p><b>Who writes.</b> The system administrator, for any unit and for national events (RELIABILITY.md: administrators
 * keep the events; journey 5 of PRODUCT.md). An OFFICER or UNIT_ADMIN of the owning unit itself. A LEADER, or a user of
 * another unit who sees the event, gets 403 {@code FORBIDDEN}; a closed owning unit 409 {@code EVENT_UNIT_CLOSED}.
 * Every change carries the version it replaces: a stale one is 409 {@code STALE_VERSION} and changes nothing (I-3).
 *
 * <p><b>Matching.</b> A plan names its events by text; the record a name means is found among the records its issuer
 * sees by the folded name, the ordinal ("lần thứ XIV"), the level words ("toàn quốc", "tỉnh", "thành phố", "phường",
 * "cơ sở", "Khối") and the body (Đảng, Đoàn …); the nearest owner wins, and a tie matches nothing (never a guess).
 *
 * <p>This module never depends on the plan module (the plan module calls it). Tables: {@code event_record},
 * {@code event_plan_reading} (migrations under {@code db/migration/event}).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Sự kiện")
package vn.lantoa.event;
