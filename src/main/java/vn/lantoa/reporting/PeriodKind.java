package vn.lantoa.reporting;

/**
 * Loại kỳ báo cáo: how long a reporting period is. The period id carries it: {@code 2025-M03}, {@code 2025-Q1},
 * {@code 2025-H1}, {@code 2025}, and {@code 2025-C1} for the first custom period of 2025.
 */
public enum PeriodKind {
    /** Tháng. */
    MONTH(1),
    /** Quý. */
    QUARTER(3),
    /** Sáu tháng. */
    HALF_YEAR(6),
    /** Năm. */
    YEAR(12),
    /** Kỳ do kế hoạch tự định (ngày cụ thể). */
    CUSTOM(0);

    private final int months;

    PeriodKind(int months) {
        this.months = months;
    }

    /** How many calendar months a period of this kind spans; 0 for custom periods. */
    public int months() {
        return months;
    }

    /** How many periods of this kind a year has; 0 for custom periods. */
    public int perYear() {
        return months == 0 ? 0 : 12 / months;
    }
}
