package vn.lantoa.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.lantoa.calendar.Deadline;
import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.Holidays;
import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.TimeRef;
import vn.lantoa.shared.Problem;

/** Reporting periods: ids, the 09/2019 cut-offs, the Party's fixed dates, custom periods, recognition, states. */
class ReportingPeriodsTest {

    private static LocalDate d(String iso) {
        return LocalDate.parse(iso);
    }

    @ParameterizedTest(name = "{0}: {1} – {2}")
    @CsvSource({
            "2025-Q1, 2024-12-15, 2025-03-14",
            "2025-Q2, 2025-03-15, 2025-06-14",
            "2025-Q3, 2025-06-15, 2025-09-14",
            "2025-Q4, 2025-09-15, 2025-12-14",
            "2025-M01, 2024-12-15, 2025-01-14",
            "2025-M03, 2025-02-15, 2025-03-14",
            "2025-M12, 2025-11-15, 2025-12-14",
            "2025-H1, 2024-12-15, 2025-06-14",
            "2025-H2, 2025-06-15, 2025-12-14",
            "2025, 2024-12-15, 2025-12-14"})
    void decree09CutOffs(String id, String from, String to) {
        PeriodKind kind = PeriodId.parse(id).kind();
        ReportingPeriod p = PeriodScheme.decree09(kind).period(id);
        assertThat(p.from()).isEqualTo(d(from));
        assertThat(p.to()).isEqualTo(d(to));
        assertThat(p.due()).isNull();
        assertThat(p.id()).isEqualTo(id);
    }

    @ParameterizedTest(name = "{0}: {1} – {2}")
    @CsvSource({
            "2025-Q1, 2025-01-01, 2025-03-31",
            "2024-M02, 2024-02-01, 2024-02-29",
            "2025-H2, 2025-07-01, 2025-12-31",
            "2025, 2025-01-01, 2025-12-31"})
    void calendarPeriods(String id, String from, String to) {
        ReportingPeriod p = PeriodScheme.calendar(PeriodId.parse(id).kind()).period(id);
        assertThat(p.from()).isEqualTo(d(from));
        assertThat(p.to()).isEqualTo(d(to));
    }

    @Test
    void partyFixedDatesDueOnThe15thAndConsolidatedOnThe20th() {
        PeriodScheme party = PeriodScheme.partyFixedDates();
        List<ReportingPeriod> year = party.between(d("2025-01-01"), d("2025-12-14"));
        assertThat(year).extracting(ReportingPeriod::id).containsExactly("2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4");
        assertThat(year).extracting(ReportingPeriod::due)
                .containsExactly(d("2025-03-15"), d("2025-06-15"), d("2025-09-15"), d("2025-12-15"));
        assertThat(year).extracting(ReportingPeriod::consolidationDue)
                .containsExactly(d("2025-03-20"), d("2025-06-20"), d("2025-09-20"), d("2025-12-20"));
        assertThat(year.get(0).from()).isEqualTo(d("2024-12-15"));
        assertThat(year.get(0).to()).isEqualTo(d("2025-03-14"));
        // consecutive: no day belongs to two periods, none falls between
        for (int i = 1; i < year.size(); i++) {
            assertThat(year.get(i).from()).isEqualTo(year.get(i - 1).to().plusDays(1));
        }
    }

