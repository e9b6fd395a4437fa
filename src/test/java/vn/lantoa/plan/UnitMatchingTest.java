package vn.lantoa.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.importing.DocumentReader;
import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanParser;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Role;

/**
 * Assignment headings matched to units: the seeds' headings against the demo tree (organization/demo-units.csv), as
 * the importer reads them, and trees built here for what the seeds do not show (ambiguity, abbreviations, NFD).
 */
@SpringBootTest
class UnitMatchingTest {

    @Autowired
    UnitMatching matching;

    @Autowired
    Units units;

    @Autowired
    UnitManagement management;

    Unit demo(String shortName) {
        return units.withShortName(shortName, false).stream().filter(u -> u.name() != null).findFirst()
                .orElseThrow(() -> new AssertionError("demo unit " + shortName));
    }

    static Plan seed(String name) throws Exception {
        Path dir = List.of(Path.of("../shared/seeds"), Path.of("../../shared/seeds"), Path.of("/work/shared/seeds"))
                .stream().filter(Files::isDirectory).findFirst().orElseThrow();
        return PlanParser.parse(new DocumentReader(ImportLimits.DEFAULT).read(dir.resolve(name + ".txt"),
                name + ".txt"));
    }

    List<AssignmentMatch> matchAll(Unit issuer, Plan plan) {
        UnitMatcher matcher = matching.matcher(issuer.id());
        return java.util.stream.IntStream.range(0, plan.assignments().size())
                .mapToObj(i -> matcher.match(i, plan.assignments().get(i).unit(), plan.assignments().get(i).role()))
                .toList();
    }

    Set<String> names(AssignmentMatch m) {
        return m.unitIds().stream().map(id -> units.get(id).shortName()).collect(Collectors.toSet());
    }

    @Test
    void theFiveHeadingsOf354AreMatchedUnderTheCityPartyCommittee() throws Exception {
        Plan plan = seed("002_18cca47a10fba1ef");
        for (Unit issuer : List.of(demo("Thành ủy Phan Rang - Tháp Chàm"),
                demo("Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm"))) {
            List<AssignmentMatch> m = matchAll(issuer, plan);
            assertThat(m).hasSize(5).allMatch(AssignmentMatch::resolved);
            assertThat(m.get(0).state()).isEqualTo(AssignmentMatch.State.GROUP);
            assertThat(names(m.get(0))).containsExactlyInAnyOrder(
                    "Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm", "Ban Dân vận Thành ủy Phan Rang - Tháp Chàm",
                    "Ban Tổ chức Thành ủy Phan Rang - Tháp Chàm", "Đảng ủy phường Kinh Dinh",
                    "Đảng ủy phường Thanh Sơn", "UBMTTQ thành phố Phan Rang - Tháp Chàm",
                    "Hội LHPN thành phố Phan Rang - Tháp Chàm", "Thành đoàn Phan Rang - Tháp Chàm",
                    "Hội Nông dân thành phố Phan Rang - Tháp Chàm", "Hội Cựu chiến binh thành phố Phan Rang - Tháp Chàm",
                    "Liên đoàn Lao động thành phố Phan Rang - Tháp Chàm");
            assertThat(names(m.get(1))).containsExactly("UBND thành phố Phan Rang - Tháp Chàm");
            assertThat(m.get(1).state()).isEqualTo(AssignmentMatch.State.MATCHED);
            assertThat(names(m.get(2))).containsExactly("Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm");
            assertThat(names(m.get(3))).containsExactly("Ban Dân vận Thành ủy Phan Rang - Tháp Chàm");
            assertThat(names(m.get(4))).containsExactly("Ban Chỉ đạo 35 thành phố Phan Rang - Tháp Chàm");
        }
    }

