package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Channel;
import vn.lantoa.planformat.ChannelKind;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.DocumentSystem;
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
import vn.lantoa.planformat.Warning;

/**
 * Plans that are not the seeds (other issuers, both systems, other phrasings), each read in three layouts: through the
 * TXT reader, one block per line with nothing joined, and as Word gives it (labels apart from the text, the header in
 * two columns). The parser must read them alike.
 */
class PlanParserTest {

    static Stream<Arguments> layouts() {
        return Stream.of(
                Arguments.of("txt", (Function<String, DocumentText>) PlanTexts::viaReader),
                Arguments.of("lines", (Function<String, DocumentText>) PlanTexts::lineByLine),
                Arguments.of("word", (Function<String, DocumentText>) PlanTexts::asWord));
    }

    private static Plan parse(String fixture, Function<String, DocumentText> layout) {
        return PlanParser.parse(layout.apply(PlanTexts.fixture(fixture)));
    }

    private static List<String> codes(Plan plan) {
        return plan.warnings().stream().map(Warning::code).toList();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aStatePlanOfADistrictForAnAnniversary(String layout, Function<String, DocumentText> read) {
        Plan plan = parse("state-district-anniversary.txt", read);
        var doc = plan.document();
        assertThat(doc.kind()).isEqualTo("KH");
        assertThat(doc.number()).isEqualTo("215");
        assertThat(doc.symbol()).isEqualTo("215/KH-UBND");
        assertThat(doc.system()).isEqualTo(DocumentSystem.STATE);
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 3, 15));
        assertThat(doc.place()).isEqualTo("Đông Anh");
        assertThat(doc.issuer()).isEqualTo("Ủy ban nhân dân huyện Đông Anh");
        assertThat(doc.title()).startsWith("Tuyên truyền kỷ niệm 50 năm Ngày giải phóng miền Nam").endsWith("30/4/2025)");
        assertThat(doc.signer().name()).isEqualTo("Nguyễn Thị Hoa");
        assertThat(doc.signer().position()).isEqualTo("Phó Chủ tịch");

        assertThat(plan.bases()).extracting(DocumentRef::kind, DocumentRef::symbol, DocumentRef::issuedOn).containsExactly(
                tuple("KH", "120-KH/HU", LocalDate.of(2025, 2, 20)), tuple("HD", "45/HD-SVHTT", LocalDate.of(2025, 3, 1)));
        assertThat(plan.citations()).extracting(DocumentRef::symbol, DocumentRef::issuedOn, DocumentRef::issuer)
                .containsExactly(tuple("41-CT/TW", LocalDate.of(2024, 12, 10), "Ban Bí thư"));

