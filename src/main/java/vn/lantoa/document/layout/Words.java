package vn.lantoa.document.layout;

import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

import vn.lantoa.document.FormatProfile;
import vn.lantoa.planformat.TimeRef;

/**
 * The words of an official document, from {@code i18n/document.properties} (always the Vietnamese base bundle: the
 * document's language does not follow the reader's), and the ways the documents write dates, numbers and times.
 */
public final class Words {

    private static final ResourceBundle BUNDLE = ResourceBundle.getBundle("i18n.document", Locale.ROOT,
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));

    private Words() {
    }

    public static String get(String key, Object... args) {
        return message("document.word." + key, args);
    }

    /** Any text of the module's bundle by its full key ({@code document.check.symbol}), in Vietnamese; null if none. */
    public static String message(String key, Object... args) {
        String pattern;
        try {
            pattern = BUNDLE.getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
        if (args.length == 0) {
            return pattern;
        }
        Object[] strings = new Object[args.length];
        for (int i = 0; i < args.length; i++) {
            strings[i] = String.valueOf(args[i]);
        }
        return new MessageFormat(pattern.replace("'", "''"), Locale.ROOT).format(strings);
    }

    /** "Kế hoạch" for KH; the abbreviation itself when unknown. */
    public static String kindName(String kind) {
        if (kind == null) {
            return "";
        }
        String name = get("kind." + kind);
        return name == null ? kind : name;
    }

    /**
     * The place and date line, "An Dương, ngày 01 tháng 8 năm 2025": the day padded below 10 and the months the
     * profile names (1 and 2) padded, as the profile says.
     */
    public static String dateLine(String place, LocalDate date, FormatProfile profile) {
        String where = place == null ? "" : place;
        if (date == null) {
            return get("date.blank", where);
        }
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        String d = profile.flag("date.padDayBelowTen") && day < 10 ? "0" + day : String.valueOf(day);
        boolean padMonth = false;
        for (String m : profile.text("date.padMonths").split(",")) {
            if (!m.isBlank() && Integer.parseInt(m.strip()) == month) {
                padMonth = true;
            }
        }
        String mo = padMonth && month < 10 ? "0" + month : String.valueOf(month);
        return get("date.line", where, d, mo, String.valueOf(date.getYear()));
    }

    /** A date in a sentence, as the documents write it: "07/7/2025", "23/12/2024", "15/01/2025". */
    public static String shortDate(LocalDate date) {
        int day = date.getDayOfMonth();
        int month = date.getMonthValue();
        return (day < 10 ? "0" : "") + day + "/" + (month <= 2 ? "0" : "") + month + "/" + date.getYear();
    }

    /** "tháng 12/2024", "năm 2026", "ngày 31/8/2025", "nay", "trước khai mạc Đại hội X". */
    public static String time(TimeRef t) {
        if (t instanceof TimeRef.Day d) {
            return get("time.day", shortDate(d.date()));
        }
        if (t instanceof TimeRef.Month m) {
            int month = m.month().getMonthValue();
            return get("time.month", (month < 10 ? "0" : "") + month + "/" + m.month().getYear());
        }
        if (t instanceof TimeRef.Year y) {
            return get("time.year", String.valueOf(y.year()));
        }
        if (t instanceof TimeRef.Issued) {
            return get("time.issued");
        }
        if (t instanceof TimeRef.Relative r) {
            String text = get("time." + r.edge().json() + "." + r.relation().json(), r.event());
            if (r.offsetDays() != null && r.offsetDays() != 0) {
                int n = Math.abs(r.offsetDays());
                text = get(r.offsetDays() < 0 ? "time.offset.before" : "time.offset.after",
                        (n < 10 ? "0" : "") + n, text);
            }
            return text;
        }
        return "";
    }

    /** A phase's time clause: "Từ nay đến ngày 31/8/2025", "Trong thời gian diễn ra Đại hội X". */
    public static String span(TimeRef start, TimeRef end) {
        if (start instanceof TimeRef.Relative s && end instanceof TimeRef.Relative e && s.event().equals(e.event())
                && s.relation() == TimeRef.Relation.AT && e.relation() == TimeRef.Relation.AT
                && s.edge() == TimeRef.Edge.START && e.edge() == TimeRef.Edge.END && s.offsetDays() == null
                && e.offsetDays() == null) {
            return get("time.during", s.event());
        }
        StringBuilder b = new StringBuilder();
        if (start != null) {
            b.append(get("time.from", time(start)));
        }
        if (end != null) {
            String to = end instanceof TimeRef.Month || end instanceof TimeRef.Year ? get("time.toEndOf", time(end))
                    : get("time.to", time(end));
            if (b.length() == 0) {
                to = Character.toUpperCase(to.charAt(0)) + to.substring(1);
            } else {
                b.append(' ');
            }
            b.append(to);
        }
        return b.toString();
    }
}
