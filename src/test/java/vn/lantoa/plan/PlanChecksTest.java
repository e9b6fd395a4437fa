package vn.lantoa.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Plan;

/**
 * Kiểm tra kế hoạch: the seeds' own contradictions (as the importer reads them, against the demo tree) are the first
 * cases; then what only a whole plan shows, on plans written here. Every finding says where and how to fix it.
 */
@SpringBootTest
class PlanChecksTest {

    @Autowired
    PlanChecks checks;

    @Autowired
    UnitMatching matching;

    @Autowired
    Units units;

    @Autowired
    UnitManagement unitManagement;

    @Autowired
    PlanManagement management;

    List<PlanFinding> checkSeed(String seed, String issuerShortName) throws Exception {
        Plan plan = UnitMatchingTest.seed(seed);
        Unit issuer = units.withShortName(issuerShortName, false).stream().filter(u -> u.name() != null).findFirst()
                .orElseThrow();
        UnitMatcher matcher = matching.matcher(issuer.id());
        List<AssignmentMatch> m = IntStream.range(0, plan.assignments().size())
                .mapToObj(i -> matcher.match(i, plan.assignments().get(i).unit(), plan.assignments().get(i).role()))
                .toList();
        List<Long> links = new ArrayList<>();
        plan.bases().forEach(b -> links.add(null));
        List<PlanFinding> found = checks.run(new CheckedPlan(0, issuer.id(), PlanStatus.DRAFT, plan, m, links));
        assertThat(found).allSatisfy(f -> {
            assertThat(f.label()).as("where").isNotBlank();
            assertThat(f.message()).as("what").isNotBlank().doesNotStartWith("plan.");
            assertThat(f.fix()).as("how to fix").isNotBlank().doesNotStartWith("plan.");
        });
        // blocking findings first
        assertThat(found.stream().dropWhile(PlanFinding::blocking)).noneMatch(PlanFinding::blocking);
        return found;
    }

    static List<String> codes(List<PlanFinding> found, PlanFinding.Severity severity) {
        return found.stream().filter(f -> f.severity() == severity).map(PlanFinding::code).toList();
    }

    @Test
    void tanUyenHasNoNumberNorDateAndCitesTwoDocumentsWithTwoDatesAndTheCongressWithTwoOrdinals() throws Exception {
        List<PlanFinding> found = checkSeed("000_c09283dee7dc6ffb", "UBND thành phố Tân Uyên");
        assertThat(codes(found, PlanFinding.Severity.BLOCKING))
                .containsExactly("missing-number", "missing-symbol", "missing-issuedOn");
        assertThat(codes(found, PlanFinding.Severity.WARNING)).contains("missing-number", "inconsistent-event-ordinal")
                .filteredOn("inconsistent-citation-date"::equals).hasSize(2);
        PlanFinding citation = found.stream().filter(f -> f.code().equals("inconsistent-citation-date")).findFirst()
                .orElseThrow();
        assertThat(citation.message()).contains("165-KH/TU", "27/8/2024", "28/7/2024");
        assertThat(citation.pointer()).startsWith("/warnings/");
        assertThat(citation.fix()).contains("Căn cứ");
        PlanFinding ordinal = found.stream().filter(f -> f.code().equals("inconsistent-event-ordinal")).findFirst()
                .orElseThrow();
        assertThat(ordinal.message()).contains("XII", "XV");
    }

    @Test
    void anDuongNumbersTwoSectionsVAndCitesASymbolThatNeededRepair() throws Exception {
        List<PlanFinding> found = checkSeed("001_a29ead2a4e8d016a", "UBND phường An Dương");
        assertThat(codes(found, PlanFinding.Severity.BLOCKING)).isEmpty();
        assertThat(codes(found, PlanFinding.Severity.WARNING))
                .contains("duplicate-section-number", "symbol-repaired");
        assertThat(found.stream().filter(f -> f.code().equals("duplicate-section-number")).findFirst().orElseThrow()
                .label()).contains("KHẨU HIỆU");
    }

    @Test
    void the354FirstPhaseIsOneDayAndReportsFallDueOnWeekends() throws Exception {
        List<PlanFinding> found = checkSeed("002_18cca47a10fba1ef", "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm");
        assertThat(codes(found, PlanFinding.Severity.BLOCKING)).isEmpty();
        PlanFinding oneDay = found.stream().filter(f -> f.code().equals("phase-one-day")).findFirst().orElseThrow();
        assertThat(oneDay.pointer()).isEqualTo("/phases/0");
        assertThat(oneDay.message()).contains("31/12/2024");
        // 15/3/2025 is a Saturday: kept as written and read strictly, due by the end of 14/3
        PlanFinding saturday = found.stream().filter(f -> f.code().equals("due-non-working-day")
                && f.message().contains("15/03/2025")).findFirst().orElseThrow();
        assertThat(saturday.pointer()).startsWith("/reporting/");
        assertThat(saturday.message()).contains("thứ Bảy");
        assertThat(saturday.fix()).contains("14/03/2025");
        // the five assigned units are all matched: nothing to pick
        assertThat(codes(found, PlanFinding.Severity.WARNING)).doesNotContain("assignment-unmatched");
    }

