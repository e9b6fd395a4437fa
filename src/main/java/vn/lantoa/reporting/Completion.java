package vn.lantoa.reporting;

import java.time.Instant;
import java.util.Objects;

import vn.lantoa.calendar.Deadline;

/**
 * Tình trạng thực hiện: where a task or a report stands against its deadline, in the words officials use. On time or
 * late is decided by the calendar module's single rule ({@link Deadline#isOnTime(Instant)}: up to the end of the last
 * day in Vietnam, after moving it off days off).
 */
public enum Completion {

    /** Hoàn thành đúng hạn. */
    DONE_ON_TIME("hoàn thành đúng hạn"),
    /** Hoàn thành quá hạn. */
    DONE_LATE("hoàn thành quá hạn"),
    /** Đang thực hiện trong hạn. */
    IN_PROGRESS("đang thực hiện trong hạn"),
    /** Quá hạn chưa hoàn thành. */
    OVERDUE("quá hạn chưa hoàn thành");

    private final String words;

    Completion(String words) {
        this.words = words;
    }

    /** The Vietnamese words, lower case ("hoàn thành đúng hạn"). */
    public String words() {
        return words;
    }

    /** Whether it is done (on time or late). */
    public boolean done() {
        return this == DONE_ON_TIME || this == DONE_LATE;
    }

    /**
     * The state of something due by {@code deadline}.
     *
     * @param deadline the deadline, or null when there is none (then never late)
     * @param doneAt   when it was done (a report: submitted), or null when not yet
     * @param now      the present instant, from the application's clock
     */
    public static Completion of(Deadline deadline, Instant doneAt, Instant now) {
        Objects.requireNonNull(now, "now");
        if (doneAt != null) {
            return deadline == null || deadline.isOnTime(doneAt) ? DONE_ON_TIME : DONE_LATE;
        }
        return deadline == null || deadline.isOnTime(now) ? IN_PROGRESS : OVERDUE;
    }
}
