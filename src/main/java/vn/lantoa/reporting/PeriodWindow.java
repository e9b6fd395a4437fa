package vn.lantoa.reporting;

import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Thời gian chốt số liệu: which days of the calendar a period's figures cover.
 */
public enum PeriodWindow {

    /** Calendar months: Q1 2025 = 01/01/2025 – 31/03/2025. */
    CALENDAR,

    /**
     * Nghị định 09/2019/NĐ-CP, Điều 12: figures run from the 15th of the month before the period to the 14th of its
     * last month. Monthly: 15/02 – 14/03; Q1 2025 = 15/12/2024 – 14/03/2025; H1 ends 14/06; the year ends 14/12.
     */
    CUT_OFF_14;

    /** The first day of the period whose nominal months run from {@code first} to {@code last}. */
    public LocalDate from(YearMonth first) {
        return this == CALENDAR ? first.atDay(1) : first.minusMonths(1).atDay(15);
    }

    /** The last day (inclusive) of the period whose nominal months end with {@code last}. */
    public LocalDate to(YearMonth last) {
        return this == CALENDAR ? last.atEndOfMonth() : last.atDay(14);
    }
}
