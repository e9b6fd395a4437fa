package vn.lantoa.planformat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * When a phase starts or ends, or when a task is due: a day, a whole month, a whole year, the document's own issue
 * date ("từ nay"), or a time relative to an event ("sau khi bế mạc Đại hội X").
 */
public sealed interface TimeRef permits TimeRef.Day, TimeRef.Month, TimeRef.Year, TimeRef.Issued, TimeRef.Relative {

    /** The first day this time can mean, when it is a calendar time (an event's time is not). */
    Optional<LocalDate> earliest(LocalDate issuedOn);

    /** The last day this time can mean, when it is a calendar time. */
    Optional<LocalDate> latest(LocalDate issuedOn);

    static TimeRef day(LocalDate date) {
        return new Day(date);
    }

    static TimeRef month(YearMonth month) {
        return new Month(month);
    }

    static TimeRef year(int year) {
        return new Year(year);
    }

    static TimeRef issued() {
        return Issued.INSTANCE;
    }

    static TimeRef relative(String event, Edge edge, Relation relation) {
        return new Relative(event, edge, relation, null);
    }

    /** {@code { "date": "2025-08-31" }}. */
    record Day(LocalDate date) implements TimeRef {
        public Day {
            Objects.requireNonNull(date, "date");
        }

        @Override
        public Optional<LocalDate> earliest(LocalDate issuedOn) {
            return Optional.of(date);
        }

        @Override
        public Optional<LocalDate> latest(LocalDate issuedOn) {
            return Optional.of(date);
        }
    }

    /** {@code { "month": "2024-12" }}: the whole month. */
    record Month(YearMonth month) implements TimeRef {
        public Month {
            Objects.requireNonNull(month, "month");
        }

        @Override
        public Optional<LocalDate> earliest(LocalDate issuedOn) {
            return Optional.of(month.atDay(1));
        }

        @Override
        public Optional<LocalDate> latest(LocalDate issuedOn) {
            return Optional.of(month.atEndOfMonth());
        }
    }

    /** {@code { "year": 2026 }}: the whole year. */
    record Year(int year) implements TimeRef {
        @Override
        public Optional<LocalDate> earliest(LocalDate issuedOn) {
            return Optional.of(LocalDate.of(year, 1, 1));
        }

        @Override
        public Optional<LocalDate> latest(LocalDate issuedOn) {
            return Optional.of(LocalDate.of(year, 12, 31));
        }
    }

    /** {@code { "ref": "issued" }}: "từ nay", the document's own issue date. */
    record Issued() implements TimeRef {
        static final Issued INSTANCE = new Issued();

        @Override
        public Optional<LocalDate> earliest(LocalDate issuedOn) {
            return Optional.ofNullable(issuedOn);
        }

        @Override
        public Optional<LocalDate> latest(LocalDate issuedOn) {
            return Optional.ofNullable(issuedOn);
        }
    }

    /**
     * {@code { "event": "…", "edge": "end", "relation": "after", "offsetDays": -1 }}: relative to an event listed in
     * the plan's events under the same name.
     *
     * @param offsetDays days added to the edge ("trước phiên khai mạc 01 ngày" is -1); null when none
     */
    record Relative(String event, Edge edge, Relation relation, Integer offsetDays) implements TimeRef {
        public Relative {
            Objects.requireNonNull(event, "event");
            Objects.requireNonNull(edge, "edge");
            Objects.requireNonNull(relation, "relation");
            if (offsetDays != null && offsetDays == 0) {
                offsetDays = null;
            }
        }

        @Override
        public Optional<LocalDate> earliest(LocalDate issuedOn) {
            return Optional.empty();
        }

        @Override
        public Optional<LocalDate> latest(LocalDate issuedOn) {
            return Optional.empty();
        }

        /** The same time relative to an event of another name. */
        public Relative withEvent(String name) {
            return new Relative(name, edge, relation, offsetDays);
        }
    }

    /** Which edge of the event: its opening or its closing. */
    enum Edge {
        START, END;

        public String json() {
            return Enums.json(this);
        }

        public static Edge fromJson(String value) {
            return Enums.fromJson(Edge.class, value);
        }
    }

    /** Before, at or after the edge. */
    enum Relation {
        BEFORE, AT, AFTER;

        public String json() {
            return Enums.json(this);
        }

        public static Relation fromJson(String value) {
            return Enums.fromJson(Relation.class, value);
        }
    }
}
