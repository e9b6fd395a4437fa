package vn.lantoa.event;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.calendar.Anniversary;

/**
 * Which event record a plan's event name means, among the records its issuer sees (national ones and those of the
 * issuer and the units above it). Names are compared folded (no diacritics), by ordinal ("lần thứ XIV") and by the
 * level and body their words name; the nearest owner wins (the city's congress before the province's). When two
 * records fit equally, none is taken: a wrong date is worse than an unknown one.
 */
final class EventMatcher {

    private static final Pattern YEAR = Pattern.compile("\\b(1[89][0-9]{2}|2[0-9]{3})\\b");

    /** The candidate records, and the issuer's ancestors-or-self, root first. */
    private final List<EventRecord> records;
    private final List<Long> issuerPath;

    EventMatcher(List<EventRecord> records, List<Long> issuerPath) {
        this.records = records;
        this.issuerPath = issuerPath;
    }

    /** The record a name means, or null. */
    EventRecord match(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String core = EventNames.core(name);
        Integer ordinal = EventNames.ordinal(name);
        List<EventRecord> visible = records.stream().filter(r -> rank(r) >= -1).toList();
        EventRecord exact = best(visible.stream().filter(r -> EventNames.core(r.name()).equals(core)
                && compatible(r.ordinal(), ordinal)).toList(), ordinal);
        if (exact != null) {
            return exact;
        }
        if (EventNames.isCongress(name)) {
            CongressLevel level = EventNames.level(name);
            String body = EventNames.body(name);
            if (level == null) {
                return null;
            }
            return best(visible.stream().filter(r -> r.kind() == EventKind.CONGRESS && r.level() == level
                    && compatible(EventNames.body(r.name()), body) && compatible(r.ordinal(), ordinal)).toList(),
                    ordinal);
        }
        Set<String> words = new HashSet<>(Arrays.asList(core.split(" ")));
        return best(visible.stream().filter(r -> r.kind() == EventKind.ANNIVERSARY && r.baseDate() != null
                && (mentions(name, r.baseDate()) || overlaps(words, EventNames.core(r.name())))).toList(), null);
    }

    /** The dates a name stands for in a plan issued on {@code issuedOn}. */
    EventDates dates(String name, LocalDate writtenStart, LocalDate writtenEnd, LocalDate issuedOn) {
        EventRecord r = match(name);
        if (r == null) {
            return new EventDates(name, null, writtenStart, writtenEnd, null);
        }
        Anniversary anniversary = r.anniversary();
        if (anniversary != null) {
            Integer year = anniversaryYear(name, anniversary, issuedOn);
            if (year == null) {
                return new EventDates(name, r.id(), null, null, null);
            }
            LocalDate day = anniversary.in(year);
            return new EventDates(name, r.id(), day, day, anniversary.caption(year));
        }
        if (r.start() == null && r.end() == null) {
            return new EventDates(name, r.id(), writtenStart, writtenEnd, null);
        }
        return new EventDates(name, r.id(), r.start(), r.end(), null);
    }

    /**
     * The year of an anniversary a plan means: by its count of years ("95 năm" after 1930 → 2025), by a year it
     * writes ("03/02/2025"), or the first one on or after the plan's date.
     */
    static Integer anniversaryYear(String name, Anniversary anniversary, LocalDate issuedOn) {
        int base = anniversary.baseDate().getYear();
        Integer years = EventNames.years(name);
        if (years != null && years > 0) {
            return base + years;
        }
        Matcher m = YEAR.matcher(EventNames.key(name));
        Integer written = null;
        while (m.find()) {
            int y = Integer.parseInt(m.group(1));
            if (y > base) {
                written = y;
            }
        }
        if (written != null) {
            return written;
        }
        if (issuedOn == null) {
            return null;
        }
        int year = issuedOn.getYear();
        return anniversary.in(year).isBefore(issuedOn) ? year + 1 : year;
    }

    private EventRecord best(List<EventRecord> candidates, Integer ordinal) {
        if (candidates.isEmpty()) {
            return null;
        }
        Comparator<EventRecord> order = Comparator.comparingInt(this::rank)
                .thenComparingInt(r -> ordinal != null && ordinal.equals(r.ordinal()) ? 1 : 0);
        List<EventRecord> sorted = new ArrayList<>(candidates);
        sorted.sort(order.reversed());
        EventRecord first = sorted.get(0);
        if (sorted.size() > 1 && order.compare(first, sorted.get(1)) == 0) {
            return null; // two fit equally: do not guess
        }
        return first;
    }

    /** Deeper owners rank higher; national events rank -1; records of units off the issuer's path -2. */
    private int rank(EventRecord r) {
        if (r.ownerUnitId() == null) {
            return -1;
        }
        int i = issuerPath.indexOf(r.ownerUnitId());
        return i < 0 ? -2 : i;
    }

    private static boolean compatible(Object a, Object b) {
        return a == null || b == null || Objects.equals(a, b);
    }

    private static boolean mentions(String name, LocalDate base) {
        String text = name.replace(" ", "");
        return text.contains(base.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")))
                || text.contains(base.format(DateTimeFormatter.ofPattern("d/M/yyyy")));
    }

    /** Whether all the words of the record's name are in the plan's name, or (at least 3) the other way round. */
    private static boolean overlaps(Set<String> planWords, String recordCore) {
        List<String> recordWords = Arrays.asList(recordCore.split(" "));
        if (planWords.containsAll(recordWords)) {
            return true;
        }
        return planWords.size() >= 3 && new HashSet<>(recordWords).containsAll(planWords);
    }
}
