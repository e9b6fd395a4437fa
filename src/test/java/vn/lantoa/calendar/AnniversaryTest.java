package vn.lantoa.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class AnniversaryTest {

    @Test
    void ninetyFiveYearsOfTheParty() {
        Anniversary party = new Anniversary("Ngày thành lập Đảng", LocalDate.of(1930, 2, 3));
        assertThat(party.yearsIn(2025)).isEqualTo(95);
        assertThat(party.isRoundIn(2025)).isTrue();
        assertThat(party.isRoundIn(2026)).isFalse();
        assertThat(party.caption(2025)).isEqualTo("95 năm Ngày thành lập Đảng (03/02/1930 – 03/02/2025)");
    }

    @Test
    void eightiethNationalDay() {
        Anniversary nationalDay = new Anniversary("Ngày Quốc khánh", LocalDate.of(1945, 9, 2));
        assertThat(nationalDay.in(2025)).isEqualTo(LocalDate.of(2025, 9, 2));
        assertThat(nationalDay.yearsIn(2025)).isEqualTo(80);
    }
}
