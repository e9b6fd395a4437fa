package vn.lantoa.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * One thing on a calendar: a phase (đợt, giai đoạn), a task's or a report's due day, an event, an anniversary; or, when
 * its date is not known yet, what it waits for.
 *
 * @param uid     a stable identifier (the same thing keeps it when its date moves): for the iCalendar feed
 * @param kind    what it is
 * @param start   its first day; null while unknown
 * @param end     its last day (the same as start for one day); null while unknown
 * @param title   what to show ("Đợt 2: Trước khai mạc", "Hạn: Gửi kế hoạch", "Đại hội …")
 * @param plan    the plan it belongs to, as its symbol or title; null for an event
 * @param planId  the plan's id; null for an event
 * @param rules   the rules that gave the date (Điều 147, 148 BLDS 2015 …), or, while unknown, what it waits for
 * @param draft   whether it belongs to a draft plan
 */
public record CalendarEntry(String uid, Kind kind, LocalDate start, LocalDate end, String title, String plan,
        Long planId, List<String> rules, boolean draft) {

    public CalendarEntry {
        rules = List.copyOf(rules);
    }

    /** What a calendar entry is. */
    public enum Kind {
        PHASE, TASK_DUE, REPORT_DUE, EVENT, ANNIVERSARY
    }

    /** Whether its date is known. */
    public boolean known() {
        return start != null;
    }

    /** Whether it lasts more than one day. */
    public boolean multiDay() {
        return start != null && end != null && !start.equals(end);
    }

    /** Whether it falls on, or spans, this day. */
    public boolean covers(LocalDate day) {
        return start != null && !day.isBefore(start) && !day.isAfter(end);
    }

    /** Whether it overlaps the days from {@code from} to {@code to}, both included. */
    public boolean overlaps(LocalDate from, LocalDate to) {
        return start != null && !end.isBefore(from) && !start.isAfter(to);
    }
}
