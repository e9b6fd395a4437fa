package vn.lantoa.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.calendar.Holidays;
import vn.lantoa.event.ResolvedTime.Slot;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Event;
import vn.lantoa.planformat.Frequency;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.ReportingDuty;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;
import vn.lantoa.planformat.TimeRef.Edge;
import vn.lantoa.planformat.TimeRef.Relation;

/** The legal arithmetic of a plan's times, on the test vectors of issue 5, without a database. */
class TimeResolutionTest {

    static final String CITY = "Đại hội đại biểu Đảng bộ thành phố lần thứ XIV";
    static final String NATIONAL = "Đại hội đại biểu toàn quốc lần thứ XIV của Đảng";

    final Deadlines deadlines = new Deadlines(Holidays.weekendsOnly());

    static Plan plan(LocalDate issuedOn) {
        List<Phase> phases = List.of(
                new Phase("Đợt 1", null, TimeRef.issued(), TimeRef.month(YearMonth.of(2025, 5)), List.of(), List.of()),
                new Phase("Đợt 2", null, TimeRef.relative(CITY, Edge.END, Relation.AFTER),
                        TimeRef.relative(NATIONAL, Edge.START, Relation.BEFORE), List.of(),
                        List.of(new Phase("2.1", null, TimeRef.relative(CITY, Edge.START, Relation.AT),
                                TimeRef.relative(CITY, Edge.END, Relation.AT), List.of(), List.of()))));
        List<Assignment> assignments = List.of(new Assignment("Ban Tuyên giáo", Role.LEAD, List.of(
                new Task("Gửi kế hoạch", TimeRef.day(LocalDate.of(2025, 3, 15)), TaskKind.PLAN),
                new Task("Treo cờ", new TimeRef.Relative(CITY, Edge.START, Relation.BEFORE, -1), TaskKind.ACTIVITY),
                new Task("Không hạn", null, TaskKind.OTHER))));
        List<ReportingDuty> reporting = List.of(new ReportingDuty("Các đơn vị", "Ban Thường vụ", null,
                Frequency.QUARTERLY, List.of(TimeRef.month(YearMonth.of(2025, 5)), TimeRef.year(2025))));
        return new Plan(new DocumentHeader("KH", "1", "1-KH/TU", null, issuedOn, null, null, null, null), List.of(),
                List.of(), List.of(new Event(CITY, null, null), new Event(NATIONAL, null, null)), phases, List.of(),
                List.of(), List.of(), assignments, reporting, List.of(), List.of());
    }

    PlanTimes resolve(Plan plan, Reading reading, Map<String, EventDates> known) {
        return new TimeResolution(deadlines, reading, plan.document().issuedOn(),
                name -> known.getOrDefault(name, new EventDates(name, null, null, null, null))).resolve(plan);
    }

    static EventDates city(LocalDate start, LocalDate end) {
        return new EventDates(CITY, 7L, start, end, null);
    }

