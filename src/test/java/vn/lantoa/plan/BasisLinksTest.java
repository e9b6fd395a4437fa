package vn.lantoa.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.shared.Problem;

/**
 * Căn cứ → kế hoạch: a basis whose symbol is an issued plan of the issuer's line links to it (PlanIssued.basisPlanIds,
 * the cascade's edges); a basis that names no such plan stays a reference; a link closing a cycle is refused.
 */
@SpringBootTest
@RecordApplicationEvents
class BasisLinksTest {

    @Autowired
    PlanManagement management;

    @Autowired
    UnitManagement units;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEvents events;

    static String plan(String symbol, String issuedOn, String title, String bases) {
        return """
                { "format": "lantoa.plan/1",
                  "document": { "kind": "KH", "number": "%s", "symbol": "%s", "system": "party",
                    "issuedOn": "%s", "issuer": "Ban Thường vụ", "title": "%s",
                    "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M" } },
                  "bases": %s,
                  "assignments": [ { "unit": "Ủy ban nhân dân phường An Dương", "role": "lead",
                                     "tasks": [ { "text": "Xây dựng kế hoạch", "kind": "plan" } ] } ] }
                """.formatted(symbol.substring(0, symbol.indexOf('-')), symbol, issuedOn, title, bases);
    }

    @Test
    void aBasisNamingAnIssuedPlanOfTheLineLinksToItAndTheIssueCarriesTheLink() {
        PlanFixture tree = new PlanFixture(units);
        String upper = "71-KH/TU" + tree.token;
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        StoredPlan basis = management.create(cityOfficer,
                PlanInput.parse(plan(upper, "2025-01-05", "Kế hoạch cấp trên " + tree.token, "[]")));
        management.issue(cityOfficer, basis.id(), null);

        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        String bases = """
                [ { "kind": "KH", "symbol": "%s", "issuedOn": "2025-01-05", "issuer": "Thành ủy" },
                  { "kind": "CT", "symbol": "05-CT/TW", "issuedOn": "2021-05-01", "issuer": "Bộ Chính trị" } ]
                """.formatted(upper);
        StoredPlan own = management.create(officer,
                PlanInput.parse(plan("12-KH/UBND" + tree.token, "2025-01-10", "Kế hoạch thực hiện", bases)));
        assertThat(management.basisLinks(officer, own.id())).containsExactly(basis.id(), null);

        management.issue(officer, own.id(), null);
        PlanIssued issued = events.stream(PlanIssued.class).filter(e -> e.planId() == own.id()).findFirst()
                .orElseThrow();
        assertThat(issued.basisPlanIds()).containsExactly(basis.id());
        assertThat(issued.assignedUnits()).extracting(PlanIssued.AssignedUnit::unitId).containsExactly(tree.ward.id());
    }

    @Test
    void aBasisIssuedAfterTheDraftWasSavedIsLinkedWhenTheDraftIsIssued() {
        PlanFixture tree = new PlanFixture(units);
        String upper = "72-KH/TU" + tree.token;
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        StoredPlan own = management.create(officer, PlanInput.parse(plan("13-KH/UBND" + tree.token, "2025-01-10",
                "Kế hoạch", "[ { \"kind\": \"KH\", \"symbol\": \"" + upper + "\" } ]")));
        assertThat(management.basisLinks(officer, own.id())).containsExactly((Long) null);

        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        StoredPlan basis = management.create(cityOfficer,
                PlanInput.parse(plan(upper, "2025-01-05", "Kế hoạch cấp trên", "[]")));
        management.issue(cityOfficer, basis.id(), null);

        management.issue(officer, own.id(), null);
        assertThat(events.stream(PlanIssued.class).filter(e -> e.planId() == own.id()).findFirst().orElseThrow()
                .basisPlanIds()).containsExactly(basis.id());
    }

    @Test
    void aPlanOfAnotherProvinceWithTheSameSymbolIsNotABasis() {
        PlanFixture tree = new PlanFixture(units);
        PlanFixture elsewhere = new PlanFixture(units);
        String symbol = "73-KH/TU" + tree.token;
        CurrentUser stranger = PlanFixture.user(elsewhere.city, Role.OFFICER);
        StoredPlan far = management.create(stranger, PlanInput.parse(plan(symbol, "2025-01-05", "Xa", "[]")));
        management.issue(stranger, far.id(), null);

        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        StoredPlan own = management.create(officer, PlanInput.parse(plan("14-KH/UBND" + tree.token, "2025-01-10",
                "Kế hoạch", "[ { \"kind\": \"KH\", \"symbol\": \"" + symbol + "\" } ]")));
        assertThat(management.basisLinks(officer, own.id())).containsExactly((Long) null);
    }

    @Test
    void aLinkThatClosesACycleIsRefusedAndNothingIsSaved() {
        PlanFixture tree = new PlanFixture(units);
        CurrentUser officer = PlanFixture.user(tree.own, Role.OFFICER);
        StoredPlan draft = management.create(officer,
                PlanInput.parse(plan("15-KH/UBND" + tree.token, "2025-01-10", "Kế hoạch", "[]")));
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        String upper = "74-KH/TU" + tree.token;
        StoredPlan basis = management.create(cityOfficer,
                PlanInput.parse(plan(upper, "2025-01-05", "Kế hoạch cấp trên", "[]")));
        management.issue(cityOfficer, basis.id(), null);
        // the upper plan already implements the draft (as an amendment could make it do)
        jdbc.sql("insert into plan_basis (plan_id, basis_index, symbol, basis_plan_id) values (:p, 0, 'x', :d)")
                .param("p", basis.id()).param("d", draft.id()).update();

        String cyclic = plan("15-KH/UBND" + tree.token, "2025-01-10", "Kế hoạch sửa",
                "[ { \"kind\": \"KH\", \"symbol\": \"" + upper + "\" } ]");
        assertThatThrownBy(() -> management.save(officer, draft.id(),
                PlanInput.parse(cyclic), draft.version()))
                .isInstanceOfSatisfying(Problem.class, p -> {
                    assertThat(p.code()).isEqualTo("VALIDATION");
                    assertThat(p.status()).isEqualTo(400);
                });
        assertThat(management.get(officer, draft.id()).plan().document().title()).isEqualTo("Kế hoạch");
        assertThat(management.basisLinks(officer, draft.id())).isEmpty();
    }
}
