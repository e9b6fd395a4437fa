package vn.lantoa.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.shared.Problem;

@SpringBootTest
class HolidayCalendarTest {

    @Autowired
    HolidayCalendar holidays;

    @Test
    void tetTwentyTwentyFiveIsNotWorkingAndMovesADeadline() {
        assertThat(holidays.isWorkingDay(LocalDate.of(2025, 1, 29))).isFalse();
        assertThat(holidays.holidayOn(LocalDate.of(2025, 1, 29))).contains("Tết Nguyên đán");
        Deadline due = new Deadlines(holidays).on(LocalDate.of(2025, 1, 31));
        assertThat(due.lastDay()).isEqualTo(LocalDate.of(2025, 2, 3));
    }

    @Test
    void theAdministratorAddsAndRemovesADayOff() {
        LocalDate day = LocalDate.of(2031, 6, 11); // a Wednesday, far from the seeded years
        assertThat(holidays.isWorkingDay(day)).isTrue();
        holidays.put(day, "Nghỉ bù thử nghiệm");
        try {
            assertThat(holidays.isWorkingDay(day)).isFalse();
            assertThat(holidays.inYear(2031)).extracting(HolidayCalendar.Holiday::name).contains("Nghỉ bù thử nghiệm");
        } finally {
            holidays.remove(day);
        }
        assertThat(holidays.isWorkingDay(day)).isTrue();
        assertThatThrownBy(() -> holidays.remove(day)).isInstanceOf(Problem.class)
                .extracting(p -> ((Problem) p).code()).isEqualTo("HOLIDAY_NOT_FOUND");
        assertThatThrownBy(() -> holidays.put(day, "  ")).isInstanceOf(Problem.class);
    }
}
