package vn.lantoa.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.lantoa.calendar.Anniversary;

/** Reading events' names, and matching a plan's names to records: folded, by ordinal, level and body. */
class EventNamesTest {

    static EventRecord congress(long id, Long owner, String name, CongressLevel level, Integer ordinal) {
        return new EventRecord(id, owner, name, EventKind.CONGRESS, level, ordinal, null, null, null, 0, null);
    }

    static final EventRecord FOUNDING = new EventRecord(1, null, "Ngày thành lập Đảng Cộng sản Việt Nam",
            EventKind.ANNIVERSARY, null, null, null, null, LocalDate.of(1930, 2, 3), 0, null);
    static final EventRecord NATIONAL_DAY = new EventRecord(2, null,
            "Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam", EventKind.ANNIVERSARY, null, null, null, null,
            LocalDate.of(1945, 9, 2), 0, null);

    @Test
    void readsOrdinalsLevelsAndBodies() {
        assertThat(EventNames.ordinal("Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")).isEqualTo(14);
        assertThat(EventNames.ordinal("Đại hội Đảng bộ tỉnh lần thứ 15, nhiệm kỳ 2025 - 2030")).isEqualTo(15);
        assertThat(EventNames.ordinal("Đại hội XIV của Đảng")).isEqualTo(14);
        assertThat(EventNames.ordinal("Đại hội Đảng bộ thành phố, nhiệm kỳ 2025 - 2030")).isNull();
        assertThat(EventNames.level("Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")).isEqualTo(CongressLevel.NATIONAL);
        assertThat(EventNames.level("Đại hội Đảng bộ tỉnh lần thứ XV")).isEqualTo(CongressLevel.PROVINCE);
        assertThat(EventNames.level("Đại hội Đảng bộ Khối cơ quan và doanh nghiệp tỉnh")).isEqualTo(CongressLevel.BLOCK);
        assertThat(EventNames.level("Đại hội Đảng bộ thành phố Phan Rang - Tháp Chàm")).isEqualTo(CongressLevel.CITY);
        assertThat(EventNames.level("Đại hội Đảng bộ phường An Dương")).isEqualTo(CongressLevel.COMMUNE);
        assertThat(EventNames.level("Đại hội chi bộ cơ sở")).isEqualTo(CongressLevel.GRASSROOTS);
        assertThat(EventNames.level("Đại hội các tổ chức chính trị - xã hội thành phố")).isEqualTo(CongressLevel.CITY);
        assertThat(EventNames.body("Đại hội Đoàn Thanh niên thành phố")).isEqualTo("doan");
        assertThat(EventNames.body("ĐẠI HỘI ĐẢNG BỘ THÀNH PHỐ")).isEqualTo("dang");
        assertThat(EventNames.years("Kỷ niệm 95 năm Ngày thành lập Đảng")).isEqualTo(95);
    }

    @Test
    void theNearestOwnersCongressOfTheSameLevelWins() {
        // path of the issuer: 10 (province) > 20 (city) > 30 (ward)
        EventRecord province = congress(100, 10L, "Đại hội đại biểu Đảng bộ tỉnh lần thứ XV", CongressLevel.PROVINCE, 15);
        EventRecord city = congress(101, 20L, "Đại hội đại biểu Đảng bộ thành phố lần thứ XIV, nhiệm kỳ 2025 – 2030",
                CongressLevel.CITY, 14);
        EventRecord youth = congress(102, 20L, "Đại hội Đoàn Thanh niên thành phố lần thứ XI", CongressLevel.CITY, 11);
        EventRecord elsewhere = congress(103, 99L, "Đại hội Đảng bộ thành phố lần thứ XIV", CongressLevel.CITY, 14);
        EventMatcher matcher = new EventMatcher(List.of(province, city, youth, elsewhere, FOUNDING), List.of(10L, 20L, 30L));
        assertThat(matcher.match("Đại hội Đảng bộ thành phố")).isEqualTo(city);
        assertThat(matcher.match("ĐẠI HỘI ĐẠI BIỂU ĐẢNG BỘ THÀNH PHỐ LẦN THỨ XIV")).isEqualTo(city);
        assertThat(matcher.match("Dai hoi dai bieu Dang bo thanh pho lan thu XIV nhiem ky 2025-2030")).isEqualTo(city);
        assertThat(matcher.match("Đại hội Đảng bộ thành phố lần thứ XIII")).isNull();
        assertThat(matcher.match("Đại hội Đảng bộ tỉnh lần thứ XV")).isEqualTo(province);
        assertThat(matcher.match("Đại hội Đoàn TNCS Hồ Chí Minh thành phố")).isEqualTo(youth);
        assertThat(matcher.match("Đại hội đại biểu toàn quốc lần thứ XIV của Đảng")).isNull();
    }

    @Test
    void twoRecordsThatFitEquallyMatchNothing() {
        EventRecord a = congress(100, 20L, "Đại hội Đảng bộ thành phố (đợt 1)", CongressLevel.CITY, null);
        EventRecord b = congress(101, 20L, "Đại hội Đảng bộ thành phố (đợt 2)", CongressLevel.CITY, null);
        assertThat(new EventMatcher(List.of(a, b), List.of(10L, 20L)).match("Đại hội Đảng bộ thành phố")).isNull();
    }

    @Test
    void anniversariesMatchByNameOrBaseDateAndCountTheirYear() {
        EventMatcher matcher = new EventMatcher(List.of(FOUNDING, NATIONAL_DAY), List.of(10L));
        assertThat(matcher.match("Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"))
                .isEqualTo(FOUNDING);
        assertThat(matcher.match("95 năm Ngày thành lập Đảng (3/2/1930 - 3/2/2025)")).isEqualTo(FOUNDING);
        assertThat(matcher.match("Kỷ niệm 80 năm Quốc khánh nước Cộng hòa xã hội chủ nghĩa Việt Nam"))
                .isEqualTo(NATIONAL_DAY);
        EventDates dates = matcher.dates("Kỷ niệm 95 năm Ngày thành lập Đảng Cộng sản Việt Nam", null, null, null);
        assertThat(dates.start()).isEqualTo(LocalDate.of(2025, 2, 3));
        assertThat(dates.caption())
                .isEqualTo("95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)");
        Anniversary a = FOUNDING.anniversary();
        assertThat(EventMatcher.anniversaryYear("Ngày thành lập Đảng", a, LocalDate.of(2025, 3, 1))).isEqualTo(2026);
        assertThat(EventMatcher.anniversaryYear("Ngày thành lập Đảng", a, LocalDate.of(2025, 1, 10))).isEqualTo(2025);
    }

    @Test
    void anUnrecordedEventKeepsTheDatesThePlanWrites() {
        EventMatcher matcher = new EventMatcher(List.of(), List.of(10L));
        EventDates dates = matcher.dates("Hội nghị tổng kết", LocalDate.of(2025, 12, 1), null, null);
        assertThat(dates.eventId()).isNull();
        assertThat(dates.start()).isEqualTo(LocalDate.of(2025, 12, 1));
    }
}