    @Test
    void everyTimeIsAddressedByItsJsonPointerInDocumentOrder() {
        PlanTimes times = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT, Map.of());
        assertThat(times.times()).extracting(ResolvedTime::pointer).containsExactly("/phases/0/start",
                "/phases/0/end", "/phases/1/start", "/phases/1/end", "/phases/1/phases/0/start",
                "/phases/1/phases/0/end", "/assignments/0/tasks/0/due", "/assignments/0/tasks/1/due",
                "/reporting/0/due/0", "/reporting/0/due/1");
        assertThat(times.at("/assignments/0/tasks/0/due").orElseThrow().slot()).isEqualTo(Slot.TASK_DUE);
        assertThat(times.at("/reporting/0/due/1").orElseThrow().slot()).isEqualTo(Slot.REPORT_DUE);
        assertThat(times.events()).extracting(EventDates::name).containsExactly(CITY, NATIONAL);
    }

    @Test
    void beforeTheFifteenthOfMarchIsDueByTheEndOfTheFourteenthByDefault() {
        ResolvedTime due = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT, Map.of())
                .at("/assignments/0/tasks/0/due").orElseThrow();
        assertThat(due.date()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(due.deadline().lastDay()).isEqualTo(LocalDate.of(2025, 3, 14));
        assertThat(due.rules()).containsExactly("\"Trước ngày 15/03/2025\": hạn cuối là hết ngày 14/03/2025.");
    }

    @Test
    void untilTheEndOfTheFifteenthMovesOffTheSaturdayToMonday() {
        ResolvedTime due = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.INCLUSIVE, Map.of())
                .at("/assignments/0/tasks/0/due").orElseThrow();
        assertThat(due.date()).isEqualTo(LocalDate.of(2025, 3, 17));
        assertThat(due.rules()).hasSize(2);
        assertThat(due.rules().get(1)).contains("15/03/2025", "thứ bảy", "17/03/2025", "Điều 148");
    }

    @Test
    void oneDayBeforeTheOpeningOnTheFourteenthOfOctoberIsTheThirteenth() {
        ResolvedTime due = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT,
                Map.of(CITY, city(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 16))))
                .at("/assignments/0/tasks/1/due").orElseThrow();
        assertThat(due.date()).isEqualTo(LocalDate.of(2025, 10, 13));
        assertThat(due.rules().get(0)).isEqualTo("Ngày khai mạc của " + CITY + ": 14/10/2025.");
        assertThat(due.deadline().isOnTime(LocalDate.of(2025, 10, 13).atTime(23, 59)
                .atZone(vn.lantoa.calendar.Deadline.VIETNAM).toInstant())).isTrue();
        assertThat(due.deadline().isOnTime(LocalDate.of(2025, 10, 14).atStartOfDay()
                .atZone(vn.lantoa.calendar.Deadline.VIETNAM).toInstant())).isFalse();
    }

    @Test
    void aPeriodThatStartsWithTheClosingStartsTheDayAfterIt() {
        PlanTimes times = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT,
                Map.of(CITY, city(LocalDate.of(2025, 10, 14), LocalDate.of(2025, 10, 16))));
        ResolvedTime start = times.at("/phases/1/start").orElseThrow();
        assertThat(start.date()).isEqualTo(LocalDate.of(2025, 10, 17));
        assertThat(start.rules()).anySatisfy(r -> assertThat(r).contains("Điều 147", "16/10/2025"));
        assertThat(times.at("/phases/1/phases/0/start").orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 14));
        assertThat(times.at("/phases/1/phases/0/end").orElseThrow().date()).isEqualTo(LocalDate.of(2025, 10, 16));
    }

    @Test
    void aTimeTiedToAnEventWithoutDatesSaysWhatItWaitsFor() {
        PlanTimes times = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT,
                Map.of(CITY, city(LocalDate.of(2025, 10, 14), null)));
        ResolvedTime end = times.at("/phases/1/end").orElseThrow();
        assertThat(end.known()).isFalse();
        assertThat(end.waiting().event()).isEqualTo(NATIONAL);
        assertThat(end.waiting().edge()).isEqualTo(Edge.START);
        assertThat(end.text()).isEqualTo("Chưa xác định: chờ ngày khai mạc của " + NATIONAL + ".");
        ResolvedTime start = times.at("/phases/1/start").orElseThrow();
        assertThat(start.known()).isFalse();
        assertThat(start.waiting().eventId()).isEqualTo(7L);
        assertThat(start.text()).contains("chờ ngày bế mạc của " + CITY);
        assertThat(times.waiting()).hasSize(3); // 2's start and end, 2.1's end
    }

    @Test
    void monthsAndYearsAreRangesAndTheirDuesTheirLastWorkingDay() {
        PlanTimes times = resolve(plan(LocalDate.of(2025, 1, 2)), Reading.STRICT, Map.of());
        ResolvedTime phaseStart = times.at("/phases/0/start").orElseThrow();
        assertThat(phaseStart.date()).isEqualTo(LocalDate.of(2025, 1, 2));
        ResolvedTime phaseEnd = times.at("/phases/0/end").orElseThrow();
        assertThat(phaseEnd.first()).isEqualTo(LocalDate.of(2025, 5, 1));
        assertThat(phaseEnd.last()).isEqualTo(LocalDate.of(2025, 5, 31));
        assertThat(phaseEnd.text()).isEqualTo("01/05/2025 – 31/05/2025");
        ResolvedTime report = times.at("/reporting/0/due/0").orElseThrow();
        assertThat(report.date()).isEqualTo(LocalDate.of(2025, 6, 2)); // 31/05/2025 is a Saturday
        assertThat(report.rules()).anySatisfy(r -> assertThat(r).contains("Điều 148"));
        assertThat(times.at("/reporting/0/due/1").orElseThrow().date()).isEqualTo(LocalDate.of(2025, 12, 31));
    }

    @Test
    void fromNowWaitsForTheIssueDateOfADraftWithoutOne() {
        ResolvedTime start = resolve(plan(null), Reading.STRICT, Map.of()).at("/phases/0/start").orElseThrow();
        assertThat(start.known()).isFalse();
        assertThat(start.text()).contains("ngày ban hành");
    }
}
