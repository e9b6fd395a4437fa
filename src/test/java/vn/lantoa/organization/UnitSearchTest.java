package vn.lantoa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.shared.VietnameseText;

/**
 * Vietnamese names are found and sorted the way a person expects: typed without diacritics, with the old or the new
 * tone placement, in Unicode NFD as Unikey types it; sorted by ICU's Vietnamese collation.
 */
@SpringBootTest
class UnitSearchTest {

    @Autowired
    UnitManagement management;

    @Autowired
    Units units;

    String token;
    Unit root;
    Unit uyBanNew;
    Unit uyBanOld;
    Unit dang;
    Unit haGiang;
    Unit haLong;
    Unit haiPhong;
    Unit dangKy;

    @BeforeEach
    void units() {
        token = TestActor.token();
        root = create(null, "Gốc " + token, UnitKind.OTHER);
        // Ủy: tone mark on U (new style); Uỷ: on y (old style); both fold to "uy"
        uyBanNew = create(root, "Ủy ban nhân dân phường " + token, UnitKind.PEOPLES_COMMITTEE);
        uyBanOld = create(root, "Uỷ ban Mặt trận Tổ quốc " + token, UnitKind.FATHERLAND_FRONT);
        dang = create(root, "Đảng ủy Khối " + token, UnitKind.PARTY_COMMITTEE);
        dangKy = create(root, "Phòng Đăng ký kinh doanh " + token, UnitKind.SPECIALISED_OFFICE);
        haiPhong = create(root, "Hải Phòng " + token, UnitKind.OTHER);
        haLong = create(root, "Hạ Long " + token, UnitKind.OTHER);
        haGiang = create(root, "Hà Giang " + token, UnitKind.OTHER);
    }

    private Unit create(Unit parent, String name, UnitKind kind) {
        return management.create(TestActor.admin(),
                new NewUnit(parent == null ? null : parent.id(), name, null, kind, null, null, null));
    }

    @Test
    void uyBanFindsBothTonePlacements() {
        assertThat(uyBanOld.name()).startsWith("U\u1EF7 ban"); // U + ỷ: the file keeps the old placement
        assertThat(VietnameseText.matches("Ủy ban nhân dân", "uy ban")).isTrue();
        assertThat(VietnameseText.matches("Uỷ ban nhân dân", "uy ban")).isTrue();
        assertThat(VietnameseText.matches("Đảng ủy", "uy ban")).isFalse();

        List<Unit> found = units.search("uy ban", root.id(), false, 50);

        assertThat(found).containsExactlyInAnyOrder(uyBanNew, uyBanOld);
        assertThat(units.search("Ủy ban", root.id(), false, 50)).containsExactlyInAnyOrder(uyBanNew, uyBanOld);
        assertThat(units.search("UỶ BAN", root.id(), false, 50)).containsExactlyInAnyOrder(uyBanNew, uyBanOld);
    }

    @Test
    void wordsTypedAreStartsOfWordsInTheirOrderNotNecessarilyAdjacent() {
        assertThat(units.search("uy ban phuong", root.id(), false, 50)).containsExactly(uyBanNew);
        assertThat(units.search("uy ph", root.id(), false, 50)).containsExactly(uyBanNew);
        assertThat(units.search("phuong uy ban", root.id(), false, 50)).isEmpty();
        assertThat(units.search("ban phuong", root.id(), false, 50)).containsExactly(uyBanNew);
        assertThat(units.search("an phuong", root.id(), false, 50)).isEmpty();
    }

    @Test
    void dangFindsDangWithItsStrokeAndNotMidWord() {
        assertThat(VietnameseText.matches("Đảng ủy Khối", "dang")).isTrue();

        assertThat(units.search("dang", root.id(), false, 50)).containsExactlyInAnyOrder(dang, dangKy);
        assertThat(units.search("dang uy", root.id(), false, 50)).containsExactly(dang);
        assertThat(units.search("đảng ủy khối", root.id(), false, 50)).containsExactly(dang);
        // "ang" starts no word of these names
        assertThat(units.search("ang", root.id(), false, 50)).isEmpty();
    }

    @Test
    void whatUnikeyTypesInNfdIsFoundAndStoredInNfc() {
        String nfd = Normalizer.normalize("Trường Tiểu học " + token, Normalizer.Form.NFD);
        Unit school = create(root, nfd, UnitKind.SCHOOL);

        assertThat(school.name()).isEqualTo(Normalizer.normalize(nfd, Normalizer.Form.NFC));
        assertThat(units.search(Normalizer.normalize("trường tiểu", Normalizer.Form.NFD), root.id(), false, 50))
                .containsExactly(school);
        assertThat(units.search("truong tieu hoc", root.id(), false, 50)).containsExactly(school);
    }

    @Test
    void namesSortAsAVietnameseReaderExpects() {
        List<String> names = new ArrayList<>(List.of("Hải Phòng", "Hạ Long", "Hà Giang"));
        names.sort(VietnameseText.byName());
        assertThat(names).containsExactly("Hà Giang", "Hạ Long", "Hải Phòng");

        assertThat(units.search("h", root.id(), false, 50)).containsExactly(haGiang, haLong, haiPhong);
        List<Unit> children = units.children(root.id());
        assertThat(children.indexOf(haGiang)).isLessThan(children.indexOf(haLong));
        assertThat(children.indexOf(haLong)).isLessThan(children.indexOf(haiPhong));
        // Đ is a letter of its own, after D and before E; U after P
        assertThat(children.indexOf(dang)).isLessThan(children.indexOf(haGiang));
        assertThat(children.indexOf(uyBanNew)).isGreaterThan(children.indexOf(haiPhong));
    }

    @Test
    void theCodeAndTheShortNameAreSearchedToo() {
        Unit board = management.create(TestActor.admin(), new NewUnit(root.id(), "Ban Tuyên giáo Thành ủy " + token,
                "BTG Thành ủy " + token, UnitKind.PARTY_BOARD, null, "BTGTU", null));

        assertThat(units.search("btgtu", root.id(), false, 50)).containsExactly(board);
        assertThat(units.search("btg thanh", root.id(), false, 50)).containsExactly(board);
        assertThat(units.byShortName("BTG Thành ủy " + token)).contains(board);
        assertThat(units.byShortName("btg thanh uy " + token)).contains(board);
        assertThat(units.byShortName("BTG Thành ủy")).isEmpty();
    }

    @Test
    void aSearchIsLimitedAndCanSpanTheWholeTree() {
        assertThat(units.search(token, null, false, 3)).hasSize(3);
        assertThat(units.search(token, null, false, 100)).hasSize(8);
    }
}
