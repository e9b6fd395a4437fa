package vn.lantoa.cascade;

import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitSystem;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.DocumentRef;
import vn.lantoa.planformat.DocumentSystem;
import vn.lantoa.planformat.Phase;
import vn.lantoa.planformat.Plan;
import vn.lantoa.shared.Problem;

/**
 * Xây dựng kế hoạch thực hiện: a unit's draft plan based on a parent plan, in one step. The draft's basis is the
 * parent; it carries the parent's events, phases (with their times), themes, channels and slogans; its first section
 * is the tasks the parent gave this unit; its assignments are empty, for the unit to give to its own units. The unit
 * then edits and issues it like any plan.
 *
 * <p>Once per (parent, unit): a second request returns the same draft ({@code created = false}), so a double click
 * makes one draft. Only an officer or unit administrator of the unit itself derives (403 {@code FORBIDDEN}); the
 * parent must be visible to them (404 {@code PLAN_NOT_FOUND}), issued (409 {@code PLAN_NOT_ISSUED}), and either assign
 * the unit or come from a unit above it (409 {@code PLAN_NOT_ABOVE}: not its own plan nor one from below).
 */
@Service
public class CascadeDerive {

    /** The label of the first section of a derived draft: the tasks given to the unit. */
    static final String TASKS_LABEL = "Nhiệm vụ được giao";

    private final PlanManagement plans;
    private final CascadeTree tree;
    private final Units units;
    private final JdbcClient jdbc;
    private final Clock clock;

    CascadeDerive(PlanManagement plans, CascadeTree tree, Units units, JdbcClient jdbc, Clock clock) {
        this.plans = plans;
        this.tree = tree;
        this.units = units;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Derives (or finds) the unit's draft implementing the parent plan. */
    @Transactional
    public Derivation derive(CurrentUser user, long parentPlanId, Long unitId) {
        long unit = unitId == null ? user.unitId() : unitId;
        // a plan that assigns the user's unit is visible to it even from outside the issuer's subtree (issue 6
        // §Access: a unit sees the plans that assign it); any other plan as the plan module says
        boolean assigned = user.actsFor(unit) && !user.isSystemAdministrator() && tree.entry(parentPlanId, unit)
                .isPresent();
        StoredPlan parent = assigned ? plans.issued(parentPlanId).orElseThrow(() -> Problem.notFound(
                "PLAN_NOT_FOUND", "Không tìm thấy kế hoạch.")) : plans.get(user, parentPlanId);
        if (!user.actsFor(unit) || (user.role() != Role.OFFICER && user.role() != Role.UNIT_ADMIN)) {
            throw TaskManagement.forbidden();
        }
        if (parent.status() == PlanStatus.DRAFT) {
            throw Problem.conflict("DERIVE_PLAN_NOT_ISSUED", "Kế hoạch chưa ban hành: chưa thể xây dựng kế hoạch thực hiện.");
        }
        // the unit's entry, locked, so that two requests at once wait for each other here
        Optional<CascadeTree.Entry> entry = jdbc.sql("""
                select plan_id, unit_id, plan_path, level, due_on, state, derived_plan_id, issued_on from cascade_entry
                where plan_id = :p and unit_id = :u for update""").param("p", parentPlanId).param("u", unit)
                .query(CascadeTree::entry).optional()
                .or(() -> tree.entry(parentPlanId, unit)); // a unit not asked has no row: its tasks say it is there
        Optional<Long> existing = existing(parentPlanId, unit);
        if (existing.isPresent()) {
            return new Derivation(existing.get(), parentPlanId, unit, false);
        }
        Unit issuer = units.get(unit);
        // a unit implements a plan that gives it tasks, or a plan of a unit above it; not its own nor one from below
        Unit parentIssuer = units.get(parent.issuerUnitId());
        boolean above = parentIssuer.id() != issuer.id() && issuer.path().startsWith(parentIssuer.path());
        if (entry.isEmpty() && !above) {
            throw Problem.conflict("PLAN_NOT_ABOVE", "Chỉ xây dựng kế hoạch thực hiện kế hoạch của cấp trên hoặc kế "
                    + "hoạch giao nhiệm vụ cho đơn vị.");
        }
        StoredPlan draft = plans.create(user, new PlanInput(draft(parent, issuer, taskTexts(parentPlanId, unit)),
                parent.classification(), null));
        int inserted = jdbc.sql("""
                insert into cascade_derivation (parent_plan_id, unit_id, plan_id, created_by, created_at)
                values (:parent, :unit, :plan, :by, :at) on conflict do nothing""").param("parent", parentPlanId)
                .param("unit", unit).param("plan", draft.id()).param("by", user.id())
                .param("at", OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC)).update();
        if (inserted == 0) {
            // another request derived it between our check and our insert: this transaction's draft is undone
            throw Problem.conflict("DERIVE_IN_PROGRESS",
                    "Kế hoạch thực hiện đang được tạo từ một yêu cầu khác. Hãy tải lại trang.");
        }
        CascadeTree.PlanNode parentNode = tree.plan(parentPlanId).orElse(null);
        String parentPath = parentNode == null ? "/" + parentPlanId + "/" : parentNode.path();
        int parentLevel = parentNode == null ? 0 : parentNode.level();
        tree.insertPlan(new CascadeTree.PlanNode(draft.id(), parentPlanId, unit, "DRAFT", null,
                draft.plan().document().title(), null, parentPath + draft.id() + "/", parentLevel + 1));
        entry.filter(e -> e.state() == CascadeState.MISSING)
                .ifPresent(e -> tree.move(e, CascadeState.DRAFT, draft.id(), null));
        return new Derivation(draft.id(), parentPlanId, unit, true);
    }

