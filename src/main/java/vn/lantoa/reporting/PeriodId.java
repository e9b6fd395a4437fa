package vn.lantoa.reporting;

import java.time.YearMonth;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import vn.lantoa.shared.Problem;

/**
 * The id of a reporting period, read: {@code 2025-M03} (March), {@code 2025-Q1}, {@code 2025-H1}, {@code 2025} (the
 * year), {@code 2025-C2} (the second custom period of 2025).
 *
 * @param year  the year the period belongs to (Q1 2025 under the 09/2019 cut-off starts on 15/12/2024)
 * @param kind  its kind
 * @param index month 1–12, quarter 1–4, half 1–2, custom 1–99; 1 for a year
 */
public record PeriodId(int year, PeriodKind kind, int index) {

    private static final Pattern ID = Pattern.compile("(\\d{4})(?:-(?:M(\\d{2})|Q([1-4])|H([12])|C(\\d{1,2})))?");

    public PeriodId {
        int max = switch (kind) {
            case MONTH -> 12;
            case QUARTER -> 4;
            case HALF_YEAR -> 2;
            case YEAR -> 1;
            case CUSTOM -> 99;
        };
        if (index < 1 || index > max || year < 1900 || year > 9999) {
            throw invalid(year + "/" + kind + "/" + index);
        }
    }

    /** Reads an id, or 400 {@code PERIOD_INVALID}. */
    public static PeriodId parse(String text) {
        Matcher m = text == null ? null : ID.matcher(text.strip());
        if (m == null || !m.matches()) {
            throw invalid(text);
        }
        int year = Integer.parseInt(m.group(1));
        if (m.group(2) != null) {
            return new PeriodId(year, PeriodKind.MONTH, Integer.parseInt(m.group(2)));
        }
        if (m.group(3) != null) {
            return new PeriodId(year, PeriodKind.QUARTER, Integer.parseInt(m.group(3)));
        }
        if (m.group(4) != null) {
            return new PeriodId(year, PeriodKind.HALF_YEAR, Integer.parseInt(m.group(4)));
        }
        if (m.group(5) != null) {
            return new PeriodId(year, PeriodKind.CUSTOM, Integer.parseInt(m.group(5)));
        }
        return new PeriodId(year, PeriodKind.YEAR, 1);
    }

    /** The id as text: {@code 2025-Q1}. */
    @Override
    public String toString() {
        return switch (kind) {
            case MONTH -> year + "-M" + (index < 10 ? "0" : "") + index;
            case QUARTER -> year + "-Q" + index;
            case HALF_YEAR -> year + "-H" + index;
            case YEAR -> Integer.toString(year);
            case CUSTOM -> year + "-C" + index;
        };
    }

    /** The first nominal month of a calendar-based period (March for M03, January for Q1, July for H2). */
    YearMonth firstMonth() {
        return YearMonth.of(year, 1).plusMonths((long) (index - 1) * kind.months());
    }

    /** The last nominal month (March for Q1, December for the year). */
    YearMonth lastMonth() {
        return firstMonth().plusMonths(kind.months() - 1L);
    }

    static Problem invalid(String text) {
        return Problem.badRequest("PERIOD_INVALID",
                "Kỳ báo cáo \"{0}\" không hợp lệ: hãy dùng dạng 2025-M03, 2025-Q1, 2025-H1 hoặc 2025.", text);
    }
}
