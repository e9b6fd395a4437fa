package vn.lantoa.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.lantoa.shared.Problem;

/** The tree's shape: paths and subtrees, moves, effective-dated renames, merges, closing, versions and scope. */
@SpringBootTest
@RecordApplicationEvents
class UnitManagementTest {

    private static final LocalDate LONG_AGO = LocalDate.of(2020, 1, 1);

    @Autowired
    UnitManagement management;

    @Autowired
    Units units;

    @Autowired
    ApplicationEvents events;

    final TestActor admin = TestActor.admin();

    String token;
    Unit root;

    @BeforeEach
    void tree() {
        token = TestActor.token();
        root = create(null, "Tỉnh ủy " + token, UnitKind.PARTY_COMMITTEE);
    }

    private Unit create(Unit parent, String name, UnitKind kind) {
        return management.create(admin, new NewUnit(parent == null ? null : parent.id(), name, name, kind, null,
                "TU", LONG_AGO));
    }

    private Unit reload(Unit unit) {
        return units.get(unit.id());
    }

    private static Problem problem(Runnable action) {
        try {
            action.run();
        } catch (Problem p) {
            return p;
        }
        throw new AssertionError("expected a Problem");
    }

    @Test
    void pathsDepthsSubtreesAndAncestorsFollowTheTree() {
        Unit a = create(root, "Thành ủy A " + token, UnitKind.PARTY_COMMITTEE);
        Unit b = create(root, "Thành ủy B " + token, UnitKind.PARTY_COMMITTEE);
        Unit a1 = create(a, "UBND thành phố A " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit a11 = create(a1, "UBND phường A1 " + token, UnitKind.PEOPLES_COMMITTEE);

        assertThat(root.path()).isEqualTo("/" + root.id() + "/");
        assertThat(a11.path()).isEqualTo("/" + root.id() + "/" + a.id() + "/" + a1.id() + "/" + a11.id() + "/");
        assertThat(List.of(root.depth(), a.depth(), a1.depth(), a11.depth())).containsExactly(0, 1, 2, 3);
        assertThat(a1.system()).isEqualTo(UnitSystem.STATE);

        List<Unit> all = units.subtree(root.id());
        assertThat(all).extracting(Unit::id).containsExactlyInAnyOrder(root.id(), a.id(), a1.id(), a11.id(), b.id());
        for (int i = 1; i < all.size(); i++) {
            // path order: every unit after its parent
            assertThat(all.subList(0, i)).extracting(Unit::id).contains(all.get(i).parentId());
        }
        assertThat(units.subtree(a.id())).extracting(Unit::id).containsExactly(a.id(), a1.id(), a11.id());
        assertThat(units.subtree(b.id())).extracting(Unit::id).containsExactly(b.id());
        assertThat(units.countBelow(root.id())).isEqualTo(4);
        assertThat(units.ancestors(a11.id())).extracting(Unit::id).containsExactly(root.id(), a.id(), a1.id());
        assertThat(units.ancestors(root.id())).isEmpty();
        assertThat(units.children(root.id())).extracting(Unit::id).containsExactly(a.id(), b.id());
        assertThat(root.contains(a11)).isTrue();
        assertThat(b.contains(a11)).isFalse();
    }

    @Test
    void theUpperBoundOfAPathExcludesSiblingsWhoseIdStartsTheSame() {
        String p = "/1/7/";
        String upper = Units.upperBound(p);
        assertThat(upper).isEqualTo("/1/70");
        assertThat("/1/7/42/").isGreaterThanOrEqualTo(p).isLessThan(upper);
        assertThat("/1/7/").isGreaterThanOrEqualTo(p).isLessThan(upper);
        assertThat("/1/70/").isGreaterThanOrEqualTo(upper);
        assertThat("/1/71/").isGreaterThanOrEqualTo(upper);
        assertThat("/1/6/9/").isLessThan(p);
    }

    @Test
    void aMoveTakesTheWholeSubtreeAlongAndRewritesEveryPathAndDepth() {
        Unit a = create(root, "Thành ủy A " + token, UnitKind.PARTY_COMMITTEE);
        Unit b = create(root, "Thành ủy B " + token, UnitKind.PARTY_COMMITTEE);
        Unit b1 = create(b, "Đảng ủy phường B1 " + token, UnitKind.PARTY_COMMITTEE);
        Unit a1 = create(a, "UBND thành phố A " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit a11 = create(a1, "UBND phường A11 " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit a111 = create(a11, "Tổ dân phố 3 " + token, UnitKind.RESIDENTIAL_GROUP);
        Unit a2 = create(a, "Ban Tuyên giáo A " + token, UnitKind.PARTY_BOARD);

        Unit moved = management.move(admin, a1.id(), b1.id(), a1.version(), null);

        assertThat(moved.parentId()).isEqualTo(b1.id());
        assertThat(moved.version()).isEqualTo(a1.version() + 1);
        assertThat(moved.path()).isEqualTo(b1.path() + a1.id() + "/");
        assertThat(moved.depth()).isEqualTo(3);
        assertThat(reload(a11).path()).isEqualTo(b1.path() + a1.id() + "/" + a11.id() + "/");
        assertThat(reload(a11).depth()).isEqualTo(4);
        assertThat(reload(a111).path()).isEqualTo(b1.path() + a1.id() + "/" + a11.id() + "/" + a111.id() + "/");
        assertThat(reload(a111).depth()).isEqualTo(5);
        assertThat(reload(a111).parentId()).isEqualTo(a11.id());
        // what stayed behind is untouched
        assertThat(reload(a2)).isEqualTo(a2);
        assertThat(reload(b)).isEqualTo(b);
        assertThat(units.subtree(a.id())).extracting(Unit::id).containsExactly(a.id(), a2.id());
        assertThat(units.subtree(b.id())).extracting(Unit::id)
                .containsExactlyInAnyOrder(b.id(), b1.id(), a1.id(), a11.id(), a111.id());
        assertThat(units.ancestors(a111.id())).extracting(Unit::id)
                .containsExactly(root.id(), b.id(), b1.id(), a1.id(), a11.id());
        assertThat(events.stream(UnitMoved.class).filter(e -> e.unitId() == a1.id()))
                .singleElement().satisfies(e -> {
                    assertThat(e.oldPath()).isEqualTo(a1.path());
                    assertThat(e.newPath()).isEqualTo(moved.path());
                    assertThat(e.oldParentId()).isEqualTo(a.id());
                });
        // the history knows where it hung before
        assertThat(units.asOf(a1.id(), LONG_AGO).orElseThrow().parentId()).isEqualTo(a.id());
        assertThat(units.asOf(a1.id(), management.today()).orElseThrow().parentId()).isEqualTo(b1.id());
    }

    @Test
    void aUnitCannotMoveUnderItselfOrItsOwnDescendant() {
        Unit a = create(root, "Thành ủy A " + token, UnitKind.PARTY_COMMITTEE);
        Unit a1 = create(a, "UBND thành phố A " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit a11 = create(a1, "UBND phường A11 " + token, UnitKind.PEOPLES_COMMITTEE);

        Problem underGrandchild = problem(() -> management.move(admin, a.id(), a11.id(), a.version(), null));
        Problem underItself = problem(() -> management.move(admin, a.id(), a.id(), a.version(), null));

        assertThat(underGrandchild.code()).isEqualTo("UNIT_MOVE_UNDER_DESCENDANT");
        assertThat(underGrandchild.status()).isEqualTo(409);
        assertThat(underItself.code()).isEqualTo("UNIT_MOVE_UNDER_DESCENDANT");
        assertThat(units.subtree(root.id())).containsExactlyInAnyOrder(reload(root), a, a1, a11);
    }

    @Test
    void aRenameIsEffectiveDatedAndTheOldNameStaysForTheDatesBefore() {
        Unit board = management.create(admin, new NewUnit(root.id(), "Ban Tuyên giáo Tỉnh ủy " + token,
                "BTG " + token, UnitKind.PARTY_BOARD, null, "BTGTU", LocalDate.of(2020, 3, 1)));
        LocalDate merger = LocalDate.of(2025, 7, 1);

        Unit renamed = management.update(admin, board.id(), new UnitChange("Ban Tuyên giáo và Dân vận Tỉnh ủy " + token,
                "BTGDV " + token, "BTGDVTU", UnitKind.PARTY_BOARD, null, board.version(), merger));

        assertThat(renamed.name()).isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy " + token);
        assertThat(renamed.code()).isEqualTo("BTGDVTU");
        assertThat(renamed.version()).isEqualTo(board.version() + 1);
        UnitVersion in2024 = units.asOf(board.id(), LocalDate.of(2024, 12, 31)).orElseThrow();
        assertThat(in2024.name()).isEqualTo("Ban Tuyên giáo Tỉnh ủy " + token);
        assertThat(in2024.code()).isEqualTo("BTGTU");
        assertThat(in2024.validTo()).isEqualTo(merger);
        assertThat(units.asOf(board.id(), LocalDate.of(2025, 6, 30)).orElseThrow().name())
                .isEqualTo("Ban Tuyên giáo Tỉnh ủy " + token);
        assertThat(units.asOf(board.id(), merger).orElseThrow().name())
                .isEqualTo("Ban Tuyên giáo và Dân vận Tỉnh ủy " + token);
        assertThat(units.asOf(board.id(), LocalDate.of(2020, 2, 29))).isEmpty();
        assertThat(units.history(board.id())).hasSize(2);
        assertThat(events.stream(UnitRenamed.class).filter(e -> e.unitId() == board.id())).hasSize(1);

        // a change dated before the last one would rewrite history: refused, and nothing changes
        Problem backdated = problem(() -> management.update(admin, board.id(), new UnitChange("Khác " + token,
                "Khác " + token, null, UnitKind.PARTY_BOARD, null, renamed.version(), LocalDate.of(2025, 1, 1))));
        assertThat(backdated.code()).isEqualTo("EFFECTIVE_DATE_BEFORE_LAST_CHANGE");
        assertThat(reload(board)).isEqualTo(renamed);
        assertThat(units.history(board.id())).hasSize(2);

        Problem future = problem(() -> management.update(admin, board.id(), new UnitChange("Khác " + token,
                "Khác " + token, null, UnitKind.PARTY_BOARD, null, renamed.version(), management.today().plusDays(1))));
        assertThat(future.code()).isEqualTo("EFFECTIVE_DATE_IN_FUTURE");
        assertThat(reload(board)).isEqualTo(renamed);
    }

    @Test
    void anUpdateCarryingAStaleVersionIsRefusedAndChangesNothing() {
        Unit unit = create(root, "Ban Dân vận " + token, UnitKind.PARTY_BOARD);
        Unit first = management.update(admin, unit.id(), new UnitChange("Ban Dân vận Tỉnh ủy " + token,
                "BDV " + token, "BDVTU", UnitKind.PARTY_BOARD, null, unit.version(), null));

        Problem stale = problem(() -> management.update(admin, unit.id(), new UnitChange("Tên khác " + token,
                "Khác " + token, "K", UnitKind.PARTY_BOARD, null, unit.version(), null)));

        assertThat(stale.code()).isEqualTo("STALE_VERSION");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(reload(unit)).isEqualTo(first);
        Unit target = create(root, "Đích " + token, UnitKind.OTHER);
        Problem staleMove = problem(() -> management.move(admin, unit.id(), target.id(), unit.version(), null));
        assertThat(staleMove.code()).isEqualTo("STALE_VERSION");
        assertThat(reload(unit)).isEqualTo(first);
    }

    @Test
    void aMergedUnitClosesPointsToItsSuccessorAndItsChildrenMoveThere() {
        Unit oldWard = create(root, "Ủy ban nhân dân phường Cũ " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit group = create(oldWard, "Tổ dân phố 1 " + token, UnitKind.RESIDENTIAL_GROUP);
        Unit school = create(oldWard, "Trường Tiểu học " + token, UnitKind.SCHOOL);
        Unit cell = create(group, "Chi bộ Tổ dân phố 1 " + token, UnitKind.PARTY_CELL);
        Unit city = create(root, "UBND thành phố " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit newWard = create(city, "Ủy ban nhân dân phường Mới " + token, UnitKind.PEOPLES_COMMITTEE);
        LocalDate on = LocalDate.of(2025, 7, 1);

        Unit merged = management.merge(admin, oldWard.id(), newWard.id(), oldWard.version(), on);

        assertThat(merged.closed()).isTrue();
        assertThat(merged.successorId()).isEqualTo(newWard.id());
        assertThat(merged.parentId()).isEqualTo(newWard.id());
        assertThat(units.closedOn(oldWard.id())).contains(on);
        assertThat(units.current(oldWard.id())).isEqualTo(reload(newWard));
        assertThat(reload(group).parentId()).isEqualTo(newWard.id());
        assertThat(reload(group).path()).isEqualTo(newWard.path() + group.id() + "/");
        assertThat(reload(school).parentId()).isEqualTo(newWard.id());
        assertThat(reload(cell).path()).isEqualTo(newWard.path() + group.id() + "/" + cell.id() + "/");
        assertThat(reload(cell).depth()).isEqualTo(reload(group).depth() + 1);
        assertThat(units.children(oldWard.id())).isEmpty();
        // the successor's subtree now holds the merged unit (its figures roll up) and its former children
        assertThat(units.subtree(newWard.id())).extracting(Unit::id)
                .containsExactlyInAnyOrder(newWard.id(), oldWard.id(), group.id(), school.id(), cell.id());
        // a 2024 plan still shows the issuer as it was, where it was
        UnitVersion in2024 = units.asOf(oldWard.id(), LocalDate.of(2024, 12, 31)).orElseThrow();
        assertThat(in2024.name()).isEqualTo("Ủy ban nhân dân phường Cũ " + token);
        assertThat(in2024.parentId()).isEqualTo(root.id());
        assertThat(units.asOf(group.id(), LocalDate.of(2024, 12, 31)).orElseThrow().parentId())
                .isEqualTo(oldWard.id());
        assertThat(units.asOf(group.id(), on).orElseThrow().parentId()).isEqualTo(newWard.id());
        assertThat(events.stream(UnitsMerged.class).filter(e -> e.mergedUnitId() == oldWard.id())).singleElement()
                .satisfies(e -> assertThat(e.movedChildIds()).containsExactlyInAnyOrder(group.id(), school.id()));
        // the merged unit is closed: it takes no more writes
        assertThat(problem(() -> management.update(admin, oldWard.id(), new UnitChange("X " + token, "X", null,
                UnitKind.OTHER, null, merged.version(), null))).code()).isEqualTo("UNIT_CLOSED");
    }

    @Test
    void aUnitCannotBeMergedIntoItselfOrItsDescendant() {
        Unit ward = create(root, "Phường " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit group = create(ward, "Tổ dân phố " + token, UnitKind.RESIDENTIAL_GROUP);

        assertThat(problem(() -> management.merge(admin, ward.id(), group.id(), ward.version(), null)).code())
                .isEqualTo("UNIT_MERGE_INVALID");
        assertThat(problem(() -> management.merge(admin, ward.id(), ward.id(), ward.version(), null)).code())
                .isEqualTo("UNIT_MERGE_INVALID");
        assertThat(reload(ward)).isEqualTo(ward);
        assertThat(reload(group)).isEqualTo(group);
    }

    @Test
    void aClosedUnitIsReadableButTakesNoWrites() {
        Unit ward = create(root, "Phường Đóng " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit group = create(ward, "Tổ dân phố 9 " + token, UnitKind.RESIDENTIAL_GROUP);
        Unit other = create(root, "Phường Khác " + token, UnitKind.PEOPLES_COMMITTEE);

        Problem openChildren = problem(() -> management.close(admin, ward.id(), ward.version(), null));
        assertThat(openChildren.code()).isEqualTo("UNIT_HAS_OPEN_CHILDREN");
        assertThat(reload(ward).closed()).isFalse();

        Unit closedGroup = management.close(admin, group.id(), group.version(), LocalDate.of(2025, 6, 30));
        Unit closed = management.close(admin, ward.id(), ward.version(), null);
        assertThat(closed.closed()).isTrue();
        assertThat(closedGroup.closed()).isTrue();
        assertThat(units.closedOn(group.id())).contains(LocalDate.of(2025, 6, 30));
        assertThat(events.stream(UnitClosed.class).filter(e -> e.unitId() == ward.id())).hasSize(1);

        List<Problem> refusals = List.of(
                problem(() -> management.update(admin, ward.id(), new UnitChange("Mới " + token, "Mới", null,
                        UnitKind.PEOPLES_COMMITTEE, null, closed.version(), null))),
                problem(() -> management.create(admin, new NewUnit(ward.id(), "Con " + token, null,
                        UnitKind.RESIDENTIAL_GROUP, null, null, null))),
                problem(() -> management.move(admin, ward.id(), other.id(), closed.version(), null)),
                problem(() -> management.move(admin, other.id(), ward.id(), other.version(), null)),
                problem(() -> management.close(admin, ward.id(), closed.version(), null)),
                problem(() -> management.merge(admin, ward.id(), other.id(), closed.version(), null)),
                problem(() -> management.merge(admin, other.id(), ward.id(), other.version(), null)));
        assertThat(refusals).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("UNIT_CLOSED");
            assertThat(p.status()).isEqualTo(409);
        });
        assertThat(reload(ward)).isEqualTo(closed);
        assertThat(reload(other)).isEqualTo(other);
        assertThat(units.children(ward.id())).containsExactly(closedGroup);
        // still readable, as it was
        assertThat(units.get(ward.id()).name()).isEqualTo("Phường Đóng " + token);
        assertThat(units.search("phuong dong", root.id(), false, 10)).isEmpty();
        assertThat(units.search("phuong dong", root.id(), true, 10)).containsExactly(closed);
    }

    @Test
    void aUnitAdministratorChangesOnlyTheOwnSubtree() {
        Unit city = create(root, "Thành ủy " + token, UnitKind.PARTY_COMMITTEE);
        Unit own = create(city, "UBND thành phố " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit ward = create(own, "UBND phường An Dương " + token, UnitKind.PEOPLES_COMMITTEE);
        Unit group = create(ward, "Tổ dân phố 3 " + token, UnitKind.RESIDENTIAL_GROUP);
        Unit front = create(city, "Ủy ban MTTQ thành phố " + token, UnitKind.FATHERLAND_FRONT);
        Unit otherProvince = create(null, "Tỉnh ủy khác " + token, UnitKind.PARTY_COMMITTEE);
        TestActor unitAdmin = TestActor.unitAdmin(own);

        // allowed: inside the own subtree
        Unit child = management.create(unitAdmin, new NewUnit(ward.id(), "Tổ dân phố 4 " + token, null,
                UnitKind.RESIDENTIAL_GROUP, null, null, null));
        Unit renamedOwn = management.update(unitAdmin, own.id(), new UnitChange(own.name() + " mới", own.shortName(),
                "UBND", UnitKind.PEOPLES_COMMITTEE, null, own.version(), null));
        Unit movedGroup = management.move(unitAdmin, group.id(), own.id(), group.version(), null);
        assertThat(child.parentId()).isEqualTo(ward.id());
        assertThat(renamedOwn.name()).endsWith(" mới");
        assertThat(movedGroup.parentId()).isEqualTo(own.id());

        // refused: the own unit moved or closed, anything outside, a move to outside, a root
        List<Problem> refusals = List.of(
                problem(() -> management.move(unitAdmin, own.id(), front.id(), renamedOwn.version(), null)),
                problem(() -> management.move(unitAdmin, ward.id(), front.id(), ward.version(), null)),
                problem(() -> management.move(unitAdmin, ward.id(), otherProvince.id(), ward.version(), null)),
                problem(() -> management.close(unitAdmin, own.id(), renamedOwn.version(), null)),
                problem(() -> management.update(unitAdmin, city.id(), new UnitChange("X", "X", null,
                        UnitKind.PARTY_COMMITTEE, null, city.version(), null))),
                problem(() -> management.create(unitAdmin, new NewUnit(city.id(), "Ban mới " + token, null,
                        UnitKind.PARTY_BOARD, null, null, null))),
                problem(() -> management.create(unitAdmin, new NewUnit(null, "Tỉnh mới " + token, null,
                        UnitKind.PARTY_COMMITTEE, null, null, null))),
                problem(() -> management.merge(unitAdmin, ward.id(), front.id(), ward.version(), null)),
                problem(() -> management.merge(unitAdmin, own.id(), ward.id(), renamedOwn.version(), null)));
        assertThat(refusals).allSatisfy(p -> {
            assertThat(p.code()).isEqualTo("FORBIDDEN");
            assertThat(p.status()).isEqualTo(403);
        });
        assertThat(reload(own)).isEqualTo(renamedOwn);
        assertThat(reload(ward)).isEqualTo(ward);
        assertThat(reload(city)).isEqualTo(city);
        assertThat(units.children(city.id())).extracting(Unit::id).containsExactlyInAnyOrder(own.id(), front.id());

        // a reader changes nothing, even in the own unit
        TestActor reader = TestActor.reader(ward);
        assertThat(problem(() -> management.create(reader, new NewUnit(ward.id(), "Tổ " + token, null,
                UnitKind.RESIDENTIAL_GROUP, null, null, null))).code()).isEqualTo("FORBIDDEN");
        assertThat(problem(() -> management.update(reader, ward.id(), new UnitChange("X", "X", null,
                UnitKind.PEOPLES_COMMITTEE, null, ward.version(), null))).code()).isEqualTo("FORBIDDEN");
        assertThat(problem(() -> management.update(null, ward.id(), new UnitChange("X", "X", null,
                UnitKind.PEOPLES_COMMITTEE, null, ward.version(), null))).code()).isEqualTo("FORBIDDEN");
    }

    @Test
    void fieldsAreCheckedAndNormalised() {
        String decomposed = java.text.Normalizer.normalize("Ủy ban nhân dân " + token, java.text.Normalizer.Form.NFD);
        Unit unit = management.create(admin, new NewUnit(root.id(), "  " + decomposed + "  ", null,
                UnitKind.PEOPLES_COMMITTEE, null, "ubnd", null));
        assertThat(unit.name()).isEqualTo("Ủy ban nhân dân " + token);
        assertThat(unit.shortName()).isEqualTo(unit.name());
        assertThat(unit.code()).isEqualTo("UBND");
        assertThat(units.asOf(unit.id(), management.today())).isPresent();

        assertThat(problem(() -> management.create(admin, new NewUnit(root.id(), " ", null, UnitKind.OTHER, null,
                null, null))).code()).isEqualTo("UNIT_NAME_REQUIRED");
        assertThat(problem(() -> management.create(admin, new NewUnit(root.id(), "Tên " + token, null, null, null,
                null, null))).code()).isEqualTo("UNIT_KIND_REQUIRED");
        assertThat(problem(() -> management.create(admin, new NewUnit(root.id(), "Tên " + token, null,
                UnitKind.OTHER, null, "KH/TU", null))).code()).isEqualTo("UNIT_CODE_INVALID");
        assertThat(problem(() -> management.create(admin, new NewUnit(root.id() + 1_000_000_000L, "Tên " + token,
                null, UnitKind.OTHER, null, null, null))).status()).isEqualTo(404);
        assertThat(units.children(root.id())).containsExactly(unit);
    }
}
