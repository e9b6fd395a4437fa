package vn.lantoa.event;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.lantoa.calendar.Deadlines.Reading;

/**
 * Every time of one plan, resolved now (nothing of it is stored: ask again after an event's dates change).
 *
 * @param reading how the plan reads "trước ngày X" (strict unless its issuer chose "đến hết ngày")
 * @param times   every phase start and end (nested phases too), task due and reporting due that the plan writes, in
 *                document order
 * @param events  each event name of the plan (its {@code events} and every name a time refers to), with the record it
 *                matched and the dates in force
 */
public record PlanTimes(Reading reading, List<ResolvedTime> times, List<EventDates> events) {

    public PlanTimes {
        times = List.copyOf(times);
        events = List.copyOf(events);
    }

    /** The time at a JSON pointer ({@code /phases/0/end}). */
    public Optional<ResolvedTime> at(String pointer) {
        return times.stream().filter(t -> t.pointer().equals(pointer)).findFirst();
    }

    /** The times by pointer. */
    public Map<String, ResolvedTime> byPointer() {
        return times.stream().collect(Collectors.toMap(ResolvedTime::pointer, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }

    /** The times still unknown. */
    public List<ResolvedTime> waiting() {
        return times.stream().filter(t -> !t.known()).toList();
    }
}
