package vn.lantoa.event;

import java.time.LocalDate;
import java.util.List;

import vn.lantoa.calendar.Deadlines.Reading;

/**
 * A plan's resolved times as the HTTP API gives them ({@code GET /api/v1/plans/{id}} and
 * {@code GET /api/v1/plans/{id}/times} answer the same): how "trước ngày X" is read, each time by JSON pointer, and
 * the events' dates in force.
 */
public record PlanTimesView(Reading reading, List<Time> times, List<EventDates> events) {

    /**
     * One time of the plan.
     *
     * @param pointer        where in the plan ({@code /assignments/0/tasks/1/due})
     * @param slot           a phase's start or end, a task's or a report's due
     * @param known          whether it has a date yet
     * @param date           the day to show (a start's first day, an end's or a due's last day); null while unknown
     * @param first          the first day it can mean
     * @param last           the last day it can mean (for a due, the last day still on time)
     * @param text           the date as shown, or what it waits for
     * @param rules          the legal rules applied (Điều 147, 148 BLDS 2015), in Vietnamese
     * @param waitingFor     the event it waits for, or null
     * @param waitingEventId the event record it waits for, when one is matched
     */
    public record Time(String pointer, ResolvedTime.Slot slot, boolean known, LocalDate date, LocalDate first,
            LocalDate last, String text, List<String> rules, String waitingFor, Long waitingEventId) {

        static Time of(ResolvedTime t) {
            return new Time(t.pointer(), t.slot(), t.known(), t.date(), t.first(), t.last(), t.text(), t.rules(),
                    t.waiting() == null ? null : t.waiting().event(),
                    t.waiting() == null ? null : t.waiting().eventId());
        }
    }

    public static PlanTimesView of(PlanTimes times) {
        return new PlanTimesView(times.reading(), times.times().stream().map(Time::of).toList(), times.events());
    }
}
