package vn.lantoa.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import vn.lantoa.calendar.Anniversary;
import vn.lantoa.event.EventKind;
import vn.lantoa.event.EventRecord;
import vn.lantoa.event.PlanTimes;
import vn.lantoa.event.ResolvedTime;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Task;
import vn.lantoa.schedule.CalendarEntry.Kind;

/** Puts plans' resolved times and events on a calendar sheet. Pure: no database, no clock. */
final class CalendarBuilder {

    private CalendarBuilder() {
    }

    static CalendarSheet build(List<PlanSource> plans, Map<Long, PlanTimes> times, List<EventRecord> events,
            LocalDate from, LocalDate to) {
        List<CalendarEntry> all = new ArrayList<>();
        for (PlanSource source : plans) {
            PlanTimes t = times.get(source.id());
            if (t != null) {
                all.addAll(planEntries(source, t));
            }
        }
        all.addAll(eventEntries(events, from, to));
        List<CalendarEntry> dated = all.stream().filter(e -> e.overlaps(from, to))
                .sorted(Comparator.comparing(CalendarEntry::start).thenComparing(CalendarEntry::end)
                        .thenComparing(CalendarEntry::title)).toList();
        List<CalendarEntry> waiting = all.stream().filter(e -> !e.known()).toList();
        return new CalendarSheet(from, to, dated, waiting);
    }

    static List<CalendarEntry> planEntries(PlanSource source, PlanTimes times) {
        List<CalendarEntry> out = new ArrayList<>();
        Plan plan = source.plan();
        phases(source, times, plan.phases(), "/phases", out);
        for (int a = 0; a < plan.assignments().size(); a++) {
            if (source.assignments() != null && !source.assignments().contains(a)) {
                continue;
            }
            Assignment assignment = plan.assignments().get(a);
            for (int i = 0; i < assignment.tasks().size(); i++) {
                Task task = assignment.tasks().get(i);
                String pointer = "/assignments/" + a + "/tasks/" + i + "/due";
                times.at(pointer).ifPresent(due -> out.add(due(source, pointer, Kind.TASK_DUE,
                        task.text() + " — " + assignment.unit(), due)));
            }
        }
        for (int r = 0; r < plan.reporting().size(); r++) {
            ReportingDuty duty = plan.reporting().get(r);
            for (int d = 0; d < duty.due().size(); d++) {
                String pointer = "/reporting/" + r + "/due/" + d;
                String to = duty.to() == null ? "" : duty.to();
                times.at(pointer).ifPresent(due -> out.add(due(source, pointer, Kind.REPORT_DUE,
                        to, due)));
            }
        }
        return out;
    }

    private static void phases(PlanSource source, PlanTimes times, List<Phase> phases, String base,
            List<CalendarEntry> out) {
        for (int i = 0; i < phases.size(); i++) {
            Phase phase = phases.get(i);
            String pointer = base + "/" + i;
            ResolvedTime start = times.at(pointer + "/start").orElse(null);
            ResolvedTime end = times.at(pointer + "/end").orElse(null);
            if (start != null || end != null) {
                out.add(phase(source, pointer, phase, start, end));
            }
            phases(source, times, phase.phases(), pointer + "/phases", out);
        }
    }

    private static CalendarEntry phase(PlanSource source, String pointer, Phase phase, ResolvedTime start,
            ResolvedTime end) {
        String title = join(phase.label(), phase.title());
        List<String> rules = new ArrayList<>();
        LocalDate first = null;
        LocalDate last = null;
        for (ResolvedTime t : new ResolvedTime[] {start, end}) {
            if (t == null) {
                continue;
            }
            if (!t.known()) {
                rules.add(t.text());
            } else {
                rules.addAll(t.rules());
            }
        }
        boolean known = (start == null || start.known()) && (end == null || end.known());
        if (known) {
            first = start != null ? start.first() : end.last();
            last = end != null ? end.last() : start.first();
            if (last.isBefore(first)) {
                last = first; // the plan's checks report it; the calendar still shows the phase
            }
        }
        return new CalendarEntry(uid(source, pointer), Kind.PHASE, first, last, title, source.label(), source.id(),
                rules, source.draft());
    }

    private static CalendarEntry due(PlanSource source, String pointer, Kind kind, String title, ResolvedTime t) {
        List<String> rules = t.known() ? t.rules() : List.of(t.text());
        LocalDate day = t.date();
        return new CalendarEntry(uid(source, pointer), kind, day, day, title, source.label(), source.id(), rules,
                source.draft());
    }

    static List<CalendarEntry> eventEntries(List<EventRecord> events, LocalDate from, LocalDate to) {
        List<CalendarEntry> out = new ArrayList<>();
        for (EventRecord e : events) {
            Anniversary a = e.anniversary();
            if (a != null) {
                for (int year = from.getYear(); year <= to.getYear(); year++) {
                    if (a.yearsIn(year) > 0) {
                        LocalDate day = a.in(year);
                        out.add(new CalendarEntry("event-" + e.id() + "-" + year + "@lantoa", Kind.ANNIVERSARY, day,
                                day, a.caption(year), null, null, List.of(), false));
                    }
                }
            } else if (e.kind() != EventKind.ANNIVERSARY && (e.start() != null || e.end() != null)) {
                LocalDate first = e.start() != null ? e.start() : e.end();
                LocalDate last = e.end() != null ? e.end() : e.start();
                out.add(new CalendarEntry("event-" + e.id() + "@lantoa", Kind.EVENT, first, last, e.name(), null,
                        null, List.of(), false));
            }
        }
        return out;
    }

    private static String uid(PlanSource source, String pointer) {
        return "plan-" + source.id() + pointer.replace('/', '-') + "@lantoa";
    }

    private static String join(String label, String title) {
        boolean hasLabel = label != null && !label.isBlank();
        boolean hasTitle = title != null && !title.isBlank();
        if (hasLabel && hasTitle) {
            return label + ": " + title;
        }
        return hasLabel ? label : hasTitle ? title : "";
    }
}
