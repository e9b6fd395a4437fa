package vn.lantoa.event;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import vn.lantoa.calendar.Deadline;
import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.event.ResolvedTime.Slot;
import vn.lantoa.event.ResolvedTime.Waiting;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Event;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TimeRef;

/**
 * The arithmetic of one plan's times, without a database: given what each event name stands for now, every phase
 * bound and due time becomes a day (or a range), with the rule of each step, or says what it waits for.
 *
 * <ul>
 * <li>A phase bound is a day: a month or a year is its range; "từ nay" is the plan's date; relative to an event,
 * "sau" is the day after the event's edge (Điều 147 BLDS 2015: a period that starts with an event starts the next
 * day), "trước" the day before it, "trong thời gian" the edge itself; an offset counts days from the edge.</li>
 * <li>A due time is a deadline: a written day is read "trước ngày X" (strictly, by the end of the day before, unless
 * the plan reads "đến hết ngày"), a month or a year is due at its last day; then a weekend or public holiday moves it
 * to the next working day (Điều 148).</li>
 * </ul>
 */
final class TimeResolution {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Deadlines deadlines;
    private final Reading reading;
    private final LocalDate issuedOn;
    private final Function<String, EventDates> events;
    private final Map<String, EventDates> seen = new LinkedHashMap<>();

    TimeResolution(Deadlines deadlines, Reading reading, LocalDate issuedOn, Function<String, EventDates> events) {
        this.deadlines = deadlines;
        this.reading = reading == null ? Reading.STRICT : reading;
        this.issuedOn = issuedOn;
        this.events = events;
    }

    PlanTimes resolve(Plan plan) {
        for (Event e : plan.events()) {
            event(e.name());
        }
        List<ResolvedTime> times = new ArrayList<>();
        phases(plan.phases(), "/phases", times);
        for (int a = 0; a < plan.assignments().size(); a++) {
            Assignment assignment = plan.assignments().get(a);
            for (int t = 0; t < assignment.tasks().size(); t++) {
                Task task = assignment.tasks().get(t);
                if (task.due() != null) {
                    times.add(resolve("/assignments/" + a + "/tasks/" + t + "/due", Slot.TASK_DUE, task.due()));
                }
            }
        }
        for (int r = 0; r < plan.reporting().size(); r++) {
            ReportingDuty duty = plan.reporting().get(r);
            for (int d = 0; d < duty.due().size(); d++) {
                TimeRef due = duty.due().get(d);
                if (due != null) {
                    times.add(resolve("/reporting/" + r + "/due/" + d, Slot.REPORT_DUE, due));
                }
            }
        }
        return new PlanTimes(reading, times, List.copyOf(seen.values()));
    }

    private void phases(List<Phase> phases, String base, List<ResolvedTime> times) {
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String pointer = base + "/" + i;
            if (phase.start() != null) {
                times.add(resolve(pointer + "/start", Slot.PHASE_START, phase.start()));
            }
            if (phase.end() != null) {
                times.add(resolve(pointer + "/end", Slot.PHASE_END, phase.end()));
            }
            phases(phase.phases(), pointer + "/phases", times);
        }
    }

    ResolvedTime resolve(String pointer, Slot slot, TimeRef time) {
        if (time instanceof TimeRef.Relative r) {
            return relative(pointer, slot, r);
        }
        if (time instanceof TimeRef.Issued && issuedOn == null) {
            return new ResolvedTime(pointer, slot, time, null, null, List.of(), null, new Waiting(null, null, null,
                    "Chưa xác định: chờ ngày ban hành kế hoạch (\"từ nay\")."));
        }
        LocalDate first = time.earliest(issuedOn).orElseThrow();
        LocalDate last = time.latest(issuedOn).orElseThrow();
        List<String> rules = new ArrayList<>();
        if (time instanceof TimeRef.Issued) {
            rules.add("\"Từ nay\": ngày ban hành kế hoạch " + DAY.format(issuedOn) + ".");
        }
        if (!slot.isDue()) {
            return new ResolvedTime(pointer, slot, time, first, last, rules, null, null);
        }
        Deadline deadline = time instanceof TimeRef.Day d ? deadlines.before(d.date(), reading) : deadlines.on(last);
        if (!(time instanceof TimeRef.Day)) {
            rules.add("Hạn là ngày cuối cùng của " + (time instanceof TimeRef.Month ? "tháng" : time instanceof TimeRef.Year
                    ? "năm" : "ngày") + ": " + DAY.format(last) + ".");
        }
        rules.addAll(deadline.rules());
        LocalDate from = time instanceof TimeRef.Day ? deadline.lastDay() : first;
        return new ResolvedTime(pointer, slot, time, from, deadline.lastDay(), rules,
                new Deadline(deadline.written(), deadline.lastDay(), rules), null);
    }

    private ResolvedTime relative(String pointer, Slot slot, TimeRef.Relative r) {
        EventDates dates = event(r.event());
        LocalDate edge = dates.edge(r.edge());
        String edgeName = edgeName(r.edge(), dates);
        if (edge == null) {
            return new ResolvedTime(pointer, slot, r, null, null, List.of(), null, new Waiting(r.event(),
                    dates.eventId(), r.edge(), "Chưa xác định: chờ " + edgeName + " của " + r.event() + "."));
        }
        List<String> rules = new ArrayList<>();
        rules.add(capitalize(edgeName) + " của " + r.event() + ": " + DAY.format(edge) + ".");
        Deadline deadline = null;
        LocalDate day;
        if (r.offsetDays() != null) {
            if (slot.isDue()) {
                deadline = deadlines.relativeTo(edge, r.offsetDays());
            } else {
                day = edge.plusDays(r.offsetDays());
                rules.add((r.offsetDays() < 0 ? "Trước " : "Sau ") + String.format(Locale.ROOT, "%02d",
                        Math.abs(r.offsetDays())) + " ngày so với ngày " + DAY.format(edge) + ": ngày "
                        + DAY.format(day) + ".");
                return new ResolvedTime(pointer, slot, r, day, day, rules, null, null);
            }
        } else if (r.relation() == TimeRef.Relation.AFTER) {
            Deadline start = deadlines.periodStartingWith(edge);
            rules.addAll(start.rules());
            if (!slot.isDue()) {
                return new ResolvedTime(pointer, slot, r, start.lastDay(), start.lastDay(), rules, null, null);
            }
            deadline = deadlines.on(start.lastDay());
        } else if (r.relation() == TimeRef.Relation.BEFORE) {
            if (slot.isDue()) {
                deadline = deadlines.before(edge, Reading.STRICT);
            } else {
                day = edge.minusDays(1);
                rules.add("Trước ngày " + DAY.format(edge) + ": đến hết ngày " + DAY.format(day) + ".");
                return new ResolvedTime(pointer, slot, r, day, day, rules, null, null);
            }
        } else {
            if (!slot.isDue()) {
                return new ResolvedTime(pointer, slot, r, edge, edge, rules, null, null);
            }
            deadline = deadlines.on(edge);
        }
        rules.addAll(deadline.rules());
        return new ResolvedTime(pointer, slot, r, deadline.lastDay(), deadline.lastDay(), rules,
                new Deadline(deadline.written(), deadline.lastDay(), rules), null);
    }

    private EventDates event(String name) {
        return seen.computeIfAbsent(name, events);
    }

    private static String edgeName(TimeRef.Edge edge, EventDates dates) {
        if (dates.caption() != null) {
            return "ngày kỷ niệm";
        }
        return edge == TimeRef.Edge.START ? "ngày khai mạc" : "ngày bế mạc";
    }

    private static String capitalize(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
