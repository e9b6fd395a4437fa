package vn.lantoa.importing.structure;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Vietnamese dates as documents write them: "31/8/2025", "ngày 01 tháng 8 năm 2025", "tháng 12/2024", "tháng 05 năm
 * 2025", "năm 2026", "15/3" (the year from the context). Patterns run on folded text.
 */
public final class Dates {

    static final Pattern DMY = Pattern.compile(
            "(?<![\\d/.])(\\d{1,2})\\s{0,2}[/.\\-]\\s{0,2}(\\d{1,2})\\s{0,2}[/.\\-]\\s{0,2}(\\d{4})(?!\\d)");
    static final Pattern DMY_WORDS = Pattern.compile(
            "ngay\\s{0,8}(\\d{1,2})?\\s{0,8}thang\\s{0,8}(\\d{1,2})?\\s{0,8}nam\\s{0,8}(\\d{4})(?!\\d)");
    static final Pattern MONTH = Pattern.compile(
            "thang\\s{0,3}(\\d{1,2})\\s{0,2}(?:/|-|\\s{1,3}nam\\s{1,3})\\s{0,2}(\\d{4})(?!\\d)");
    static final Pattern YEAR = Pattern.compile("nam\\s{1,3}(\\d{4})(?![\\d/])");
    /** Day and month without a year: "15/3", "15/6/" (a stray slash), "10/01". */
    static final Pattern DM = Pattern.compile("(?<![\\d/.])(\\d{1,2})\\s{0,2}/\\s{0,2}(\\d{1,2})(?!\\s{0,2}/?\\s{0,2}\\d)/?");
    private static final Pattern STARTS_WITH_DATE = Pattern.compile("^\\d{1,2}\\s{0,2}[/.\\-]\\s{0,2}\\d{1,2}\\b");

    private Dates() {
    }

    /** A valid date, or null. */
    public static LocalDate date(int day, int month, int year) {
        try {
            return LocalDate.of(year, month, day);
        } catch (DateTimeException e) {
            return null;
        }
    }

    public static YearMonth month(int month, int year) {
        try {
            return YearMonth.of(year, month);
        } catch (DateTimeException e) {
            return null;
        }
    }

    static boolean startsWithDate(String text) {
        return STARTS_WITH_DATE.matcher(text).find();
    }

    /** A date found in a folded text. */
    public record Found(LocalDate date, int start, int end) {
    }

    /** The first full date (either form) in a folded text at or after {@code from}, or null. */
    public static Found firstDate(String folded, int from) {
        Found best = null;
        Matcher m = DMY.matcher(folded);
        if (m.find(from)) {
            LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            if (d != null) {
                best = new Found(d, m.start(), m.end());
            }
        }
        Matcher w = DMY_WORDS.matcher(folded);
        if (w.find(from) && w.group(1) != null && w.group(2) != null && (best == null || w.start() < best.start())) {
            LocalDate d = date(Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)),
                    Integer.parseInt(w.group(3)));
            if (d != null) {
                best = new Found(d, w.start(), w.end());
            }
        }
        return best;
    }

    /** The date that starts right at {@code at} (after spaces and "ngày"), or null. */
    public static Found dateAt(String folded, int at) {
        int i = skipSpaces(folded, at);
        Matcher w = DMY_WORDS.matcher(folded);
        w.region(i, folded.length());
        if (w.lookingAt() && w.group(1) != null && w.group(2) != null) {
            LocalDate d = date(Integer.parseInt(w.group(1)), Integer.parseInt(w.group(2)),
                    Integer.parseInt(w.group(3)));
            return d == null ? null : new Found(d, w.start(), w.end());
        }
        if (folded.startsWith("ngay", i)) {
            i = skipSpaces(folded, i + 4);
        }
        Matcher m = DMY.matcher(folded);
        m.region(i, folded.length());
        if (m.lookingAt()) {
            LocalDate d = date(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    Integer.parseInt(m.group(3)));
            return d == null ? null : new Found(d, m.start(), m.end());
        }
        return null;
    }

    /** Days and months without a year in a folded text, from {@code from} to {@code to}. */
    public static List<int[]> dayMonths(String folded, int from, int to) {
        List<int[]> out = new ArrayList<>();
        Matcher m = DM.matcher(folded);
        m.region(from, to);
        while (m.find()) {
            int day = Integer.parseInt(m.group(1));
            int month = Integer.parseInt(m.group(2));
            if (day >= 1 && day <= 31 && month >= 1 && month <= 12) {
                out.add(new int[] {day, month, m.start(), m.end()});
            }
        }
        return out;
    }

    /** The first "năm YYYY" in a folded text, or 0. */
    public static int yearIn(String folded) {
        int at = folded.indexOf("nam ");
        while (at >= 0) {
            if (at == 0 || !Character.isLetterOrDigit(folded.charAt(at - 1))) {
                Matcher m = YEAR.matcher(folded);
                m.region(at, Math.min(folded.length(), at + 12));
                if (m.lookingAt()) {
                    return Integer.parseInt(m.group(1));
                }
            }
            at = folded.indexOf("nam ", at + 4);
        }
        return 0;
    }

    static int skipSpaces(String s, int i) {
        while (i < s.length() && s.charAt(i) == ' ') {
            i++;
        }
        return i;
    }
}
