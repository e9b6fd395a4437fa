package vn.lantoa.schedule;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * Writes calendar entries as an iCalendar object (RFC 5545): all-day VEVENTs (DTEND is the day after the last, §3.6.1),
 * text escaped (§3.3.11), lines folded at 75 octets without splitting a UTF-8 character (§3.1), CRLF line ends.
 */
final class ICalendar {

    private static final DateTimeFormatter DATE = DateTimeFormatter.BASIC_ISO_DATE;
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private ICalendar() {
    }

    static String write(List<CalendarEntry> entries, String calendarName, Instant now) {
        StringBuilder out = new StringBuilder();
        line(out, "BEGIN:VCALENDAR");
        line(out, "VERSION:2.0");
        line(out, "PRODID:-//Lan Toa//Lich ke hoach//VI");
        line(out, "CALSCALE:GREGORIAN");
        line(out, "METHOD:PUBLISH");
        line(out, "X-WR-CALNAME:" + text(calendarName));
        line(out, "X-WR-TIMEZONE:Asia/Ho_Chi_Minh");
        for (CalendarEntry e : entries) {
            if (!e.known()) {
                continue;
            }
            line(out, "BEGIN:VEVENT");
            line(out, "UID:" + text(e.uid()));
            line(out, "DTSTAMP:" + STAMP.format(now));
            line(out, "DTSTART;VALUE=DATE:" + DATE.format(e.start()));
            line(out, "DTEND;VALUE=DATE:" + DATE.format(e.end().plusDays(1)));
            line(out, "SUMMARY:" + text(prefix(e.kind()) + e.title()));
            StringBuilder description = new StringBuilder();
            if (e.plan() != null) {
                description.append("Kế hoạch ").append(e.plan());
            }
            for (String rule : e.rules()) {
                description.append(description.isEmpty() ? "" : "\n").append(rule);
            }
            if (!description.isEmpty()) {
                line(out, "DESCRIPTION:" + text(description.toString()));
            }
            line(out, "CATEGORIES:" + e.kind().name());
            line(out, "TRANSP:TRANSPARENT");
            line(out, "END:VEVENT");
        }
        line(out, "END:VCALENDAR");
        return out.toString();
    }

    private static String prefix(CalendarEntry.Kind kind) {
        return switch (kind) {
            case TASK_DUE -> "Hạn: ";
            case REPORT_DUE -> "Hạn báo cáo: ";
            case ANNIVERSARY -> "Kỷ niệm ";
            default -> "";
        };
    }

    /** TEXT escaping (§3.3.11): backslash, semicolon, comma, newline. */
    static String text(String s) {
        return s.replace("\\", "\\\\").replace(";", "\\;").replace(",", "\\,").replace("\r\n", "\\n")
                .replace("\n", "\\n").replace("\r", "");
    }

    /** Appends a content line folded at 75 octets (§3.1), never inside a UTF-8 sequence. */
    static void line(StringBuilder out, String content) {
        int octets = 0;
        int limit = 75;
        for (int i = 0; i < content.length(); ) {
            int cp = content.codePointAt(i);
            int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
            if (octets + size > limit) {
                out.append("\r\n ");
                octets = 1;
            }
            out.appendCodePoint(cp);
            octets += size;
            i += Character.charCount(cp);
        }
        out.append("\r\n");
    }
}
