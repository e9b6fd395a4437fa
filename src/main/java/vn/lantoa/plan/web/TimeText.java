package vn.lantoa.plan.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.springframework.context.MessageSource;

import vn.lantoa.planformat.TimeRef;

/**
 * A plan's time as a reader says it: "15/01/2025", "tháng 03/2025", "năm 2026", "sau khi bế mạc Đại hội X". Public
 * because the templates' expressions call it.
 */
public final class TimeText {

    static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MM/yyyy");

    private final MessageSource messages;
    private final Locale locale;

    TimeText(MessageSource messages, Locale locale) {
        this.messages = messages;
        this.locale = locale;
    }

    public String date(LocalDate date) {
        return date == null ? "" : date.format(DATE);
    }

    /** A moment as the official reads it: dd/MM/yyyy HH:mm in Asia/Ho_Chi_Minh. */
    public String instant(java.time.Instant at) {
        return at == null ? "" : java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")
                .withZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).format(at);
    }

    public String of(TimeRef t) {
        if (t == null) {
            return "";
        }
        if (t instanceof TimeRef.Day d) {
            return d.date().format(DATE);
        }
        if (t instanceof TimeRef.Month m) {
            return message("plan.time.month", m.month().format(MONTH));
        }
        if (t instanceof TimeRef.Year y) {
            return message("plan.time.year", String.valueOf(y.year()));
        }
        if (t instanceof TimeRef.Issued) {
            return message("plan.time.issued");
        }
        TimeRef.Relative r = (TimeRef.Relative) t;
        String text = message("plan.time." + r.relation().json() + "." + r.edge().json(), r.event());
        if (r.offsetDays() != null && r.offsetDays() != 0) {
            text = message(r.offsetDays() < 0 ? "plan.time.offset.before" : "plan.time.offset.after",
                    String.valueOf(Math.abs(r.offsetDays())), text);
        }
        return text;
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
