package vn.lantoa.cascade;

import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;

/**
 * What issuing a plan does below it, inside the issuing transaction (so that the issue and its tasks stand or fall
 * together, and a unit sees its tasks the moment the issuer's request returns):
 * <ol>
 * <li>the plan takes its place in the cascade: under the parent it was derived from, or under its first basis that
 * the cascade knows, or as a root;</li>
 * <li>when it implements a parent plan, the issuing unit's entry there becomes issued on time or late (judged on the
 * date the plan bears against the due date of the unit's plan task), and that plan task is done;</li>
 * <li>every unit it assigns gets its tasks, and an entry in the cascade (missing until it derives a plan).</li>
 * </ol>
 * Redelivery of the same event changes nothing (entries and tasks of a plan are written once).
 */
@Service
public class CascadeIssuing {

    private final PlanManagement plans;
    private final CascadeTree tree;
    private final CascadeTasks tasks;
    private final Clock clock;

    CascadeIssuing(PlanManagement plans, CascadeTree tree, CascadeTasks tasks, Clock clock) {
        this.plans = plans;
        this.tree = tree;
        this.tasks = tasks;
        this.clock = clock;
    }

    /** The plan module's event. */
    @EventListener
    void on(PlanIssued event) {
        issued(event);
    }

    /**
     * Applies an issue: the plan's place in the cascade, its parent's entry, its assignees' tasks. Public for the
     * generator and the benchmarks, which give the assigned units themselves; returns how many unit tasks were
     * written.
     */
    @Transactional
    public int issued(PlanIssued event) {
        StoredPlan stored = plans.issued(event.planId()).orElseThrow(
                () -> new IllegalStateException("plan " + event.planId() + " is not issued"));
        Plan plan = stored.plan();
        CascadeTree.PlanNode node = place(event, plan);
        implement(event, node);
        // the plan module matched the headings to units (groups expanded); unmatched headings wait for a person
        List<PlanIssued.AssignedUnit> assigned = event.assignedUnits();
        if (assigned.isEmpty() || tree.hasEntries(node.planId())) {
            return 0;
        }
        return assign(node, plan, assigned);
    }

    /** The plan's node in the cascade, created or marked issued. */
    private CascadeTree.PlanNode place(PlanIssued event, Plan plan) {
        String title = plan.document().title();
        Optional<CascadeTree.PlanNode> known = tree.plan(event.planId());
        if (known.isPresent()) {
            tree.markIssued(event.planId(), event.symbol(), title, event.issuedOn());
            return tree.plan(event.planId()).orElseThrow();
        }
        CascadeTree.PlanNode parent = event.basisPlanIds().stream().map(tree::plan).flatMap(Optional::stream)
                .findFirst().orElse(null);
        CascadeTree.PlanNode node = new CascadeTree.PlanNode(event.planId(),
                parent == null ? null : parent.planId(), event.issuerUnitId(), "ISSUED", event.symbol(), title,
                event.issuedOn(), (parent == null ? "/" : parent.path()) + event.planId() + "/",
                parent == null ? 0 : parent.level() + 1);
        tree.insertPlan(node);
        return node;
    }

    /** The issuing unit's entries in the plans this one implements become issued, and their plan tasks done. */
    private void implement(PlanIssued event, CascadeTree.PlanNode node) {
        List<Long> parents = new ArrayList<>();
        if (node.parentPlanId() != null) {
            parents.add(node.parentPlanId());
        }
        event.basisPlanIds().stream().filter(id -> !parents.contains(id)).forEach(parents::add);
        for (long parentId : parents) {
            Optional<CascadeTree.Entry> entry = tree.entry(parentId, event.issuerUnitId());
            if (entry.isPresent()) {
                CascadeTree.Entry e = entry.get();
                if (e.state() != CascadeState.ON_TIME && e.state() != CascadeState.LATE) {
                    boolean late = e.dueOn() != null && event.issuedOn() != null && event.issuedOn().isAfter(e.dueOn());
                    tree.move(e, late ? CascadeState.LATE : CascadeState.ON_TIME, node.planId(), event.issuedOn());
                }
            }
            tasks.planTasksDone(parentId, event.issuerUnitId(), node.planId(), clock.instant());
        }
    }

    /** Writes the assignees' tasks and entries. */
    private int assign(CascadeTree.PlanNode node, Plan plan, List<PlanIssued.AssignedUnit> assigned) {
        List<CascadeTasks.PlanTask> planTasks = new ArrayList<>();
        Map<Integer, List<CascadeTasks.PlanTask>> byAssignment = new LinkedHashMap<>();
        for (int a = 0; a < plan.assignments().size(); a++) {
            Assignment assignment = plan.assignments().get(a);
            List<CascadeTasks.PlanTask> list = new ArrayList<>();
            for (int t = 0; t < assignment.tasks().size(); t++) {
                Task task = assignment.tasks().get(t);
                Dues.Due due = Dues.resolve(task.due(), plan);
                TaskKind kind = task.kind() == null ? TaskKind.OTHER : task.kind();
                CascadeTasks.PlanTask pt = new CascadeTasks.PlanTask(a, t, kind.name(),
                        (assignment.role() == null ? Role.LEAD : assignment.role()).name(),
                        assignment.unit() == null ? "" : assignment.unit(), task.text() == null ? "" : task.text(),
                        due.date(), due.text());
                list.add(pt);
                planTasks.add(pt);
            }
            byAssignment.put(a, list);
        }
        if (!tasks.hasPlanTasks(node.planId())) {
            tasks.insertPlanTasks(node.planId(), planTasks);
        }
        List<CascadeTasks.UnitTask> unitTasks = new ArrayList<>(assigned.size() * 2);
        Map<Long, CascadeTree.Entry> entries = new LinkedHashMap<>();
        for (PlanIssued.AssignedUnit unit : assigned) {
            List<CascadeTasks.PlanTask> list = byAssignment.getOrDefault(unit.assignmentIndex(), List.of());
            java.time.LocalDate planDue = null;
            boolean asksPlan = false;
            for (CascadeTasks.PlanTask pt : list) {
                unitTasks.add(new CascadeTasks.UnitTask(unit.unitId(), pt.assignmentIndex(), pt.taskIndex(),
                        pt.kind(), pt.dueOn()));
                if (pt.kind().equals(TaskKind.PLAN.name())) {
                    asksPlan = true;
                    if (pt.dueOn() != null && (planDue == null || pt.dueOn().isBefore(planDue))) {
                        planDue = pt.dueOn();
                    }
                }
            }
            CascadeTree.Entry previous = entries.get(unit.unitId());
            if (previous != null) {
                asksPlan |= previous.state() == CascadeState.MISSING;
                if (previous.dueOn() != null && (planDue == null || previous.dueOn().isBefore(planDue))) {
                    planDue = previous.dueOn();
                }
            }
            entries.put(unit.unitId(), new CascadeTree.Entry(node.planId(), unit.unitId(), node.path(), node.level(),
                    planDue, asksPlan ? CascadeState.MISSING : CascadeState.NOT_ASKED, null, null));
        }
        int written = tasks.insertUnitTasks(node.planId(), unitTasks);
        tree.insertEntries(node, new ArrayList<>(entries.values()));
        return written;
    }
}