        assertThat(plan.phases()).extracting(Phase::label, Phase::start, Phase::end).containsExactly(
                tuple("Giai đoạn 1", TimeRef.day(LocalDate.of(2025, 3, 15)), TimeRef.day(LocalDate.of(2025, 4, 25))),
                tuple("Giai đoạn 2", TimeRef.day(LocalDate.of(2025, 4, 26)), TimeRef.day(LocalDate.of(2025, 5, 5))));
        assertThat(plan.channels()).extracting(Channel::kind).contains(ChannelKind.MASS_MEDIA, ChannelKind.VISUAL,
                ChannelKind.CULTURE_SPORTS, ChannelKind.CONTEST);
        assertThat(plan.events()).isEmpty();

        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Phòng Văn hóa và Thông tin huyện", Role.STANDING),
                tuple("Trung tâm Văn hóa - Thông tin và Thể thao huyện", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc Việt Nam huyện và các đoàn thể chính trị - xã hội huyện", Role.REQUESTED),
                tuple("UBND các xã, thị trấn", Role.LEAD));
        assertThat(plan.assignments().get(3).tasks()).extracting(Task::kind, Task::due).containsExactly(
                tuple(TaskKind.PLAN, TimeRef.day(LocalDate.of(2025, 3, 25))),
                tuple(TaskKind.REPORT, TimeRef.day(LocalDate.of(2025, 5, 5))));
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::via,
                ReportingDuty::frequency).contains(tuple("UBND các xã, thị trấn", "UBND huyện",
                        "Phòng Văn hóa và Thông tin", Frequency.ONCE));
        assertThat(plan.recipients()).containsExactly("UBND Thành phố Hà Nội", "TT Huyện ủy, TT HĐND huyện",
                "Chủ tịch, các PCT UBND huyện", "Như mục V", "Lưu: VT, VHTT");
        assertThat(plan.warnings()).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aPartyPlanOfADistrictCommitteeForItsCongress(String layout, Function<String, DocumentText> read) {
        Plan plan = parse("party-district-congress.txt", read);
        var doc = plan.document();
        assertThat(doc.symbol()).isEqualTo("45-KH/HU");
        assertThat(doc.system()).isEqualTo(DocumentSystem.PARTY);
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 1, 10));
        assertThat(doc.place()).isEqualTo("Can Lộc");
        assertThat(doc.issuer()).isEqualTo("Ban Thường vụ Huyện ủy Can Lộc");
        assertThat(doc.title()).isEqualTo("tuyên truyền Đại hội đại biểu Đảng bộ huyện lần thứ XXVI, nhiệm kỳ 2025 - 2030");
        assertThat(doc.signer().name()).isEqualTo("Trần Văn Nam");
        assertThat(doc.signer().authority()).isEqualTo("T/M Ban Thường vụ");
        assertThat(doc.signer().position()).isEqualTo("Bí thư");
        assertThat(plan.bases()).extracting(DocumentRef::symbol).containsExactly("300-KH/TU");

        // "Đại hội" alone means the congress of the title, named in full
        assertThat(plan.events()).hasSize(1);
        String congress = plan.events().get(0).name();
        assertThat(congress).contains("Đảng bộ huyện").contains("lần thứ XXVI");
        assertThat(plan.phases()).extracting(Phase::label, Phase::start, Phase::end).containsExactly(
                tuple("Giai đoạn 1", TimeRef.issued(), TimeRef.relative(congress, Edge.START, Relation.BEFORE)),
                tuple("Giai đoạn 2", TimeRef.relative(congress, Edge.START, Relation.AT),
                        TimeRef.relative(congress, Edge.END, Relation.AT)),
                tuple("Giai đoạn 3", TimeRef.relative(congress, Edge.END, Relation.AFTER), TimeRef.year(2025)));
        assertThat(plan.channels()).extracting(Channel::kind).contains(ChannelKind.MASS_MEDIA, ChannelKind.SOCIAL_MEDIA,
                ChannelKind.VISUAL, ChannelKind.CONTEST, ChannelKind.EXHIBITION);
        assertThat(plan.slogans()).containsExactly(
                "Nhiệt liệt chào mừng Đại hội đại biểu Đảng bộ huyện Can Lộc lần thứ XXVI, nhiệm kỳ 2025 - 2030!",
                "Đảng Cộng sản Việt Nam quang vinh muôn năm!");
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Ban Tuyên giáo Huyện ủy", Role.STANDING), tuple("Các tổ chức cơ sở đảng", Role.LEAD),
                tuple("Ủy ban MTTQ và các đoàn thể chính trị - xã hội huyện", Role.REQUESTED));
        assertThat(plan.assignments().get(1).tasks().get(0).due()).isEqualTo(TimeRef.day(LocalDate.of(2025, 1, 20)));
        assertThat(plan.assignments().get(1).tasks().get(0).kind()).isEqualTo(TaskKind.PLAN);
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::via,
                ReportingDuty::frequency).contains(tuple("Các tổ chức cơ sở đảng", "Ban Thường vụ Huyện ủy",
                        "Ban Tuyên giáo Huyện ủy", Frequency.MONTHLY));
        assertThat(plan.recipients()).containsExactly("Ban Tuyên giáo Tỉnh ủy (b/c)", "Các đồng chí Huyện ủy viên",
                "Như mục IV", "Lưu Văn phòng Huyện ủy");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aCommunePlanLeftUnnumberedAndUndatedWithBackwardsPhase(String layout, Function<String, DocumentText> read) {
        Plan plan = parse("state-commune-blank-number.txt", read);
        assertThat(plan.document().number()).isNull();
        assertThat(plan.document().symbol()).isNull();
        assertThat(plan.document().issuedOn()).isNull();
        assertThat(plan.document().issuer()).isEqualTo("Ủy ban nhân dân xã Tân Hiệp");
        assertThat(plan.bases()).extracting(DocumentRef::kind, DocumentRef::symbol)
                .containsExactly(tuple("QĐ", "1234/QĐ-UBND"), tuple("CV", "88/UBND-VX"));
        assertThat(plan.phases()).extracting(Phase::start, Phase::end).containsExactly(
                tuple(TimeRef.month(YearMonth.of(2026, 1)), TimeRef.month(YearMonth.of(2026, 3))),
                tuple(TimeRef.month(YearMonth.of(2026, 4)), TimeRef.month(YearMonth.of(2026, 6))),
                tuple(TimeRef.day(LocalDate.of(2026, 9, 20)), TimeRef.day(LocalDate.of(2026, 9, 10))),
                tuple(TimeRef.year(2027), TimeRef.year(2027)));
        assertThat(plan.assignments()).extracting(Assignment::unit)
                .containsExactly("Công chức Văn hóa - Xã hội xã", "Các thôn, tổ dân phố");
        assertThat(plan.document().signer().name()).isEqualTo("Lê Văn Tâm");
        assertThat(plan.recipients()).containsExactly("UBND huyện (b/c)", "Lưu: VP");
        assertThat(codes(plan)).contains("missing-number", "section-number-gap", "phase-ends-before-start");
        assertThat(plan.warnings()).filteredOn(w -> w.code().equals("missing-number")).hasSize(2);
        assertThat(plan.warnings()).filteredOn(w -> w.code().equals("phase-ends-before-start"))
                .extracting(Warning::where).containsExactly("Đợt 3");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aProvincialPlanWithUnitsAsItemsAndAHeaderAndFooterInTwoColumnsOnOneLine(String layout,
            Function<String, DocumentText> read) {
        Plan plan = parse("state-province-bullets.txt", read);
        var doc = plan.document();
        assertThat(doc.symbol()).isEqualTo("1234/KH-UBND");
        assertThat(doc.issuedOn()).isEqualTo(LocalDate.of(2025, 4, 2));
        assertThat(doc.place()).isEqualTo("Quảng Nam");
        assertThat(doc.issuer()).isEqualTo("Ủy ban nhân dân tỉnh Quảng Nam");
        assertThat(doc.signer().name()).isEqualTo("Trần Anh Tuấn");
        assertThat(doc.signer().position()).isEqualTo("Phó Chủ tịch");
        assertThat(plan.themes()).containsExactly("Chính quyền phục vụ Nhân dân", "Doanh nghiệp và người dân là trung tâm");
        // "Đợt 1 (tháng 4/2025 - tháng 6/2025)", "Đợt 2 (quý III/2025)"
        assertThat(plan.phases()).extracting(Phase::start, Phase::end, Phase::title).containsExactly(
                tuple(TimeRef.month(YearMonth.of(2025, 4)), TimeRef.month(YearMonth.of(2025, 6)),
                        "tuyên truyền về dịch vụ công trực tuyến"),
                tuple(TimeRef.month(YearMonth.of(2025, 7)), TimeRef.month(YearMonth.of(2025, 9)),
                        "tuyên truyền kết quả cải cách"));
        assertThat(plan.channels()).extracting(Channel::kind).contains(ChannelKind.MASS_MEDIA, ChannelKind.CONTEST,
                ChannelKind.ORAL);
        // "a) Các sở, ban, ngành" groups units that each have an item of their own
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Sở Nội vụ", Role.STANDING), tuple("Sở Văn hóa, Thể thao và Du lịch", Role.LEAD),
                tuple("Ban Tổ chức Tỉnh ủy", Role.LEAD), tuple("UBND các huyện, thị xã, thành phố", Role.LEAD),
                tuple("Ủy ban MTTQ Việt Nam tỉnh", Role.REQUESTED));
        assertThat(plan.assignments().get(3).tasks().get(0).due()).isEqualTo(TimeRef.month(YearMonth.of(2025, 4)));
        assertThat(plan.reporting()).extracting(ReportingDuty::to, ReportingDuty::via, ReportingDuty::frequency,
                ReportingDuty::due).containsExactly(tuple("UBND tỉnh", "Sở Nội vụ", Frequency.HALF_YEARLY,
                        List.of(TimeRef.day(LocalDate.of(2025, 6, 15)), TimeRef.day(LocalDate.of(2025, 12, 15)))));
        assertThat(plan.recipients()).containsExactly("Bộ Nội vụ", "TT Tỉnh ủy, TT HĐND tỉnh", "Các sở, ban, ngành",
                "Lưu: VT, KGVX");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aWardPlanWithYearsPhasesARangeWithoutItsFirstYearAndANameInCapitals(String layout,
            Function<String, DocumentText> read) {
        Plan plan = parse("party-ward-years-and-caps-name.txt", read);
        assertThat(plan.document().issuer()).isEqualTo("Ban Thường vụ Đảng ủy phường Tân Mai");
        assertThat(plan.document().signer().name()).isEqualTo("NGUYỄN THỊ MAI ANH");
        assertThat(plan.document().signer().position()).isEqualTo("Phó Bí thư");
        assertThat(plan.bases()).extracting(DocumentRef::symbol).containsExactly("12-KH/QU");
        // "Giai đoạn 2026 - 2030"; "Đợt cao điểm: Từ ngày 01/5 đến ngày 30/6/2026" (the start's year from the end)
        assertThat(plan.phases()).extracting(Phase::start, Phase::end).containsExactly(
                tuple(TimeRef.year(2026), TimeRef.year(2030)),
                tuple(TimeRef.day(LocalDate.of(2026, 5, 1)), TimeRef.day(LocalDate.of(2026, 6, 30))));
        assertThat(plan.assignments()).extracting(Assignment::unit).containsExactly("Các chi bộ trực thuộc");
        // "trước ngày 28/02" takes the year of the plan, and says so
        assertThat(plan.assignments().get(0).tasks()).extracting(Task::due)
                .containsExactly(TimeRef.day(LocalDate.of(2026, 2, 28)));
        assertThat(codes(plan)).containsExactly("inferred-year");
        assertThat(plan.recipients()).containsExactly("Ban Tuyên giáo Quận ủy", "Lưu VP");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("layouts")
    void aBoardPlanWithUnitsGroupedByLevel(String layout, Function<String, DocumentText> read) {
        Plan plan = parse("party-board-anniversary-levels.txt", read);
        assertThat(plan.document().symbol()).isEqualTo("88-KH/BTGTU");
        assertThat(plan.document().issuer()).isEqualTo("Ban Tuyên giáo Tỉnh ủy");
        assertThat(plan.document().signer()).extracting("name", "position", "authority")
                .containsExactly("Hoàng Văn Minh", "Phó Trưởng ban", "K/T Trưởng ban");
        assertThat(plan.bases()).extracting(DocumentRef::symbol, DocumentRef::issuedOn)
                .containsExactly(tuple("150-HD/BTGTW", LocalDate.of(2024, 12, 20)));
        // "(từ tháng 1 đến tháng 2/2025)"; "(sau ngày 03/02/2025 đến hết tháng 3/2025)"
        assertThat(plan.phases()).extracting(Phase::start, Phase::end).containsExactly(
                tuple(TimeRef.month(YearMonth.of(2025, 1)), TimeRef.month(YearMonth.of(2025, 2))),
                tuple(TimeRef.day(LocalDate.of(2025, 2, 4)), TimeRef.month(YearMonth.of(2025, 3))));
        // "1. Cấp tỉnh" and "2. Cấp huyện" group the units; "(cơ quan thường trực)" marks the standing body
        assertThat(plan.assignments()).extracting(Assignment::unit, Assignment::role).containsExactly(
                tuple("Ban Tuyên giáo Tỉnh ủy", Role.STANDING), tuple("Sở Văn hóa, Thể thao và Du lịch", Role.LEAD),
                tuple("Các huyện ủy, thành ủy", Role.LEAD),
                tuple("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", Role.REQUESTED));
        assertThat(plan.reporting()).extracting(ReportingDuty::from, ReportingDuty::to, ReportingDuty::due)
                .containsExactly(tuple("Ban Tuyên giáo Tỉnh ủy", "Ban Thường vụ Tỉnh ủy",
                        List.of(TimeRef.day(LocalDate.of(2025, 4, 15)))));
        assertThat(plan.channels()).extracting(Channel::kind).contains(ChannelKind.MASS_MEDIA, ChannelKind.VISUAL,
                ChannelKind.CULTURE_SPORTS, ChannelKind.EXHIBITION);
    }

    @Test
    void aPlanThatContradictsItselfGetsEveryWarningWithWhereItWasFound() {
        Plan plan = parse("party-contradictions.txt", PlanTexts::viaReader);
        assertThat(plan.document().issuer()).isEqualTo("Ban Thường vụ Thành ủy Vinh");
        assertThat(codes(plan)).containsExactlyInAnyOrder("duplicate-section-number", "inconsistent-citation-date",
                "symbol-repaired", "inconsistent-event-ordinal", "phase-ends-before-start", "due-before-issue-date",
                "issued-before-basis");
        assertThat(plan.warnings()).allSatisfy(w -> {
            assertThat(w.message()).isNotBlank();
            assertThat(w.where()).isNotBlank();
        });
        Warning dates = plan.warnings().stream().filter(w -> w.code().equals("inconsistent-citation-date")).findFirst()
                .orElseThrow();
        assertThat(dates.message()).contains("35-CT/TW", "14/6/2024", "16/4/2024");
        assertThat(dates.where()).contains("35-CT/TW ngày 16/4");
        // the first date stands; the repaired symbol is the one cited
        assertThat(plan.citations()).extracting(DocumentRef::symbol, DocumentRef::issuedOn).contains(
                tuple("35-CT/TW", LocalDate.of(2024, 6, 14)), tuple("225/HD-BVHTTDL", LocalDate.of(2020, 1, 10)),
                tuple("01-QĐi/TW", LocalDate.of(2020, 2, 3)));
        assertThat(plan.citations()).extracting(DocumentRef::issuer).contains("Bộ Văn hóa, Thể thao và Du lịch",
                "Bộ Chính trị");
        // "trước phiên khai mạc Đại hội … 01 ngày"
        TimeRef.Relative end = (TimeRef.Relative) plan.phases().get(1).end();
        assertThat(end.offsetDays()).isEqualTo(-1);
        assertThat(end.edge()).isEqualTo(Edge.START);
        assertThat(end.relation()).isEqualTo(Relation.BEFORE);
        assertThat(plan.document().signer()).isNull();
    }

    @Test
    void aReportIsNotAPlan() {
        Plan plan = parse("report-not-a-plan.txt", PlanTexts::viaReader);
        assertThat(plan.document().kind()).isEqualTo("BC");
        assertThat(plan.document().symbol()).isEqualTo("12-BC/ĐU");
        assertThat(plan.document().title()).isEqualTo("kết quả công tác tuyên truyền 6 tháng đầu năm 2025");
        assertThat(codes(plan)).contains("not-a-plan");
        assertThat(plan.bases()).extracting(DocumentRef::issuer).containsExactly("Ban Thường vụ Đảng ủy");
    }

    @Test
    void textWithoutAnyPlanInItReadsAsNotAPlan() {
        Plan plan = PlanParser.parse(PlanTexts.lineByLine("Hôm nay trời đẹp.\nChúng tôi đi chơi công viên."));
        assertThat(codes(plan)).contains("not-a-plan", "missing-number");
        assertThat(plan.assignments()).isEmpty();
        assertThat(plan.phases()).isEmpty();
        Plan empty = PlanParser.parse(new DocumentText(SourceFormat.TXT, List.of(), List.of()));
        assertThat(codes(empty)).contains("not-a-plan");
    }

    @Test
    void theReadersWarningsComeThrough() {
        Warning legacy = new Warning("legacy-encoding", "Văn bản dùng bảng mã TCVN3", "toàn văn");
        DocumentText text = new DocumentText(SourceFormat.TXT, PlanTexts.lineByLine("KẾ HOẠCH\nabc").blocks(),
                List.of(legacy));
        assertThat(PlanParser.parse(text).warnings()).contains(legacy);
    }
}
