package vn.lantoa.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;

/**
 * Ngày kỷ niệm: a day remembered every year from its base date (03/02/1930 for the founding of the Party, 02/09/1945
 * for National Day). The "95 năm" of a plan is computed, never typed.
 *
 * @param name     "Ngày thành lập Đảng Cộng sản Việt Nam"
 * @param baseDate the day it remembers
 */
public record Anniversary(String name, LocalDate baseDate) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The day of the anniversary in a year (29/02 falls on 28/02 in a common year). */
    public LocalDate in(int year) {
        return baseDate.withYear(year);
    }

    /** How many years it counts in a year: 95 in 2025 for 03/02/1930. */
    public int yearsIn(int year) {
        return year - baseDate.getYear();
    }

    /** Whether the year is a round one (every 5 years), the years that campaigns celebrate. */
    public boolean isRoundIn(int year) {
        int years = yearsIn(year);
        return years > 0 && years % 5 == 0;
    }

    /** The caption a plan writes: "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)". */
    public String caption(int year) {
        return yearsIn(year) + " năm " + name + " (" + DAY.format(baseDate) + " – " + DAY.format(in(year)) + ")";
    }
}