    @Test
    void theCityPeoplesCommitteesHeadingsAreItsOfficesTheFrontAndItsWards() throws Exception {
        Plan plan = seed("000_c09283dee7dc6ffb");
        List<AssignmentMatch> m = matchAll(demo("UBND thành phố Tân Uyên"), plan);
        assertThat(m).hasSize(10);
        assertThat(names(m.get(0))).containsExactly("Phòng VH-TT thành phố Tân Uyên");
        assertThat(names(m.get(1))).containsExactly("Văn phòng HĐND và UBND thành phố Tân Uyên");
        assertThat(names(m.get(2))).containsExactly("Trung tâm VH-TT-TT thành phố Tân Uyên");
        assertThat(names(m.get(3))).containsExactly("Phòng Nội vụ thành phố Tân Uyên");
        assertThat(names(m.get(4))).containsExactly("Phòng Tư pháp thành phố Tân Uyên");
        assertThat(names(m.get(5))).containsExactly("Phòng TC-KH thành phố Tân Uyên");
        assertThat(names(m.get(6))).containsExactly("Công an thành phố Tân Uyên");
        // "Các cơ quan chuyên môn thuộc UBND thành phố": its offices
        assertThat(m.get(7).state()).isEqualTo(AssignmentMatch.State.GROUP);
        assertThat(names(m.get(7))).contains("Phòng VH-TT thành phố Tân Uyên", "Phòng Nội vụ thành phố Tân Uyên")
                .doesNotContain("UBND phường Uyên Hưng", "Công an thành phố Tân Uyên");
        // "UBMTTQVN và các đoàn thể thành phố": requested, outside the People's Committee
        assertThat(m.get(8).role()).isEqualTo(Role.REQUESTED);
        assertThat(names(m.get(8))).containsExactlyInAnyOrder("UBMTTQ thành phố Tân Uyên",
                "Hội LHPN thành phố Tân Uyên", "Thành đoàn Tân Uyên");
        // "UBND các xã, phường"
        assertThat(names(m.get(9))).containsExactlyInAnyOrder("UBND phường Uyên Hưng", "UBND phường Tân Phước Khánh",
                "UBND phường Khánh Bình", "UBND xã Bạch Đằng");
    }

    @Test
    void theWardsHeadingsFindTheFrontBesideTheWardAndItsSchoolsAndGroups() throws Exception {
        Plan plan = seed("001_a29ead2a4e8d016a");
        List<AssignmentMatch> m = matchAll(demo("UBND phường An Dương"), plan);
        assertThat(m).hasSize(8).allMatch(AssignmentMatch::resolved);
        assertThat(names(m.get(0))).containsExactly("UBMTTQ phường An Dương");
        assertThat(names(m.get(1))).containsExactly("Phòng VH-XH phường An Dương");
        assertThat(names(m.get(2))).containsExactly("Trung tâm SNC phường An Dương");
        assertThat(names(m.get(3))).containsExactly("Văn phòng HĐND và UBND phường An Dương");
        assertThat(names(m.get(4))).containsExactly("Phòng KT-HT-ĐT phường An Dương");
        assertThat(names(m.get(5))).containsExactly("Công an phường An Dương");
        assertThat(names(m.get(6))).containsExactlyInAnyOrder("Trường Mầm non An Dương", "Trường Tiểu học An Dương",
                "Trường THCS An Dương");
        assertThat(names(m.get(7))).containsExactlyInAnyOrder("Tổ dân phố số 1 phường An Dương",
                "Tổ dân phố số 2 phường An Dương", "Tổ dân phố số 3 phường An Dương");
    }

