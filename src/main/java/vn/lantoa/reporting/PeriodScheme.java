package vn.lantoa.reporting;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import vn.lantoa.shared.Problem;

/**
 * Cách chia kỳ báo cáo: how a plan's reporting duty cuts time into periods and when each is due. The issuer picks a
 * preset, or the importer recognises one from the plan's due dates ({@link ReportingRegimes#recognise}):
 * <ul>
 * <li>{@link Preset#PARTY_FIXED_DATES}: the Party pattern "units report before 15/3, 15/6, 15/9 and 15/12; the standing
 * body consolidates before 20/3, 20/6, 20/9, 20/12" — quarterly, due on a fixed day of each quarter's last month;
 * the figures are cut off the day before the units' due day (the 09/2019 window when that day is the 15th);</li>
 * <li>{@link Preset#DECREE_09}: Nghị định 09/2019/NĐ-CP periods with its data cut-offs (the 15th of the month before
 * to the 14th), monthly, quarterly, half-yearly or yearly, due dates as the regime states them;</li>
 * <li>{@link Preset#CALENDAR}: calendar months, quarters, halves and years;</li>
 * <li>{@link Preset#CUSTOM}: periods with their own dates.</li>
 * </ul>
 *
 * @param preset              which preset
 * @param kind                the length of a period (CUSTOM for custom periods)
 * @param window              the days a period's figures cover
 * @param dueDay              the units' due day in the period's last month ("trước ngày 15/3" → 15), or null
 * @param consolidationDueDay the standing body's due day in the last month (20), or null
 * @param custom              the periods of a custom scheme, in order; empty otherwise
 */
