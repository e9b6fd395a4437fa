package vn.lantoa.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

/** RFC 5545: text escaping (§3.3.11), folding at 75 octets without cutting a UTF-8 character (§3.1), all-day dates. */
class ICalendarTest {

    @Test
    void longVietnameseLinesAreFoldedAt75OctetsAndUnfoldBackToTheText() {
        String title = "Đợt 3: Tuyên truyền sau khi bế mạc Đại hội đại biểu Đảng bộ thành phố lần thứ XIV, nhiệm kỳ "
                + "2025 – 2030; kết quả";
        CalendarEntry e = new CalendarEntry("plan-1-phases-2@lantoa", CalendarEntry.Kind.PHASE,
                LocalDate.of(2025, 10, 17), LocalDate.of(2025, 12, 31), title, "354-KH/TU", 1L,
                List.of("Ngày bế mạc: 16/10/2025."), false);
        String ics = ICalendar.write(List.of(e), "Thành ủy", Instant.parse("2025-10-01T00:00:00Z"));
        for (String line : ics.split("\r\n")) {
            assertThat(line.getBytes(StandardCharsets.UTF_8).length).as(line).isLessThanOrEqualTo(75);
        }
        String unfolded = ics.replace("\r\n ", "");
        assertThat(unfolded).contains("SUMMARY:" + title.replace(",", "\\,").replace(";", "\\;") + "\r\n")
                .contains("DTSTART;VALUE=DATE:20251017\r\n").contains("DTEND;VALUE=DATE:20260101\r\n")
                .contains("DESCRIPTION:Kế hoạch 354-KH/TU\\nNgày bế mạc: 16/10/2025.\r\n")
                .contains("DTSTAMP:20251001T000000Z\r\n").contains("UID:plan-1-phases-2@lantoa\r\n");
        assertThat(ics).doesNotContain("\n\n").doesNotContain("\uFFFD");
    }

    @Test
    void anEntryWithoutADateIsLeftOut() {
        CalendarEntry waiting = new CalendarEntry("u@lantoa", CalendarEntry.Kind.TASK_DUE, null, null, "Treo cờ", "1",
                1L, List.of("Chưa xác định"), false);
        assertThat(ICalendar.write(List.of(waiting), "X", Instant.EPOCH)).doesNotContain("BEGIN:VEVENT");
    }
}
