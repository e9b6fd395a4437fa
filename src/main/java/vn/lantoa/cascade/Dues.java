package vn.lantoa.cascade;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

import vn.lantoa.planformat.Event;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.TimeRef;

/**
 * Hạn của nhiệm vụ: the calendar date a task is due, from its time as the plan wrote it. A day is that day; a month or
 * a year their last day ("trong tháng 12/2024" is done by 31/12/2024); "từ nay" the plan's date; a time relative to an
 * event the event's date when the plan gives it (the event module will move these when a date is set), else no date
 * and a text saying what the due waits for.
 */
final class Dues {

    private static final DateTimeFormatter DMY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** A resolved due: a date, or a text when there is no date yet. */
    record Due(LocalDate date, String text) {
        static final Due NONE = new Due(null, null);
    }

    private Dues() {
    }

    /**
     * A due from the event module's resolution when there is one: for a time relative to an event, the event's
     * current dates decide (the event module matches the plan's event name to its records, the dates the plan writes
     * being only a fallback), and while the event has no date the text is what it waits for ("Chưa xác định: chờ ngày
     * khai mạc của …"). A written day, month or year stays as the plan writes it (the cascade judges "on time" against
     * the written day, as the issuer wrote it).
     */
    static Due resolve(TimeRef time, Plan plan, vn.lantoa.event.ResolvedTime resolved) {
        if (time instanceof TimeRef.Relative relative && resolved != null) {
            return resolved.known() ? new Due(resolved.date(), relation(relative))
                    : new Due(null, resolved.text());
        }
        return resolve(time, plan);
    }

    private static String relation(TimeRef.Relative relative) {
        return switch (relative.relation()) {
            case BEFORE -> "trước ";
            case AT -> "khi ";
            case AFTER -> "sau ";
        } + (relative.edge() == TimeRef.Edge.START ? "khai mạc " : "bế mạc ") + relative.event();
    }

    static Due resolve(TimeRef time, Plan plan) {
        if (time == null) {
            return Due.NONE;
        }
        LocalDate issuedOn = plan.document().issuedOn();
        if (time instanceof TimeRef.Relative relative) {
            Event event = plan.events().stream().filter(e -> e.name() != null && e.name().equals(relative.event()))
                    .findFirst().orElse(null);
            LocalDate edge = event == null ? null
                    : relative.edge() == TimeRef.Edge.START ? event.start()
                    : event.end() != null ? event.end() : event.start();
            String text = relation(relative);
            if (edge == null) {
                return new Due(null, text);
            }
            int offset = relative.offsetDays() != null ? relative.offsetDays()
                    : relative.relation() == TimeRef.Relation.BEFORE ? -1 : 0;
            return new Due(edge.plusDays(offset), text);
        }
        return time.latest(issuedOn).map(d -> new Due(d, null)).orElse(Due.NONE);
    }

    static String format(LocalDate date) {
        return date == null ? "" : DMY.format(date);
    }
}
