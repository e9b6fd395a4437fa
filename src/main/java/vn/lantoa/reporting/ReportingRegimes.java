package vn.lantoa.reporting;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.TimeRef;

/**
 * Reads a plan's reporting duties ({@code reporting} of {@code lantoa.plan/1}) into regimes and recognises the period
 * presets from their due dates. Plain Java: the importer and the command line may use it.
 */
public final class ReportingRegimes {

    private static final Set<Integer> QUARTER_ENDS = Set.of(3, 6, 9, 12);
    private static final Set<Integer> HALF_ENDS = Set.of(6, 12);

    private ReportingRegimes() {
    }

    /**
     * The regime of a plan: its first periodic duty is the units' one (who reports, to whom, through whom); a duty
     * whose days of the month fall later in the same months is the standing body's consolidation. The name says
     * which plan it reports on.
     */
    public static Optional<ReportingRegime> fromPlan(Plan plan) {
        List<ReportingDuty> duties = plan.reporting();
        if (duties.isEmpty()) {
            return Optional.empty();
        }
        ReportingDuty units = duties.get(0);
        List<TimeRef> allDues = new ArrayList<>();
        duties.forEach(d -> allDues.addAll(d.due()));
        Frequency frequency = units.frequency();
        PeriodScheme scheme = recognise(frequency, allDues).orElse(null);
        String symbol = plan.document().symbol();
        String name = "Báo cáo kết quả thực hiện " + (symbol == null ? "kế hoạch" : "Kế hoạch số " + symbol);
        return Optional.of(new ReportingRegime(name, plan.document().title(), units.from(), units.to(), units.via(),
                ReportingRegime.DEFAULT_METHOD, frequency, scheme, ReportingRegime.DEFAULT_OUTLINE, List.of(), null));
    }

    /**
     * The period preset the due dates follow:
     * <ul>
     * <li>days on the same day of the months 3, 6, 9 and 12 (some or all of them: a plan running from March to
     * December names three) → the Party fixed dates, quarterly; a second, later day in those months is the
     * consolidation's;</li>
     * <li>days in June and December only → fixed dates, half-yearly; December only with a yearly frequency → yearly;
     * every month → monthly;</li>
     * <li>no day but a periodic frequency → the 09/2019 periods of that frequency, without due dates;</li>
     * <li>days that follow no pattern → custom periods, each ending the day before its due date.</li>
     * </ul>
     * Empty for a duty without days whose frequency is once, ad hoc, regular or unknown.
     */
    public static Optional<PeriodScheme> recognise(Frequency frequency, List<TimeRef> due) {
        List<LocalDate> days = new ArrayList<>();
        for (TimeRef t : due) {
            if (t instanceof TimeRef.Day d) {
                days.add(d.date());
            }
        }
        if (days.isEmpty()) {
            return switch (frequency == null ? Frequency.AD_HOC : frequency) {
                case MONTHLY -> Optional.of(PeriodScheme.decree09(PeriodKind.MONTH));
                case QUARTERLY -> Optional.of(PeriodScheme.decree09(PeriodKind.QUARTER));
                case HALF_YEARLY -> Optional.of(PeriodScheme.decree09(PeriodKind.HALF_YEAR));
                case YEARLY -> Optional.of(PeriodScheme.decree09(PeriodKind.YEAR));
                default -> Optional.empty();
            };
        }
        // day of month → the months it falls in
        Map<Integer, Set<Integer>> monthsByDay = new TreeMap<>();
        for (LocalDate d : days) {
            monthsByDay.computeIfAbsent(d.getDayOfMonth(), k -> new TreeSet<>()).add(d.getMonthValue());
        }
        if (monthsByDay.values().stream().anyMatch(m -> m.size() >= 2)) {
            // a one-off date beside a pattern ("trước ngày 15/01/2025" beside "15/3, 15/6 …") is a task, not a period
            monthsByDay.values().removeIf(m -> m.size() < 2);
            if (frequency != Frequency.MONTHLY) {
                for (Set<Integer> months : monthsByDay.values()) {
                    if (months.size() < 12 && months.stream().filter(QUARTER_ENDS::contains).count() >= 2) {
                        months.retainAll(QUARTER_ENDS); // the same day in January is that one-off task again
                    }
                }
            }
        }
        if (monthsByDay.size() <= 2) {
            List<Integer> dayNumbers = new ArrayList<>(monthsByDay.keySet());
            Set<Integer> months = monthsByDay.get(dayNumbers.get(0));
            boolean sameMonths = monthsByDay.values().stream().allMatch(m -> m.equals(months) || months.containsAll(m)
                    || m.containsAll(months));
            Integer consolidation = dayNumbers.size() == 2 ? dayNumbers.get(1) : null;
            if (sameMonths) {
                PeriodKind kind = null;
                if (months.size() == 12 || frequency == Frequency.MONTHLY) {
                    kind = PeriodKind.MONTH;
                } else if (HALF_ENDS.equals(months) && frequency == Frequency.HALF_YEARLY) {
                    kind = PeriodKind.HALF_YEAR;
                } else if (months.equals(Set.of(12)) && frequency == Frequency.YEARLY) {
                    kind = PeriodKind.YEAR;
                } else if (QUARTER_ENDS.containsAll(months) && months.size() >= 2) {
                    kind = PeriodKind.QUARTER;
                } else if (HALF_ENDS.equals(months)) {
                    kind = PeriodKind.HALF_YEAR;
                }
                if (kind != null) {
                    return Optional.of(PeriodScheme.partyFixedDates(kind, dayNumbers.get(0), consolidation));
                }
            }
        }
        return Optional.of(customFromDues(days));
    }

    /** Custom periods: each due day closes a period that starts the day after the previous one's cut-off. */
    static PeriodScheme customFromDues(List<LocalDate> dues) {
        List<LocalDate> sorted = new ArrayList<>(new TreeSet<>(dues));
        List<ReportingPeriod> periods = new ArrayList<>();
        Map<Integer, Integer> perYear = new TreeMap<>();
        LocalDate from = sorted.get(0).withDayOfYear(1);
        for (LocalDate due : sorted) {
            LocalDate to = due.minusDays(1);
            if (to.isBefore(from)) {
                continue; // two dues on consecutive days: the second adds no period of its own
            }
            int index = perYear.merge(due.getYear(), 1, Integer::sum);
            periods.add(new ReportingPeriod(due.getYear() + "-C" + index, PeriodKind.CUSTOM, from, to, due, null));
            from = due;
        }
        return PeriodScheme.custom(periods);
    }
}