    @Test
    void fixedDatesOnAnotherDayMoveTheCutOff() {
        ReportingPeriod q2 = PeriodScheme.partyFixedDates(PeriodKind.QUARTER, 10, null).period("2025-Q2");
        assertThat(q2.from()).isEqualTo(d("2025-03-10"));
        assertThat(q2.to()).isEqualTo(d("2025-06-09"));
        assertThat(q2.due()).isEqualTo(d("2025-06-10"));
        assertThat(q2.consolidationDue()).isNull();
        // a day past the month's end is its last day
        assertThat(PeriodScheme.decree09(PeriodKind.MONTH).withDueDays(31, null).period("2025-M02").due())
                .isEqualTo(d("2025-02-28"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "2024-12-14, 2024-Q4",
            "2024-12-15, 2025-Q1",
            "2025-01-01, 2025-Q1",
            "2025-03-14, 2025-Q1",
            "2025-03-15, 2025-Q2",
            "2025-12-14, 2025-Q4",
            "2025-12-31, 2026-Q1"})
    void theQuarterOfADay(String day, String id) {
        assertThat(PeriodScheme.decree09(PeriodKind.QUARTER).containing(d(day))).get()
                .extracting(ReportingPeriod::id).isEqualTo(id);
    }

    @Test
    void everyDayOfFourYearsBelongsToExactlyOnePeriodOfEachKind() {
        for (PeriodKind kind : List.of(PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.HALF_YEAR, PeriodKind.YEAR)) {
            for (PeriodScheme scheme : List.of(PeriodScheme.decree09(kind), PeriodScheme.calendar(kind))) {
                List<ReportingPeriod> periods = scheme.between(d("2024-01-01"), d("2027-12-31"));
                for (LocalDate day = d("2024-01-01"); day.isBefore(d("2028-01-01")); day = day.plusDays(1)) {
                    LocalDate at = day;
                    assertThat(periods.stream().filter(p -> p.contains(at)).count()).as(kind + " " + day)
                            .isEqualTo(1);
                    assertThat(scheme.containing(day).orElseThrow().contains(day)).isTrue();
                }
            }
        }
    }

    @Test
    void labels() {
        assertThat(PeriodScheme.decree09(PeriodKind.QUARTER).period("2025-Q4").label()).isEqualTo("Quý IV/2025");
        assertThat(PeriodScheme.decree09(PeriodKind.MONTH).period("2025-M03").label()).isEqualTo("Tháng 3/2025");
        assertThat(PeriodScheme.decree09(PeriodKind.HALF_YEAR).period("2025-H1").label())
                .isEqualTo("6 tháng đầu năm 2025");
        assertThat(PeriodScheme.decree09(PeriodKind.YEAR).period("2025").label()).isEqualTo("Năm 2025");
        assertThat(PeriodScheme.decree09(PeriodKind.QUARTER).period("2025-Q1").labelWithDays())
                .isEqualTo("Quý I/2025 (15/12/2024 – 14/03/2025)");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "2025-Q5", "2025-Q0", "2025-M13", "2025-M3", "2025-H3", "25-Q1", "2025Q1",
            "2025-q1", "2025-Q1; drop table report", "2025-C0"})
    void invalidIdsAreRefused(String id) {
        assertThatThrownBy(() -> PeriodId.parse(id)).isInstanceOfSatisfying(Problem.class,
                p -> assertThat(p.code()).isEqualTo("PERIOD_INVALID"));
    }

    @Test
    void idsRoundTrip() {
        for (String id : List.of("2025-M03", "2025-M11", "2025-Q1", "2025-H2", "2025", "2025-C12")) {
            assertThat(PeriodId.parse(id).toString()).isEqualTo(id);
        }
    }

