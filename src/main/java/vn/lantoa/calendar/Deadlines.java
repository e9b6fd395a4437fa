package vn.lantoa.calendar;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The legal arithmetic of time limits (Bộ luật Dân sự 2015, Chương X "Thời hạn"), with the rule of each step written
 * down for the person who reads the date.
 */
public final class Deadlines {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Holidays holidays;

    public Deadlines(Holidays holidays) {
        this.holidays = holidays;
    }

    /** How a "trước ngày X" deadline is read. */
    public enum Reading {
        /** "trước ngày 15/3": by the end of 14/3 (the default, RELIABILITY.md "decisions already taken"). */
        STRICT,
        /** "đến hết ngày 15/3": by the end of 15/3 (a plan's issuer may choose this reading for the plan). */
        INCLUSIVE
    }

    /**
     * A deadline written "trước ngày {@code written}" (or "chậm nhất ngày", "đến ngày"): read by {@code reading}, then
     * moved off a weekend or public holiday (Điều 148).
     */
    public Deadline before(LocalDate written, Reading reading) {
        List<String> rules = new ArrayList<>();
        LocalDate last = written;
        if (reading == Reading.STRICT) {
            last = written.minusDays(1);
            rules.add("\"Trước ngày " + DAY.format(written) + "\": hạn cuối là hết ngày " + DAY.format(last) + ".");
        } else {
            rules.add("\"Đến hết ngày " + DAY.format(written) + "\": hạn cuối là hết ngày " + DAY.format(last) + ".");
        }
        return new Deadline(written, moveOffDaysOff(last, rules), rules);
    }

    /** A deadline on a given day ("ngày 15/3", "chậm nhất ngày 15/3"): the day itself, moved off days off (Điều 148). */
    public Deadline on(LocalDate day) {
        List<String> rules = new ArrayList<>();
        return new Deadline(day, moveOffDaysOff(day, rules), rules);
    }

    /**
     * The first day of a period that starts with an event ("sau khi bế mạc Đại hội", "kể từ ngày khai mạc"): the day
     * after the event's day (Điều 147 khoản 1: "thời điểm bắt đầu thời hạn … ngày đầu tiên của thời hạn là ngày tiếp
     * theo liền kề ngày xảy ra sự kiện đó").
     */
    public Deadline periodStartingWith(LocalDate eventDay) {
        LocalDate start = eventDay.plusDays(1);
        return new Deadline(eventDay, start, List.of("Thời hạn bắt đầu từ ngày tiếp theo liền kề ngày "
                + DAY.format(eventDay) + " (Điều 147 Bộ luật Dân sự 2015)."));
    }

    /**
     * A day counted from an event ("trước phiên khai mạc 01 ngày" is {@code offsetDays = -1}): the event's day plus the
     * offset, moved off days off when the result is a deadline (Điều 148). With an opening on 14/10/2025, -1 gives
     * 13/10/2025 (a Monday).
     */
    public Deadline relativeTo(LocalDate eventDay, int offsetDays) {
        List<String> rules = new ArrayList<>();
        LocalDate day = eventDay.plusDays(offsetDays);
        if (offsetDays != 0) {
            rules.add((offsetDays < 0 ? "Trước " : "Sau ") + String.format(Locale.ROOT, "%02d", Math.abs(offsetDays))
                    + " ngày so với ngày " + DAY.format(eventDay) + ": ngày " + DAY.format(day) + ".");
        }
        return new Deadline(day, moveOffDaysOff(day, rules), rules);
    }

    /**
     * Điều 148 khoản 5: when the last day of a time limit is a weekend day or a public holiday, the time limit ends at
     * the end of the next working day.
     */
    LocalDate moveOffDaysOff(LocalDate last, List<String> rules) {
        LocalDate day = last;
        while (!holidays.isWorkingDay(day)) {
            day = day.plusDays(1);
        }
        if (!day.equals(last)) {
            String why = holidays.holidayOn(last).map(h -> "ngày nghỉ lễ " + h)
                    .orElse(dayOfWeekName(last).toLowerCase(Locale.forLanguageTag("vi")));
            rules.add("Ngày " + DAY.format(last) + " là " + why + ": chuyển sang ngày làm việc tiếp theo "
                    + DAY.format(day) + " (Điều 148 Bộ luật Dân sự 2015).");
        }
        return day;
    }

    static String dayOfWeekName(LocalDate date) {
        return switch (date.getDayOfWeek()) {
            case MONDAY -> "Thứ Hai";
            case TUESDAY -> "Thứ Ba";
            case WEDNESDAY -> "Thứ Tư";
            case THURSDAY -> "Thứ Năm";
            case FRIDAY -> "Thứ Sáu";
            case SATURDAY -> "Thứ Bảy";
            case SUNDAY -> "Chủ nhật";
        };
    }
}