    @Test
    void theBlocsPlanHasNoSignerAndASubcommitteeThatIsNoUnitOfTheTree() throws Exception {
        List<PlanFinding> found = checkSeed("004_79db2fe38eae3819", "Ban Tuyên giáo Đảng ủy Khối Yên Bái");
        assertThat(codes(found, PlanFinding.Severity.BLOCKING)).containsExactly("missing-signer");
        PlanFinding unmatched = found.stream().filter(f -> f.code().equals("assignment-unmatched")).findFirst()
                .orElseThrow();
        assertThat(unmatched.pointer()).isEqualTo("/assignments/1/unit");
        assertThat(unmatched.message()).contains("Tiểu ban Tuyên truyền");
    }

    static String plan(String token, String assignments, String phases) {
        return """
                { "format": "lantoa.plan/1",
                  "document": { "kind": "KH", "number": "21", "symbol": "21/KH-UBND%s", "system": "state",
                    "issuedOn": "2025-08-20", "issuer": "Ủy ban nhân dân thành phố", "title": "Kế hoạch %s",
                    "signer": { "name": "Lê Văn A", "position": "Chủ tịch", "authority": "TM. Ủy ban nhân dân" } },
                  "phases": %s,
                  "assignments": %s }
                """.formatted(token, token, phases, assignments);
    }

    @Test
    void ordersToAUnitOutsideTheIssuersAuthorityATaskOnAHolidayAndAnAssignmentWithoutTask() {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        String assignments = """
                [ { "unit": "Ủy ban MTTQ thành phố", "role": "lead",
                    "tasks": [ { "text": "Tuyên truyền", "due": { "date": "2025-09-02" }, "kind": "activity" } ] },
                  { "unit": "Ủy ban nhân dân phường An Dương", "role": "lead", "tasks": [] },
                  { "unit": "Ủy ban MTTQ thành phố", "role": "requested",
                    "tasks": [ { "text": "Phối hợp", "due": { "date": "2025-09-03" }, "kind": "coordinate" } ] } ]
                """;
        String phases = """
                [ { "label": "Đợt 1", "title": "Cao điểm", "start": { "date": "2025-08-25" },
                    "end": { "date": "2025-09-30" }, "content": [], "phases": [] } ]
                """;
        StoredPlan draft = management.create(officer, PlanInput.parse(plan(tree.token, assignments, phases)));
        List<PlanFinding> found = management.check(officer, draft.id());

        assertThat(codes(found, PlanFinding.Severity.BLOCKING)).isEmpty();
        List<PlanFinding> outside = found.stream().filter(f -> f.code().equals("requested-expected")).toList();
        assertThat(outside).singleElement().satisfies(f -> {
            assertThat(f.pointer()).isEqualTo("/assignments/0/role");
            assertThat(f.fix()).contains("Đề nghị");
        });
        PlanFinding holiday = found.stream().filter(f -> f.code().equals("due-non-working-day")).findFirst()
                .orElseThrow();
        assertThat(holiday.pointer()).isEqualTo("/assignments/0/tasks/0/due");
        assertThat(holiday.message()).contains("02/09/2025", "Quốc khánh");
        assertThat(found).filteredOn(f -> f.code().equals("due-non-working-day")).hasSize(1);
        assertThat(found).filteredOn(f -> f.code().equals("assignment-without-task")).singleElement()
                .extracting(PlanFinding::pointer).isEqualTo("/assignments/1/tasks");
        assertThat(found).noneMatch(f -> f.code().equals("phase-one-day"));
    }

    @Test
    void aCheckOfAnotherModuleRunsAfterThePlansOwnAndBlockingFindingsComeFirst() {
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("other", (PlanCheck) p -> List.of(
                PlanFinding.warning("other-warning", "", "Văn bản", "Cảnh báo khác", "Sửa khác"),
                PlanFinding.blocking("other-blocking", "/document", "Văn bản", "Chặn", "Sửa")));
        beans.addBean("own", (PlanCheck) p -> List.of(
                PlanFinding.warning("own-warning", "", "Văn bản", "Cảnh báo", "Sửa")));
        List<PlanFinding> found = new PlanChecks(beans.getBeanProvider(PlanCheck.class))
                .run(new CheckedPlan(0, 0, PlanStatus.DRAFT, null, List.of(), List.of()));
        assertThat(found).extracting(PlanFinding::code)
                .containsExactly("other-blocking", "other-warning", "own-warning");
    }
}