    @Test
    void aPeriodOfAnotherKindIsNotTheScheme() {
        assertThatThrownBy(() -> PeriodScheme.decree09(PeriodKind.QUARTER).period("2025-M03"))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("PERIOD_NOT_FOUND"));
    }

    @Test
    void customPeriods() {
        PeriodScheme scheme = PeriodScheme.custom(List.of(
                new ReportingPeriod("2025-C2", PeriodKind.CUSTOM, d("2025-05-01"), d("2025-08-31"), d("2025-09-05"),
                        null),
                new ReportingPeriod("2025-C1", PeriodKind.CUSTOM, d("2025-01-10"), d("2025-04-30"), d("2025-05-05"),
                        null)));
        assertThat(scheme.custom()).extracting(ReportingPeriod::id).containsExactly("2025-C1", "2025-C2");
        assertThat(scheme.period("2025-C2").due()).isEqualTo(d("2025-09-05"));
        assertThat(scheme.containing(d("2025-09-01"))).isEmpty();
        assertThat(scheme.between(d("2025-04-01"), d("2025-05-01"))).hasSize(2);
        assertThat(scheme.period("2025-C1").label()).isEqualTo("Kỳ 1/2025");
        assertThatThrownBy(() -> PeriodScheme.custom(List.of(
                new ReportingPeriod("2025-C1", PeriodKind.CUSTOM, d("2025-01-10"), d("2025-04-30"), null, null),
                new ReportingPeriod("2025-C2", PeriodKind.CUSTOM, d("2025-04-30"), d("2025-06-30"), null, null))))
                .isInstanceOfSatisfying(Problem.class, p -> assertThat(p.code()).isEqualTo("PERIOD_OVERLAP"));
    }

    @Test
    void recognisesThePartyPatternOfSeed002() {
        // "Theo định kỳ trước ngày: 15/3, 15/6/, 15/9 và 15/12" and the standing body "20/3, 20/6, 20/9 và 20/12",
        // beside a one-off "trước ngày 15/01/2025"
        List<TimeRef> dues = List.of(TimeRef.day(d("2025-03-15")), TimeRef.day(d("2025-06-15")),
                TimeRef.day(d("2025-09-15")), TimeRef.day(d("2025-12-15")), TimeRef.day(d("2025-01-15")),
                TimeRef.day(d("2025-03-20")), TimeRef.day(d("2025-06-20")), TimeRef.day(d("2025-09-20")),
                TimeRef.day(d("2025-12-20")));
        PeriodScheme scheme = ReportingRegimes.recognise(Frequency.QUARTERLY, dues).orElseThrow();
        assertThat(scheme.preset()).isEqualTo(PeriodScheme.Preset.PARTY_FIXED_DATES);
        assertThat(scheme.kind()).isEqualTo(PeriodKind.QUARTER);
        assertThat(scheme.dueDay()).isEqualTo(15);
        assertThat(scheme.consolidationDueDay()).isEqualTo(20);
        // a plan that starts in spring names only the last three quarters
        assertThat(ReportingRegimes.recognise(null, List.of(TimeRef.day(d("2025-06-15")),
                TimeRef.day(d("2025-09-15")), TimeRef.day(d("2025-12-15")))).orElseThrow().kind())
                .isEqualTo(PeriodKind.QUARTER);
    }

    @Test
    void recognisesOtherShapes() {
        assertThat(ReportingRegimes.recognise(Frequency.QUARTERLY, List.of()).orElseThrow())
                .isEqualTo(PeriodScheme.decree09(PeriodKind.QUARTER));
        assertThat(ReportingRegimes.recognise(Frequency.REGULAR, List.of())).isEmpty();
        assertThat(ReportingRegimes.recognise(Frequency.HALF_YEARLY,
                List.of(TimeRef.day(d("2025-06-10")), TimeRef.day(d("2025-12-10")))).orElseThrow().kind())
                .isEqualTo(PeriodKind.HALF_YEAR);
        PeriodScheme once = ReportingRegimes.recognise(Frequency.ONCE, List.of(TimeRef.day(d("2025-08-31"))))
                .orElseThrow();
        assertThat(once.preset()).isEqualTo(PeriodScheme.Preset.CUSTOM);
        assertThat(once.custom()).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo("2025-C1");
            assertThat(p.to()).isEqualTo(d("2025-08-30"));
            assertThat(p.due()).isEqualTo(d("2025-08-31"));
        });
    }

    @Test
    void statesInOfficialsWordsFlipAtTheCalendarBoundary() {
        // due "trước ngày 15/3/2025" (a Saturday): read strictly, the last day is Friday 14/3, late from 17:00Z
        Deadline deadline = new Deadlines(Holidays.weekendsOnly()).before(d("2025-03-15"), Deadlines.Reading.STRICT);
        Instant lastSecond = Instant.parse("2025-03-14T16:59:59Z");
        Instant late = Instant.parse("2025-03-14T17:00:00Z");
        assertThat(Completion.of(deadline, null, lastSecond)).isEqualTo(Completion.IN_PROGRESS);
        assertThat(Completion.of(deadline, null, late)).isEqualTo(Completion.OVERDUE);
        assertThat(Completion.of(deadline, lastSecond, late)).isEqualTo(Completion.DONE_ON_TIME);
        assertThat(Completion.of(deadline, late, late)).isEqualTo(Completion.DONE_LATE);
        assertThat(Completion.of(null, null, late)).isEqualTo(Completion.IN_PROGRESS);
        assertThat(Completion.DONE_LATE.words()).isEqualTo("hoàn thành quá hạn");
        assertThat(Completion.OVERDUE.words()).isEqualTo("quá hạn chưa hoàn thành");
        assertThat(Completion.IN_PROGRESS.words()).isEqualTo("đang thực hiện trong hạn");
        assertThat(Completion.DONE_ON_TIME.words()).isEqualTo("hoàn thành đúng hạn");
    }
}