public record PeriodScheme(Preset preset, PeriodKind kind, PeriodWindow window, Integer dueDay,
        Integer consolidationDueDay, List<ReportingPeriod> custom) {

    /** The presets an issuer picks from. */
    public enum Preset {
        /** Hạn cố định theo quý (mẫu của cấp ủy): 15/3, 15/6, 15/9, 15/12; tổng hợp 20/3, 20/6, 20/9, 20/12. */
        PARTY_FIXED_DATES,
        /** Kỳ báo cáo và thời gian chốt số liệu theo Nghị định 09/2019/NĐ-CP. */
        DECREE_09,
        /** Tháng, quý, năm dương lịch. */
        CALENDAR,
        /** Kỳ do kế hoạch tự định. */
        CUSTOM
    }

    public PeriodScheme {
        Objects.requireNonNull(preset, "preset");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(window, "window");
        custom = custom == null ? List.of() : List.copyOf(custom);
        if ((kind == PeriodKind.CUSTOM) != (preset == Preset.CUSTOM)) {
            throw new IllegalArgumentException("custom periods go with the CUSTOM preset only");
        }
        checkDay(dueDay);
        checkDay(consolidationDueDay);
    }

    /** The Party pattern: quarterly, units by the 15th, consolidation by the 20th of each quarter's last month. */
    public static PeriodScheme partyFixedDates() {
        return partyFixedDates(PeriodKind.QUARTER, 15, 20);
    }

    /**
     * A fixed-dates scheme: due on {@code dueDay} of each period's last month, consolidated on
     * {@code consolidationDueDay}; the figures run up to the day before the due day.
     */
    public static PeriodScheme partyFixedDates(PeriodKind kind, int dueDay, Integer consolidationDueDay) {
        return new PeriodScheme(Preset.PARTY_FIXED_DATES, kind, PeriodWindow.CUT_OFF_14, dueDay, consolidationDueDay,
                List.of());
    }

    /** Nghị định 09/2019 periods of this kind, cut off on the 14th, without due dates. */
    public static PeriodScheme decree09(PeriodKind kind) {
        return new PeriodScheme(Preset.DECREE_09, kind, PeriodWindow.CUT_OFF_14, null, null, List.of());
    }

    /** Calendar periods of this kind, without due dates. */
    public static PeriodScheme calendar(PeriodKind kind) {
        return new PeriodScheme(Preset.CALENDAR, kind, PeriodWindow.CALENDAR, null, null, List.of());
    }

    /** Periods with their own dates; their ids must be custom ids ({@code 2025-C1}) and must not overlap. */
    public static PeriodScheme custom(List<ReportingPeriod> periods) {
        List<ReportingPeriod> sorted = new ArrayList<>(periods);
        sorted.sort(Comparator.comparing(ReportingPeriod::from));
        for (int i = 0; i < sorted.size(); i++) {
            ReportingPeriod p = sorted.get(i);
            if (PeriodId.parse(p.id()).kind() != PeriodKind.CUSTOM || p.kind() != PeriodKind.CUSTOM) {
                throw PeriodId.invalid(p.id());
            }
            if (i > 0 && !p.from().isAfter(sorted.get(i - 1).to())) {
                throw Problem.badRequest("PERIOD_OVERLAP", "Kỳ báo cáo {0} trùng thời gian với kỳ {1}.", p.id(),
                        sorted.get(i - 1).id());
            }
        }
        return new PeriodScheme(Preset.CUSTOM, PeriodKind.CUSTOM, PeriodWindow.CALENDAR, null, null, sorted);
    }

    /** The same scheme with due days (in each period's last month). */
    public PeriodScheme withDueDays(Integer unitDay, Integer consolidationDay) {
        return new PeriodScheme(preset, kind, window, unitDay, consolidationDay, custom);
    }

    /** The period with this id, or 404 {@code PERIOD_NOT_FOUND} when the scheme has none such. */
    public ReportingPeriod period(String id) {
        return period(PeriodId.parse(id));
    }

    /** The period with this id, or 404 {@code PERIOD_NOT_FOUND} when the scheme has none such. */
    public ReportingPeriod period(PeriodId id) {
        if (id.kind() != kind) {
            throw notFound(id.toString());
        }
        if (kind == PeriodKind.CUSTOM) {
            return custom.stream().filter(p -> p.id().equals(id.toString())).findFirst()
                    .orElseThrow(() -> notFound(id.toString()));
        }
        YearMonth first = id.firstMonth();
        YearMonth last = id.lastMonth();
        LocalDate from = window.from(first);
        LocalDate to = window.to(last);
        if (preset == Preset.PARTY_FIXED_DATES && dueDay != null) {
            // the figures run up to the day before the due day, from the day after the previous period's cut-off
            to = dayOf(last, dueDay).minusDays(1);
            from = dayOf(first.minusMonths(1), dueDay);
        }
        return new ReportingPeriod(id.toString(), kind, from, to, dueDay == null ? null : dayOf(last, dueDay),
                consolidationDueDay == null ? null : dayOf(last, consolidationDueDay));
    }

    /** The period whose figures include this day, if any (a custom scheme may leave gaps). */
    public Optional<ReportingPeriod> containing(LocalDate day) {
        if (kind == PeriodKind.CUSTOM) {
            return custom.stream().filter(p -> p.contains(day)).findFirst();
        }
        // the day belongs to the period of its own nominal month, or of the next month when past the cut-off
        for (int shift = -1; shift <= 1; shift++) {
            YearMonth month = YearMonth.from(day).plusMonths(shift);
            int index = (month.getMonthValue() - 1) / kind.months() + 1;
            ReportingPeriod p = period(new PeriodId(month.getYear(), kind, index));
            if (p.contains(day)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** Every period whose days meet {@code [from, to]}, in order. */
    public List<ReportingPeriod> between(LocalDate from, LocalDate to) {
        List<ReportingPeriod> periods = new ArrayList<>();
        if (to.isBefore(from)) {
            return periods;
        }
        if (kind == PeriodKind.CUSTOM) {
            custom.stream().filter(p -> !p.to().isBefore(from) && !p.from().isAfter(to)).forEach(periods::add);
            return periods;
        }
        ReportingPeriod p = containing(from).orElseThrow();
        while (!p.from().isAfter(to)) {
            periods.add(p);
            p = next(p);
        }
        return periods;
    }

    /** The period after this one (for custom schemes, the next one listed, or the same when it is the last). */
    public ReportingPeriod next(ReportingPeriod period) {
        if (kind == PeriodKind.CUSTOM) {
            int at = custom.indexOf(period);
            return at >= 0 && at + 1 < custom.size() ? custom.get(at + 1) : period;
        }
        PeriodId id = PeriodId.parse(period.id());
        return id.index() < kind.perYear() ? period(new PeriodId(id.year(), kind, id.index() + 1))
                : period(new PeriodId(id.year() + 1, kind, 1));
    }

    private static LocalDate dayOf(YearMonth month, int day) {
        return month.atDay(Math.min(day, month.lengthOfMonth()));
    }

    private static void checkDay(Integer day) {
        if (day != null && (day < 1 || day > 31)) {
            throw Problem.badRequest("PERIOD_DUE_DAY", "Ngày hạn báo cáo trong tháng phải từ 1 đến 31, không phải {0}.",
                    day);
        }
    }

    private static Problem notFound(String id) {
        return Problem.notFound("PERIOD_NOT_FOUND", "Kế hoạch không có kỳ báo cáo {0}.", id);
    }
}