    private Optional<Long> existing(long parentPlanId, long unitId) {
        return jdbc.sql("select plan_id from cascade_derivation where parent_plan_id = :p and unit_id = :u")
                .param("p", parentPlanId).param("u", unitId).query(Long.class).optional();
    }

    /** The tasks the parent gave the unit, as written, with their due dates. */
    private List<String> taskTexts(long parentPlanId, long unitId) {
        return jdbc.sql("""
                select pt.text, pt.due_on, pt.due_text from task t
                join cascade_plan_task pt on pt.plan_id = t.plan_id and pt.assignment_index = t.assignment_index
                                         and pt.task_index = t.task_index
                where t.plan_id = :p and t.unit_id = :u order by t.assignment_index, t.task_index""")
                .param("p", parentPlanId).param("u", unitId).query((rs, i) -> {
                    String text = rs.getString("text");
                    java.time.LocalDate due = rs.getObject("due_on", java.time.LocalDate.class);
                    String dueText = rs.getString("due_text");
                    return due != null ? text + " (hạn " + Dues.format(due) + ")"
                            : dueText != null ? text + " (" + dueText + ")" : text;
                }).list();
    }

    /** The draft's content, from the parent. */
    static Plan draft(StoredPlan parent, Unit unit, List<String> tasks) {
        Plan p = parent.plan();
        DocumentHeader d = p.document();
        DocumentSystem system = unit.system() == UnitSystem.PARTY ? DocumentSystem.PARTY : DocumentSystem.STATE;
        DocumentHeader header = new DocumentHeader("KH", null, null, system, null, null, unit.name(), d.title(), null);
        List<DocumentRef> bases = List.of(new DocumentRef(d.kind() == null ? "KH" : d.kind(), d.symbol(),
                d.issuedOn(), d.issuer()));
        List<Phase> phases = new ArrayList<>();
        if (!tasks.isEmpty()) {
            phases.add(new Phase(TASKS_LABEL, d.symbol() == null ? null : "Thực hiện Kế hoạch số " + d.symbol(), null,
                    null, tasks, List.of()));
        }
        phases.addAll(p.phases());
        return new Plan(header, bases, List.of(), p.events(), phases, p.channels(), p.themes(), p.slogans(),
                List.of(), List.of(), List.of(), List.of());
    }
}
