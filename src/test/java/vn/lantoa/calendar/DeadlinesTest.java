package vn.lantoa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.lantoa.calendar.Deadlines.Reading;

class DeadlinesTest {

    static final Holidays TET_2025 = date -> Optional.ofNullable(Map.of(
            LocalDate.of(2025, 1, 28), "Tết Nguyên đán", LocalDate.of(2025, 1, 29), "Tết Nguyên đán",
            LocalDate.of(2025, 1, 30), "Tết Nguyên đán", LocalDate.of(2025, 1, 31), "Tết Nguyên đán",
            LocalDate.of(2025, 9, 1), "Quốc khánh", LocalDate.of(2025, 9, 2), "Quốc khánh").get(date));

    final Deadlines deadlines = new Deadlines(TET_2025);

    @Test
    void fifteenthOfMarch2025IsASaturday() {
        assertThat(Deadlines.dayOfWeekName(LocalDate.of(2025, 3, 15))).isEqualTo("Thứ Bảy");
    }

    @Test
    void aDeadlineOnASaturdayMovesToMonday() {
        Deadline due = deadlines.on(LocalDate.of(2025, 3, 15));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(due.rules()).singleElement().asString().contains("15/03/2025", "thứ bảy", "17/03/2025", "Điều 148");
    }

    @Test
    void beforeTheFifteenthIsReadStrictly() {
        // "trước ngày 15/3/2025": the last day is Friday 14/3, a working day, so it stays there.
        Deadline due = deadlines.before(LocalDate.of(2025, 3, 15), Reading.STRICT);
        assertThat(due.written()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 3, 14));
    }

    @Test
    void untilTheEndOfTheDayIsTheIssuersChoice() {
        // "đến hết ngày 15/3/2025": 15/3 is a Saturday, so the end moves to Monday 17/3.
        Deadline due = deadlines.before(LocalDate.of(2025, 3, 15), Reading.INCLUSIVE);
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void strictReadingThatLandsOnASundayMovesToMonday() {
        // "trước ngày 16/3/2025" → 15/3 (Saturday) → Monday 17/3.
        assertThat(deadlines.before(LocalDate.of(2025, 3, 16), Reading.STRICT).lastDay())
                .isEqualTo(LocalDate.of(2025, 3, 17));
    }

    @Test
    void oneDayBeforeAnOpeningOnTheFourteenthOfOctober() {
        Deadline due = deadlines.relativeTo(LocalDate.of(2025, 10, 14), -1);
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 10, 13));
    }

    @Test
    void aPeriodThatStartsWithAnEventStartsTheDayAfter() {
        Deadline start = deadlines.periodStartingWith(LocalDate.of(2025, 10, 16));
        assertThat(start.lastDay()).isEqualTo(LocalDate.of(2025, 10, 17));
        assertThat(start.rules()).singleElement().asString().contains("Điều 147");
    }

    @Test
    void publicHolidaysAreNotWorkingDays() {
        // 30/01/2025 is in Tết; the next working day is Monday 03/02/2025.
        Deadline due = deadlines.on(LocalDate.of(2025, 1, 30));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(due.rules()).singleElement().asString().contains("Tết Nguyên đán");
        // 01/09/2025 and 02/09/2025 (Quốc khánh) → 03/09/2025.
        assertThat(deadlines.on(LocalDate.of(2025, 9, 1)).lastDay()).isEqualTo(LocalDate.of(2025, 9, 3));
    }

    @Test
    void onTimeFlipsAtMidnightInVietnamWhateverTheServerZone() {
        Deadline due = deadlines.before(LocalDate.of(2025, 3, 15), Reading.STRICT); // last day 14/03/2025
        assertThat(due.isOnTime(Instant.parse("2025-03-14T16:59:59Z"))).isTrue(); // 23:59:59 +07
        assertThat(due.isOnTime(Instant.parse("2025-03-14T17:00:00Z"))).isFalse(); // 00:00:00 +07 on 15/3
        Deadline inclusive = deadlines.before(LocalDate.of(2025, 3, 14), Reading.INCLUSIVE); // Friday 14/3
        assertThat(inclusive.isOnTime(Instant.parse("2025-03-14T16:59:59Z"))).isTrue();
        assertThat(inclusive.isOnTime(Instant.parse("2025-03-14T17:00:00Z"))).isFalse();
    }

    @Test
    void leapDayIsHandled() {
        // 29/02/2028 is a Tuesday.
        assertThat(deadlines.on(LocalDate.of(2028, 2, 29)).lastDay()).isEqualTo(LocalDate.of(2028, 2, 29));
    }
}
