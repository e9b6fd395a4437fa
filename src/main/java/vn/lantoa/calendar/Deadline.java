package vn.lantoa.calendar;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * Hạn: the last day on which something is on time, with the rules that led to it, in the words shown next to the
 * date ("Hạn 17/03/2025 — ngày 15/03/2025 là thứ Bảy, chuyển sang ngày làm việc tiếp theo (Điều 148 BLDS 2015)").
 *
 * @param written the date as the document wrote it ("trước ngày 15/3" → 15/3)
 * @param lastDay the last day that is still on time, after every rule
 * @param rules   the rules applied, in order, in Vietnamese
 */
public record Deadline(LocalDate written, LocalDate lastDay, List<String> rules) {

    /** Giờ Việt Nam: deadlines are days in this zone, whatever the server's zone. */
    public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    public Deadline {
        rules = List.copyOf(rules);
    }

    /** The first instant that is late: midnight in Vietnam at the start of the day after {@link #lastDay}. */
    public Instant lateFrom() {
        return lastDay.plusDays(1).atStartOfDay(VIETNAM).toInstant();
    }

    /**
     * Whether something done at {@code at} is on time. The single place where on-time or late is decided, so that the
     * boundary is the same everywhere: on time up to and including 23:59:59.999… of the last day in Vietnam.
     */
    public boolean isOnTime(Instant at) {
        return at.isBefore(lateFrom());
    }
}
