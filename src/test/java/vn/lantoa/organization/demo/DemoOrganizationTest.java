package vn.lantoa.organization.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.Units;

/**
 * The demo organization is there after the first start (the test profile has the demo on), built from the units of
 * the four seed plans, and it is loaded once.
 */
@SpringBootTest
class DemoOrganizationTest {

    @Autowired
    Units units;

    @Autowired
    DemoOrganization demo;

    private Unit unit(String shortName) {
        return units.byShortName(shortName)
                .orElseThrow(() -> new AssertionError("no single open demo unit named " + shortName));
    }

    private Unit parentOf(String shortName) {
        return units.get(unit(shortName).parentId());
    }

    @Test
    void everyUnitOfTheFileIsThereUnderItsParent() throws IOException {
        String csv = new String(DemoOrganization.content(), StandardCharsets.UTF_8);
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(csv)).getRecords();
        assertThat(rows).hasSizeGreaterThan(60);
        for (CSVRecord row : rows) {
            Unit unit = unit(row.get("short_name"));
            assertThat(unit.name()).isEqualTo(row.get("name"));
            assertThat(unit.kind()).isEqualTo(UnitKind.valueOf(row.get("kind")));
            if (row.get("parent").isEmpty()) {
                assertThat(unit.parentId()).as(unit.shortName()).isNull();
            } else {
                String parentShortName = rows.stream().filter(r -> r.get("key").equals(row.get("parent")))
                        .findFirst().orElseThrow().get("short_name");
                assertThat(units.get(unit.parentId()).shortName()).as(unit.shortName()).isEqualTo(parentShortName);
            }
        }
    }

    @Test
    void theIssuersOfTheSeedPlansSitWhereTheirPlansSay() {
        assertThat(parentOf("Thành ủy Phan Rang - Tháp Chàm").shortName()).isEqualTo("Tỉnh ủy Ninh Thuận");
        assertThat(unit("Thành ủy Phan Rang - Tháp Chàm").code()).isEqualTo("TU");
        assertThat(parentOf("Ban Tuyên giáo Thành ủy Phan Rang - Tháp Chàm").shortName())
                .isEqualTo("Thành ủy Phan Rang - Tháp Chàm");
        assertThat(parentOf("UBND phường Kinh Dinh").shortName()).isEqualTo("UBND thành phố Phan Rang - Tháp Chàm");
        assertThat(parentOf("Hội LHPN thành phố Phan Rang - Tháp Chàm").shortName())
                .isEqualTo("UBMTTQ thành phố Phan Rang - Tháp Chàm");

        Unit anDuong = unit("UBND phường An Dương");
        assertThat(anDuong.name()).isEqualTo("Ủy ban nhân dân phường An Dương");
        assertThat(units.get(anDuong.parentId()).shortName()).isEqualTo("UBND thành phố Hải Phòng");
        assertThat(units.children(anDuong.id())).extracting(Unit::kind).contains(UnitKind.SPECIALISED_OFFICE,
                UnitKind.POLICE, UnitKind.SCHOOL, UnitKind.RESIDENTIAL_GROUP);
        // the ward exists since the 2025 reform: no district level in between, and no version before 1/7/2025
        assertThat(anDuong.depth()).isEqualTo(2);
        assertThat(units.asOf(anDuong.id(), LocalDate.of(2025, 6, 30))).isEmpty();
        assertThat(units.asOf(anDuong.id(), LocalDate.of(2025, 8, 1))).isPresent();

        assertThat(parentOf("UBND thành phố Tân Uyên").shortName()).isEqualTo("Thành ủy Tân Uyên");
        assertThat(units.children(unit("UBND thành phố Tân Uyên").id())).extracting(Unit::shortName)
                .contains("Phòng VH-TT thành phố Tân Uyên", "Công an thành phố Tân Uyên", "UBND phường Uyên Hưng");

        Unit duk = unit("Đảng ủy Khối CQ&DN tỉnh Yên Bái");
        assertThat(duk.code()).isEqualTo("ĐUK");
        assertThat(units.get(duk.parentId()).shortName()).isEqualTo("Tỉnh ủy Yên Bái");
        assertThat(units.children(duk.id())).extracting(Unit::kind).contains(UnitKind.PARTY_COMMITTEE,
                UnitKind.PARTY_CELL, UnitKind.PARTY_BOARD);
        assertThat(units.search("dang uy khoi", null, false, 20)).contains(duk);
    }

    @Test
    void theDemoIsLoadedOnlyOnce() {
        long before = units.countBelow(unit("Tỉnh ủy Ninh Thuận").id());

        demo.run(null);

        assertThat(units.countBelow(unit("Tỉnh ủy Ninh Thuận").id())).isEqualTo(before);
        assertThat(units.withShortName("Tỉnh ủy Ninh Thuận", true)).hasSize(1);
    }
}
