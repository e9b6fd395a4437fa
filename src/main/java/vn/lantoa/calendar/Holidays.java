package vn.lantoa.calendar;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/**
 * Ngày nghỉ: which days are not working days. Weekends are fixed; public holidays (Tết moves every year, and the
 * Government shifts days off) are kept by the administrator, so they come from data, not from code.
 */
public interface Holidays {

    /** The public holiday on this date, by name ("Tết Nguyên đán"), if it is one. */
    Optional<String> holidayOn(LocalDate date);

    /** Whether the date is a working day: not a Saturday, not a Sunday, not a public holiday. */
    default boolean isWorkingDay(LocalDate date) {
        DayOfWeek day = date.getDayOfWeek();
        return day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY && holidayOn(date).isEmpty();
    }

    /** No public holidays: weekends only. */
    static Holidays weekendsOnly() {
        return date -> Optional.empty();
    }
}