    @Test
    void theBlocsHeadingsFindItsBoardsAndItsCellsAndLeaveTheSubcommitteeToAPerson() throws Exception {
        Plan plan = seed("004_79db2fe38eae3819");
        List<AssignmentMatch> m = matchAll(demo("Ban Tuyên giáo Đảng ủy Khối Yên Bái"), plan);
        assertThat(m).hasSize(4);
        assertThat(names(m.get(0))).containsExactly("Ban Tuyên giáo Đảng ủy Khối Yên Bái");
        // "Tiểu ban Tuyên truyền, phục vụ Đại hội X Đảng bộ Khối" is no unit of the tree: a person says so
        assertThat(m.get(1).resolved()).isFalse();
        assertThat(m.get(1).unitIds()).isEmpty();
        assertThat(names(m.get(2))).containsExactly("Ban Chỉ đạo 35 Đảng ủy Khối Yên Bái");
        assertThat(m.get(3).state()).isEqualTo(AssignmentMatch.State.GROUP);
        assertThat(names(m.get(3))).containsExactlyInAnyOrder("Đảng bộ Sở TT&TT Yên Bái", "Chi bộ Báo Yên Bái",
                "Đảng bộ Đài PT-TH Yên Bái", "Đảng bộ Sở VH-TT-DL Yên Bái", "Chi bộ Hội Nhà báo Yên Bái",
                "Chi bộ Hội VHNT Yên Bái", "Đoàn Khối CQ&DN tỉnh Yên Bái");
    }

    @Test
    void twoEquallyGoodUnitsAreOfferedNotGuessedAndAbbreviationsAndDecomposedTextMatch() {
        String t = TestActor.token();
        Unit city = create(null, "Ủy ban nhân dân thành phố Zeta " + t, "UBND thành phố Zeta " + t,
                UnitKind.PEOPLES_COMMITTEE);
        Unit w1 = create(city, "Ủy ban nhân dân phường Alpha " + t, null, UnitKind.PEOPLES_COMMITTEE);
        Unit w2 = create(city, "Ủy ban nhân dân phường Beta " + t, null, UnitKind.PEOPLES_COMMITTEE);
        Unit o1 = create(w1, "Phòng Văn hóa - Xã hội phường Alpha " + t, null, UnitKind.SPECIALISED_OFFICE);
        Unit o2 = create(w2, "Phòng Văn hóa - Xã hội phường Beta " + t, null, UnitKind.SPECIALISED_OFFICE);
        Unit hd = create(city, "Văn phòng Hội đồng nhân dân và Ủy ban nhân dân thành phố Zeta " + t, null,
                UnitKind.SPECIALISED_OFFICE);
        UnitMatcher matcher = matching.matcher(city.id());

        AssignmentMatch office = matcher.match(0, "Phòng Văn hóa - Xã hội phường", Role.LEAD);
        assertThat(office.state()).isEqualTo(AssignmentMatch.State.AMBIGUOUS);
        assertThat(office.unitIds()).isEmpty();
        assertThat(office.candidates()).containsExactlyInAnyOrder(o1.id(), o2.id());
        // from the ward, its own office is the one
        assertThat(matching.matcher(w1.id()).match(0, "Phòng Văn hóa - Xã hội phường", Role.LEAD).unitIds())
                .containsExactly(o1.id());

        assertThat(matcher.match(1, "VP HĐND và UBND TP", Role.LEAD).unitIds()).containsExactly(hd.id());
        String nfd = Normalizer.normalize("Ủy ban nhân dân phường Beta", Normalizer.Form.NFD);
        assertThat(matcher.match(2, nfd, Role.LEAD).unitIds()).containsExactly(w2.id());
        assertThat(matcher.match(3, "UBND phường Alpha", Role.LEAD).unitIds()).containsExactly(w1.id());
        assertThat(matcher.match(4, "UBND các phường", Role.LEAD).unitIds())
                .containsExactlyInAnyOrder(w1.id(), w2.id());
        AssignmentMatch nothing = matcher.match(5, "Sở Ngoại vụ", Role.LEAD);
        assertThat(nothing.state()).isEqualTo(AssignmentMatch.State.UNMATCHED);
        assertThat(nothing.unitIds()).isEmpty();
        // a longer name that merely contains the heading's words is not taken for it
        assertThat(matcher.match(6, "Ủy ban nhân dân thành phố", Role.LEAD).unitIds()).containsExactly(city.id());
    }

    Unit create(Unit parent, String name, String shortName, UnitKind kind) {
        return management.create(TestActor.admin(), new NewUnit(parent == null ? null : parent.id(), name, shortName,
                kind, null, null, LocalDate.of(2020, 1, 1)));
    }
}
