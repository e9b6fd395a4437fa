package vn.lantoa.reporting;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Objects;

/**
 * Kỳ báo cáo: the days whose activities a report covers, and when it is due.
 *
 * @param id               stable id: {@code 2025-M03}, {@code 2025-Q1}, {@code 2025-H1}, {@code 2025}, {@code 2025-C1}
 * @param kind             month, quarter, half-year, year or custom
 * @param from             first day of the figures (inclusive)
 * @param to               last day of the figures (inclusive): the cut-off (ngày chốt số liệu)
 * @param due              the date the units' reports are due as written ("trước ngày 15/3" → 15/03), or null when
 *                         the plan gives none
 * @param consolidationDue the date the standing body's consolidated report is due as written (20/3), or null
 */
public record ReportingPeriod(String id, PeriodKind kind, LocalDate from, LocalDate to, LocalDate due,
        LocalDate consolidationDue) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final String[] ROMAN = {"I", "II", "III", "IV"};

    public ReportingPeriod {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("period " + id + " ends before it starts: " + from + " > " + to);
        }
    }

    /** Whether the figures of this day belong to the period. */
    public boolean contains(LocalDate day) {
        return !day.isBefore(from) && !day.isAfter(to);
    }

    /** The same period with other due dates. */
    public ReportingPeriod withDue(LocalDate unitDue, LocalDate consolidated) {
        return new ReportingPeriod(id, kind, from, to, unitDue, consolidated);
    }

    /** The name officials use: "Tháng 3/2025", "Quý I/2025", "6 tháng đầu năm 2025", "Năm 2025", "Kỳ 1/2025". */
    public String label() {
        PeriodId parsed = PeriodId.parse(id);
        return switch (kind) {
            case MONTH -> "Tháng " + parsed.index() + "/" + parsed.year();
            case QUARTER -> "Quý " + ROMAN[parsed.index() - 1] + "/" + parsed.year();
            case HALF_YEAR -> (parsed.index() == 1 ? "6 tháng đầu năm " : "6 tháng cuối năm ") + parsed.year();
            case YEAR -> "Năm " + parsed.year();
            case CUSTOM -> "Kỳ " + parsed.index() + "/" + parsed.year();
        };
    }

    /** The label with its days: "Quý I/2025 (15/12/2024 – 14/03/2025)". */
    public String labelWithDays() {
        return label() + " (" + DAY.format(from) + " – " + DAY.format(to) + ")";
    }
}
