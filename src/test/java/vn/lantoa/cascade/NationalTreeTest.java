package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;

/** The generator at a small scale: the shape of the tree, its paths, its history rows (the 60k run is a benchmark). */
@SpringBootTest
class NationalTreeTest {

    @Autowired
    NationalTree generator;

    @Autowired
    Units units;

    @Autowired
    JdbcClient jdbc;

    @Test
    void smallTreeHasEveryBodyAtItsPlaceWithPathsAndHistory() {
        String tag = TestActor.token();
        NationalTree.Tree tree = generator.generate(NationalTree.Settings.small(tag));

        // per province 25 bodies, per commune 18 (2 cells here: 1 + 1 + 2 + 1 + 5 + 1 + 2 = 13), plus root and board
        int communes = tree.communes().stream().mapToInt(List::size).sum();
        assertThat(communes).isEqualTo(12);
        assertThat(tree.provinces()).hasSize(3);
        assertThat(tree.units()).isEqualTo(2 + 3 * 25 + 12 * 13);
        assertThat(units.countBelow(tree.rootId())).isEqualTo(tree.units() - 1);

        Unit province = units.get(tree.provinces().get(0));
        assertThat(province.name()).isEqualTo("Thành ủy Hà Nội " + tag);
        assertThat(province.path()).isEqualTo("/" + tree.rootId() + "/" + province.id() + "/");
        Unit commune = units.get(tree.communes().get(0).get(0));
        assertThat(commune.parentId()).isEqualTo(province.id());
        assertThat(commune.name()).startsWith("Đảng ủy ");
        List<Unit> below = units.subtree(commune.id());
        assertThat(below).hasSize(13);
        assertThat(below).allSatisfy(u -> assertThat(u.path()).isEqualTo(units.get(u.parentId() == null ? u.id()
                : u.parentId()).path() + (u.parentId() == null ? "" : u.id() + "/")));
        assertThat(below.stream().map(u -> u.kind().name()).distinct()).contains("PEOPLES_COMMITTEE",
                "FATHERLAND_FRONT", "MASS_ORGANIZATION", "POLICE", "PARTY_CELL", "SPECIALISED_OFFICE");

        long history = jdbc.sql("select count(*) from unit_history h join unit u on u.id = h.unit_id "
                + "where u.path >= :p and u.path < :upper").param("p", "/" + tree.rootId() + "/")
                .param("upper", Units.upperBound("/" + tree.rootId() + "/")).query(Long.class).single();
        assertThat(history).isEqualTo(tree.units());
        assertThat(units.search("chi bo " + tag, tree.rootId(), false, 1000)).hasSize(12 * 2);
    }
}
