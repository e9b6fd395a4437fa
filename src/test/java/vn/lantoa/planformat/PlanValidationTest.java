package vn.lantoa.planformat;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlanValidationTest {

    private static final LocalDate ISSUED = LocalDate.of(2025, 8, 1);

    private static Plan plan(List<Phase> phases, List<Assignment> assignments, List<ReportingDuty> reporting,
            List<Event> events) {
        DocumentHeader doc = new DocumentHeader("KH", "15", "15/KH-UBND", DocumentSystem.STATE, ISSUED, null,
                "Ủy ban nhân dân phường An Dương", null, null);
        return new Plan(doc, List.of(new DocumentRef("KH", "05-KH/ĐU", LocalDate.of(2025, 7, 17), null)), List.of(),
                events, phases, List.of(), List.of(), List.of(), assignments, reporting, List.of(), List.of());
    }

    private static Phase phase(String label, TimeRef start, TimeRef end, Phase... sub) {
        return new Phase(label, null, start, end, List.of(), List.of(sub));
    }

    @Test
    void aConsistentPlanHasNoViolations() {
        Plan p = plan(List.of(phase("Đợt 1", TimeRef.issued(), TimeRef.day(LocalDate.of(2025, 8, 31))),
                        phase("Đợt 2", TimeRef.month(YearMonth.of(2025, 9)), TimeRef.year(2025))),
                List.of(new Assignment("Công an phường", Role.LEAD,
                        List.of(new Task("Báo cáo", TimeRef.day(ISSUED), TaskKind.REPORT)))),
                List.of(), List.of());
        assertThat(PlanValidation.validate(p)).isEmpty();
        assertThat(PlanValidation.validate(PlanJson.write(p))).isEmpty();
    }

    @Test
    void findsAPhaseEndingBeforeItStartsAtAnyDepth() {
        Phase inner = phase("2.1", TimeRef.month(YearMonth.of(2025, 10)), TimeRef.day(LocalDate.of(2025, 9, 30)));
        Plan p = plan(List.of(phase("Đợt 1", TimeRef.day(LocalDate.of(2025, 9, 1)), TimeRef.year(2024)),
                phase("Đợt 2", TimeRef.year(2025), TimeRef.year(2025), inner)), List.of(), List.of(), List.of());
        assertThat(PlanValidation.validate(p)).extracting(PlanViolation::pointer, PlanViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/phases/0/end", "phase-ends-before-start"),
                        org.assertj.core.groups.Tuple.tuple("/phases/1/phases/0/end", "phase-ends-before-start"));
    }

    @Test
    void aMonthOrYearOverlappingItsStartIsNotBackwards() {
        assertThat(PlanValidation.endsBeforeStart(TimeRef.day(LocalDate.of(2025, 5, 20)),
                TimeRef.month(YearMonth.of(2025, 5)), null)).isFalse();
        assertThat(PlanValidation.endsBeforeStart(TimeRef.issued(), TimeRef.year(2024), LocalDate.of(2024, 12, 31)))
                .isFalse();
        assertThat(PlanValidation.endsBeforeStart(TimeRef.issued(), TimeRef.year(2024), LocalDate.of(2025, 1, 2)))
                .isTrue();
    }

    @Test
    void findsDeadlinesBeforeTheIssueDate() {
        Plan p = plan(List.of(),
                List.of(new Assignment("Phòng Văn hóa - Xã hội phường", Role.STANDING,
                        List.of(new Task("Xây dựng kế hoạch", TimeRef.day(LocalDate.of(2025, 7, 31)), TaskKind.PLAN)))),
                List.of(new ReportingDuty(null, "UBND phường", null, Frequency.ONCE,
                        List.of(TimeRef.day(LocalDate.of(2025, 9, 1)), TimeRef.month(YearMonth.of(2025, 7))))),
                List.of());
        assertThat(PlanValidation.validate(p)).extracting(PlanViolation::pointer).containsExactly(
                "/assignments/0/tasks/0/due", "/reporting/0/due/1");
        assertThat(PlanValidation.validate(p).get(0).message()).contains("2025-07-31");
    }

    @Test
    void findsATimeRelativeToAnUnlistedEventAndADateBeforeTheBasis() {
        TimeRef after = TimeRef.relative("Đại hội XIV", TimeRef.Edge.END, TimeRef.Relation.AFTER);
        Plan p = plan(List.of(phase("Đợt 4", after, null)), List.of(), List.of(), List.of());
        DocumentHeader early = new DocumentHeader("KH", null, null, null, LocalDate.of(2025, 7, 1), null, null, null,
                null);
        Plan earlier = new Plan(early, p.bases(), List.of(), List.of(), p.phases(), List.of(), List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of());
        assertThat(PlanValidation.validate(earlier)).extracting(PlanViolation::code)
                .containsExactly("unknown-event", "issued-before-basis");
    }

    @Test
    void reportsTheShapeOfTheJsonBeforeItsConsistency() {
        assertThat(PlanValidation.validate("{\"format\": \"lantoa.plan/1\", \"document\": {},"
                + " \"assignments\": [{\"unit\": \"A\", \"role\": \"boss\", \"tasks\": []}]}"))
                .extracting(PlanViolation::pointer, PlanViolation::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("/assignments/0/role", "unknown-value"));
        assertThat(PlanValidation.validate("[]")).extracting(PlanViolation::code).containsExactly("type");
    }

    @Test
    void warningsCarryTheirCodeAndAVietnameseMessage() {
        Warning w = WarningCode.INCONSISTENT_CITATION_DATE.at("mục V.10", "165-KH/TU", "27/8/2024", "28/7/2024");
        assertThat(w.code()).isEqualTo("inconsistent-citation-date");
        assertThat(w.message()).isEqualTo("Văn bản 165-KH/TU được dẫn với hai ngày khác nhau: 27/8/2024 và 28/7/2024");
        assertThat(w.where()).isEqualTo("mục V.10");
        assertThat(WarningCode.fromCode("not-a-plan")).isEqualTo(WarningCode.NOT_A_PLAN);
    }
}
