package vn.lantoa.event;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import vn.lantoa.calendar.Deadline;
import vn.lantoa.planformat.TimeRef;

/**
 * One time of a plan, resolved now from what is known: a day (or a range, for a month or a year), with the rules that
 * gave it in Vietnamese, or "chưa xác định" with what it waits for.
 *
 * @param pointer  where it is in the plan, as a JSON pointer: {@code /phases/1/phases/0/end},
 *                 {@code /assignments/2/tasks/0/due}, {@code /reporting/0/due/1}
 * @param slot     what it is: a phase's start or end, a task's or a report's due time
 * @param written  the time as the plan writes it
 * @param first    the first day it can mean (the day itself when it is one day); null while unknown
 * @param last     the last day it can mean; for a due time, the last day that is still on time; null while unknown
 * @param rules    the rules applied, in order, in Vietnamese ("Ngày 15/03/2025 là thứ bảy: chuyển sang …")
 * @param deadline for a due time, the deadline that decides on time or late ({@link Deadline#isOnTime}); else null
 * @param waiting  while unknown, what it waits for; else null
 */
public record ResolvedTime(String pointer, Slot slot, TimeRef written, LocalDate first, LocalDate last,
        List<String> rules, Deadline deadline, Waiting waiting) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    public ResolvedTime {
        rules = List.copyOf(rules);
    }

    /** What a resolved time is the time of. */
    public enum Slot {
        PHASE_START, PHASE_END, TASK_DUE, REPORT_DUE;

        /** Whether it is a due time (a deadline), as opposed to a phase's bound. */
        public boolean isDue() {
            return this == TASK_DUE || this == REPORT_DUE;
        }
    }

    /**
     * What an unresolved time waits for.
     *
     * @param event   the event's name as the plan writes it, or null when it waits for the plan's issue date
     * @param eventId the matched event record, or null when no record matches yet
     * @param edge    which of the event's days: its opening (START) or its closing (END)
     * @param text    in Vietnamese: "Chưa xác định: chờ ngày khai mạc của Đại hội …"
     */
    public record Waiting(String event, Long eventId, TimeRef.Edge edge, String text) {
    }

    /** Whether the time is known. */
    public boolean known() {
        return first != null;
    }

    /** The one day to show or sort by: a start's first day, an end's or a due's last day; null while unknown. */
    public LocalDate date() {
        return slot == Slot.PHASE_START ? first : last;
    }

    /** Whether it is a range of days (a month, a year) rather than one day. */
    public boolean isRange() {
        return first != null && !first.equals(last);
    }

    /** "14/03/2025", "01/12/2024 – 31/12/2024", or the waiting text. */
    public String text() {
        if (!known()) {
            return waiting == null ? "Chưa xác định" : waiting.text();
        }
        return isRange() ? DAY.format(first) + " – " + DAY.format(last) : DAY.format(first);
    }
}
