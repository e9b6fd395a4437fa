package vn.lantoa.schedule;

import java.time.LocalDate;
import java.util.List;

/**
 * A calendar over some days: what is dated in them, in date order, and what concerns the unit but cannot be dated yet.
 *
 * @param from    the first day
 * @param to      the last day
 * @param entries the dated entries that overlap the days, by first day
 * @param waiting the entries whose date is not known yet, each saying what it waits for
 */
public record CalendarSheet(LocalDate from, LocalDate to, List<CalendarEntry> entries, List<CalendarEntry> waiting) {

    public CalendarSheet {
        entries = List.copyOf(entries);
        waiting = List.copyOf(waiting);
    }

    /** The entries on one day: those that start or end that day, and events over it. */
    public List<CalendarEntry> on(LocalDate day) {
        return entries.stream().filter(e -> e.kind() == CalendarEntry.Kind.EVENT ? e.covers(day)
                : day.equals(e.start()) || day.equals(e.end())).toList();
    }
}
