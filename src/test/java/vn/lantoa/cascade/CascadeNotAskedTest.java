package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Signer;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;

/**
 * A unit given tasks but no plan to build (not asked) has no cascade row of its own (docs/adr/0071): it is read from
 * its tasks, and shows, filters, exports, counts, derives and answers like any unit of the cascade.
 */
@SpringBootTest
class CascadeNotAskedTest {

    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    CascadeView view;
    @Autowired
    CascadeDerive derive;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CascadeIssuing issuing;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate tx;

    @Test
    void aUnitNotAskedIsReadFromItsTasksAndAnswersLikeAnyOther() {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        CurrentUser frontOfficer = PlanFixture.user(tree.front, Role.OFFICER);
        String assignments = """
                [ { "unit": "CITY", "role": "lead",
                    "tasks": [ { "text": "Xây dựng kế hoạch", "due": { "date": "2025-01-10" }, "kind": "plan" } ] },
                  { "unit": "FRONT", "role": "requested",
                    "tasks": [ { "text": "Phối hợp tuyên truyền", "due": { "date": "2025-02-15" }, "kind": "coordinate" },
                               { "text": "Báo cáo kết quả", "due": { "date": "2025-06-15" }, "kind": "report" } ] } ]
                """.replace("CITY", tree.city.name()).replace("FRONT", tree.front.name());
        StoredPlan plan = plans.create(provinceOfficer, PlanInput.parse(CascadeAmendmentTest.PLAN
                .replace("TOKEN", tree.token).replace("ASSIGNMENTS", assignments)));
        plans.issue(provinceOfficer, plan.id(), null);

        // each unit holds its assignment's tasks, open, with the plan's kinds and dues (one row per unit and task)
        assertThat(jdbc.query("select unit_id, assignment_index, task_index, kind, due_on, status, version from task "
                + "where plan_id = ?", (rs, i) -> tuple(rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getString(4),
                        rs.getObject(5, LocalDate.class), rs.getString(6), rs.getLong(7)), plan.id()))
                .containsExactlyInAnyOrder(
                        tuple(tree.city.id(), 0, 0, "PLAN", LocalDate.of(2025, 1, 10), "OPEN", 0L),
                        tuple(tree.front.id(), 1, 0, "COORDINATE", LocalDate.of(2025, 2, 15), "OPEN", 0L),
                        tuple(tree.front.id(), 1, 1, "REPORT", LocalDate.of(2025, 6, 15), "OPEN", 0L));
        // the same issue delivered again writes nothing (the tasks are written once, without on-conflict guards)
        StoredPlan issued = plans.get(provinceOfficer, plan.id());
        int again = tx.execute(s -> issuing.issued(new vn.lantoa.plan.PlanIssued(plan.id(), 1, tree.province.id(),
                issued.plan().document().symbol(), issued.plan().document().issuedOn(), java.time.Instant.now(),
                List.of(), List.of(new vn.lantoa.plan.PlanIssued.AssignedUnit(tree.city.id(), 0,
                        vn.lantoa.planformat.Role.LEAD), new vn.lantoa.plan.PlanIssued.AssignedUnit(tree.front.id(), 1,
                        vn.lantoa.planformat.Role.REQUESTED)))));
        assertThat(again).isZero();
        assertThat(jdbc.queryForObject("select count(*) from task where plan_id = ?", Long.class, plan.id()))
                .isEqualTo(3L);

        // stored: the unit asked for a plan only; the front is there through its two tasks
        assertThat(jdbc.queryForList("select unit_id from cascade_entry where plan_id = ?", Long.class, plan.id()))
                .containsExactly(tree.city.id());
        CascadeLevel top = view.level(provinceOfficer, plan.id(), null, null, 0);
        assertThat(top.children()).extracting(CascadeNode::unitId, CascadeNode::state).containsExactlyInAnyOrder(
                tuple(tree.city.id(), CascadeState.MISSING), tuple(tree.front.id(), CascadeState.NOT_ASKED));
        assertThat(top.levels().get(0).missing()).isEqualTo(1);
        assertThat(top.levels().get(0).notAsked()).isEqualTo(1);
        assertThat(view.level(provinceOfficer, plan.id(), null, "NOT_ASKED", 0).children())
                .extracting(CascadeNode::unitId).containsExactly(tree.front.id());
        assertThat(view.level(provinceOfficer, plan.id(), null, "MISSING", 0).children())
                .extracting(CascadeNode::unitId).containsExactly(tree.city.id());
        List<CascadeNode> exported = new ArrayList<>();
        view.each(provinceOfficer, plan.id(), exported::add);
        assertThat(exported).extracting(CascadeNode::unitId, CascadeNode::state).containsExactlyInAnyOrder(
                tuple(tree.city.id(), CascadeState.MISSING), tuple(tree.front.id(), CascadeState.NOT_ASKED));
        // its own screen: the breadcrumb down to it, nothing below yet
        CascadeLevel front = view.level(provinceOfficer, plan.id(), tree.front.id(), null, 0);
        assertThat(front.path()).extracting(CascadeLevel.Crumb::unitId).endsWith(tree.front.id());
        assertThat(front.children()).isEmpty();

        // it may still build a plan of its own on the parent, and issuing it answers (on time: it had no due)
        long draft = derive.derive(frontOfficer, plan.id(), tree.front.id()).planId();
        assertThat(view.level(provinceOfficer, plan.id(), null, null, 0).levels().get(0).notAsked()).isEqualTo(1);
        issue(frontOfficer, draft);
        CascadeLevel after = view.level(provinceOfficer, plan.id(), null, null, 0);
        assertThat(after.children()).extracting(CascadeNode::unitId, CascadeNode::state, CascadeNode::derivedPlanId)
                .containsExactlyInAnyOrder(tuple(tree.city.id(), CascadeState.MISSING, null),
                        tuple(tree.front.id(), CascadeState.ON_TIME, draft));
        assertThat(after.levels().get(0).notAsked()).isZero();
        assertThat(after.levels().get(0).onTime()).isEqualTo(1);
        assertThat(after.levels().get(0).missing()).isEqualTo(1);
        assertThat(view.level(provinceOfficer, plan.id(), null, "NOT_ASKED", 0).children()).isEmpty();
        assertThat(jdbc.queryForList("select unit_id from cascade_entry where plan_id = ?", Long.class, plan.id()))
                .containsExactlyInAnyOrder(tree.city.id(), tree.front.id());
    }

    /** Fills the derived draft's header and one assignment, and issues it. */
    private void issue(CurrentUser officer, long draftId) {
        StoredPlan draft = plans.get(officer, draftId);
        Plan p = draft.plan();
        DocumentHeader d = p.document();
        Plan filled = new Plan(new DocumentHeader(d.kind(), "5", "5-KH/MTTQ", d.system(), LocalDate.of(2025, 1, 20),
                null, d.issuer(), d.title(), new Signer("Lê Thị C", "Chủ tịch", "T/M Ban Thường trực")), p.bases(),
                p.citations(), p.events(), p.phases(), p.channels(), p.themes(), p.slogans(),
                List.of(new Assignment("Các tổ chức thành viên", vn.lantoa.planformat.Role.LEAD, List.of(new Task(
                        "Phối hợp tuyên truyền", TimeRef.day(LocalDate.of(2025, 2, 10)), TaskKind.ACTIVITY)))),
                p.reporting(), p.recipients(), p.warnings());
        plans.save(officer, draftId, new PlanInput(filled, null, draft.version()), null);
        plans.issue(officer, draftId, null);
    }
}
