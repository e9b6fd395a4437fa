package vn.lantoa.cascade;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.event.EventTimes;
import vn.lantoa.event.PlanTimes;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Role;
import vn.lantoa.planformat.Task;
import vn.lantoa.planformat.TaskKind;
import vn.lantoa.planformat.TimeRef;
import vn.lantoa.shared.VietnameseText;

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

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(CascadeIssuing.class);

    private final PlanManagement plans;
    private final CascadeTree tree;
    private final CascadeTasks tasks;
    private final Clock clock;
    private final EventTimes eventTimes;

    CascadeIssuing(PlanManagement plans, CascadeTree tree, CascadeTasks tasks, Clock clock, EventTimes eventTimes) {
        this.eventTimes = eventTimes;
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
        if (event.revision() > 1 && tasks.hasPlanTasks(node.planId())) {
            if (tree.revision(node.planId()) >= event.revision()) {
                return 0; // redelivered
            }
            return amend(node, plan, assigned, event.revision());
        }
        if (assigned.isEmpty() || tree.hasEntries(node.planId()) || tasks.hasUnitTasks(node.planId())) {
            return 0;
        }
        int written = assign(node, plan, assigned);
        tree.setRevision(node.planId(), event.revision());
        return written;
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

    /** The plan's tasks as its current revision writes them, at their JSON places, with dues resolved now. */
    private List<CascadeTasks.PlanTask> written(long planId, Plan plan, long issuerUnitId) {
        PlanTimes times = eventTimes.resolve(planId, plan, issuerUnitId);
        List<CascadeTasks.PlanTask> out = new ArrayList<>();
        for (int a = 0; a < plan.assignments().size(); a++) {
            Assignment assignment = plan.assignments().get(a);
            for (int t = 0; t < assignment.tasks().size(); t++) {
                Task task = assignment.tasks().get(t);
                TaskKind kind = task.kind() == null ? TaskKind.OTHER : task.kind();
                CascadeTasks.PlanTask pt = new CascadeTasks.PlanTask(a, t, kind.name(),
                        (assignment.role() == null ? Role.LEAD : assignment.role()).name(),
                        assignment.unit() == null ? "" : assignment.unit(), task.text() == null ? "" : task.text(),
                        null, null, task.due() instanceof TimeRef.Relative r ? r.event() : null, a, t, null);
                out.add(pt.withDue(Dues.resolve(task.due(), plan, times.at(pt.duePointer()).orElse(null))));
            }
        }
        return out;
    }

    /** Writes the assignees' tasks and entries. */
    private int assign(CascadeTree.PlanNode node, Plan plan, List<PlanIssued.AssignedUnit> assigned) {
        long t0 = System.nanoTime();
        List<CascadeTasks.PlanTask> planTasks = written(node.planId(), plan, node.issuerUnitId());
        if (!tasks.hasPlanTasks(node.planId())) {
            tasks.insertPlanTasks(node.planId(), planTasks);
        }
        long t1 = System.nanoTime();
        Map<Integer, List<CascadeTasks.PlanTask>> bySlot = new LinkedHashMap<>();
        planTasks.forEach(pt -> bySlot.computeIfAbsent(pt.assignmentIndex(), k -> new ArrayList<>()).add(pt));
        Map<Long, CascadeTree.Entry> entries = new LinkedHashMap<>();
        java.util.Set<Long> withTasks = new java.util.HashSet<>();
        for (PlanIssued.AssignedUnit unit : assigned) {
            List<CascadeTasks.PlanTask> list = bySlot.getOrDefault(unit.assignmentIndex(), List.of());
            entry(node, unit.unitId(), list, null, entries);
            if (!list.isEmpty()) {
                withTasks.add(unit.unitId());
            }
        }
        List<CascadeTree.Entry> stored = stored(entries.values(), withTasks);
        long t2 = System.nanoTime();
        long[] unitIds = new long[assigned.size()];
        int[] slots = new int[assigned.size()];
        for (int i = 0; i < assigned.size(); i++) {
            unitIds[i] = assigned.get(i).unitId();
            slots[i] = assigned.get(i).assignmentIndex();
        }
        int written = tasks.insertAssigned(node.planId(), unitIds, slots);
        long t3 = System.nanoTime();
        tree.insertEntries(node, stored, entries.size() - stored.size());
        if (LOG.isDebugEnabled()) { // where an issue's time goes (PERFORMANCE.md W2)
            LOG.debug("plan {}: resolve + plan tasks {} ms, rows built {} ms, {} unit tasks {} ms, {} entries "
                    + "({} units not asked, read from their tasks) and counters {} ms", node.planId(),
                    (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, written, (t3 - t2) / 1_000_000, stored.size(),
                    entries.size() - stored.size(), (System.nanoTime() - t3) / 1_000_000);
        }
        return written;
    }

    /**
     * The entries that are stored: the units asked for a plan, and the units assigned without any task; a unit with
     * tasks and no plan to build is read from its tasks (CascadeTree).
     */
    private static List<CascadeTree.Entry> stored(java.util.Collection<CascadeTree.Entry> entries,
            java.util.Set<Long> withTasks) {
        return entries.stream().filter(e -> e.state() != CascadeState.NOT_ASKED || !withTasks.contains(e.unitId()))
                .toList();
    }

    /**
     * A unit's tasks of one assignment (added to {@code unitTasks} unless null), and its entry (merged with one it has
     * by another assignment).
     */
    private static void entry(CascadeTree.PlanNode node, long unitId, List<CascadeTasks.PlanTask> list,
            List<CascadeTasks.UnitTask> unitTasks, Map<Long, CascadeTree.Entry> entries) {
        LocalDate planDue = null;
        boolean asksPlan = false;
        for (CascadeTasks.PlanTask pt : list) {
            if (unitTasks != null) {
                unitTasks.add(new CascadeTasks.UnitTask(unitId, pt.assignmentIndex(), pt.taskIndex(), pt.kind(),
                        pt.dueOn()));
            }
            if (pt.kind().equals(TaskKind.PLAN.name())) {
                asksPlan = true;
                if (pt.dueOn() != null && (planDue == null || pt.dueOn().isBefore(planDue))) {
                    planDue = pt.dueOn();
                }
            }
        }
        CascadeTree.Entry previous = entries.get(unitId);
        if (previous != null) {
            asksPlan |= previous.state() == CascadeState.MISSING;
            if (previous.dueOn() != null && (planDue == null || previous.dueOn().isBefore(planDue))) {
                planDue = previous.dueOn();
            }
        }
        entries.put(unitId, new CascadeTree.Entry(node.planId(), unitId, node.path(), node.level(), planDue,
                asksPlan ? CascadeState.MISSING : CascadeState.NOT_ASKED, null, null));
    }

    /**
     * Sửa đổi: a new revision of an issued plan. Its tasks are matched to the ones already given, assignment by heading
     * (then by place), task by text (then, among the rest, a task of the same kind at the same place or with most of
     * the same words is the old one rewritten): a matched task keeps its slot, so the units'
     * copies (and what they did) stay, with the new text, kind and due; a new task is given to the units of its
     * assignment; a task no longer written is cancelled (a done one stays done, marked cancelled). Units the
     * amendment assigns anew get their tasks and an entry; units it no longer assigns lose their open tasks.
     */
    private int amend(CascadeTree.PlanNode node, Plan plan, List<PlanIssued.AssignedUnit> assigned, int revision) {
        long planId = node.planId();
        List<CascadeTasks.PlanTask> old = tasks.planTasks(planId);
        List<CascadeTasks.PlanTask> now = written(planId, plan, node.issuerUnitId());
        int nextAssignmentSlot = old.stream().mapToInt(CascadeTasks.PlanTask::assignmentIndex).max().orElse(-1) + 1;
        // assignments: the old slots by heading (live tasks only), then by place
        Map<Integer, String> oldHeading = new LinkedHashMap<>();
        Map<Integer, Integer> oldPlace = new LinkedHashMap<>();
        for (CascadeTasks.PlanTask pt : old) {
            if (pt.live()) {
                oldHeading.putIfAbsent(pt.assignmentIndex(), VietnameseText.fold(pt.heading()));
                oldPlace.putIfAbsent(pt.posAssignment(), pt.assignmentIndex());
            }
        }
        Map<Integer, Integer> slotOf = new LinkedHashMap<>(); // new JSON place -> slot
        java.util.Set<Integer> taken = new java.util.HashSet<>();
        for (int a = 0; a < plan.assignments().size(); a++) {
            String heading = VietnameseText.fold(plan.assignments().get(a).unit() == null ? ""
                    : plan.assignments().get(a).unit());
            for (var e : oldHeading.entrySet()) {
                if (!taken.contains(e.getKey()) && e.getValue().equals(heading)) {
                    slotOf.put(a, e.getKey());
                    taken.add(e.getKey());
                    break;
                }
            }
        }
        for (int a = 0; a < plan.assignments().size(); a++) {
            if (!slotOf.containsKey(a)) {
                Integer slot = oldPlace.get(a);
                if (slot != null && !taken.contains(slot)) {
                    slotOf.put(a, slot);
                    taken.add(slot);
                } else {
                    slotOf.put(a, nextAssignmentSlot++);
                }
            }
        }
        // tasks within each assignment slot
        List<CascadeTasks.PlanTask> keep = new ArrayList<>();
        List<CascadeTasks.PlanTask> added = new ArrayList<>();
        List<CascadeTasks.PlanTask> cancelled = new ArrayList<>();
        Map<Integer, List<CascadeTasks.PlanTask>> nowBySlot = new LinkedHashMap<>();
        now.forEach(pt -> nowBySlot.computeIfAbsent(slotOf.get(pt.posAssignment()), k -> new ArrayList<>()).add(pt));
        Map<Integer, List<CascadeTasks.PlanTask>> oldBySlot = new LinkedHashMap<>();
        old.forEach(pt -> oldBySlot.computeIfAbsent(pt.assignmentIndex(), k -> new ArrayList<>()).add(pt));
        java.util.Set<Integer> slots = new java.util.TreeSet<>(oldBySlot.keySet());
        slots.addAll(nowBySlot.keySet());
        for (int slot : slots) {
            List<CascadeTasks.PlanTask> before = new ArrayList<>(oldBySlot.getOrDefault(slot, List.of()).stream()
                    .filter(CascadeTasks.PlanTask::live).toList());
            List<CascadeTasks.PlanTask> after = nowBySlot.getOrDefault(slot, List.of());
            int nextTask = oldBySlot.getOrDefault(slot, List.of()).stream()
                    .mapToInt(CascadeTasks.PlanTask::taskIndex).max().orElse(-1) + 1;
            CascadeTasks.PlanTask[] match = new CascadeTasks.PlanTask[after.size()];
            for (int i = 0; i < after.size(); i++) {
                String text = VietnameseText.fold(after.get(i).text());
                for (CascadeTasks.PlanTask b : before) {
                    if (VietnameseText.fold(b.text()).equals(text)) {
                        match[i] = b;
                        before.remove(b);
                        break;
                    }
                }
            }
            for (int i = 0; i < after.size(); i++) {
                CascadeTasks.PlanTask a = after.get(i);
                for (CascadeTasks.PlanTask b : match[i] == null ? List.copyOf(before) : List.<CascadeTasks.PlanTask>of()) {
                    if (rewritten(b, a)) {
                        match[i] = b;
                        before.remove(b);
                        break;
                    }
                }
                if (match[i] == null) {
                    added.add(after.get(i).withSlot(slot, nextTask++));
                } else {
                    keep.add(after.get(i).withSlot(slot, match[i].taskIndex()));
                }
            }
            for (CascadeTasks.PlanTask b : before) {
                cancelled.add(new CascadeTasks.PlanTask(b.assignmentIndex(), b.taskIndex(), b.kind(), b.role(),
                        b.heading(), b.text(), b.dueOn(), b.dueText(), b.eventName(), null, null, revision));
            }
        }
        keep.forEach(pt -> {
            tasks.updatePlanTask(planId, pt);
            tasks.refreshUnitTasks(planId, pt);
        });
        cancelled.forEach(pt -> tasks.updatePlanTask(planId, pt));
        tasks.insertPlanTasks(planId, added);

        // the units' copies: what each assigned unit should hold now, against what it holds
        Map<Integer, List<CascadeTasks.PlanTask>> live = new LinkedHashMap<>();
        java.util.stream.Stream.concat(keep.stream(), added.stream())
                .forEach(pt -> live.computeIfAbsent(pt.assignmentIndex(), k -> new ArrayList<>()).add(pt));
        Map<String, CascadeTasks.Held> held = new java.util.HashMap<>();
        tasks.held(planId).forEach(h -> held.put(h.unitId() + ":" + h.assignmentIndex() + ":" + h.taskIndex(), h));
        java.util.Set<Long> withEntries = tree.entryUnits(planId);
        List<CascadeTasks.UnitTask> insert = new ArrayList<>();
        List<Long> reopen = new ArrayList<>();
        java.util.Set<String> wanted = new java.util.HashSet<>();
        Map<Long, CascadeTree.Entry> newEntries = new LinkedHashMap<>();
        java.util.Set<Long> withTasks = new java.util.HashSet<>();
        for (PlanIssued.AssignedUnit unit : assigned) {
            Integer slot = slotOf.get(unit.assignmentIndex());
            List<CascadeTasks.PlanTask> list = slot == null ? List.of() : live.getOrDefault(slot, List.of());
            List<CascadeTasks.UnitTask> mine = new ArrayList<>();
            entry(node, unit.unitId(), list, mine, newEntries);
            if (!list.isEmpty()) {
                withTasks.add(unit.unitId());
            }
            for (CascadeTasks.UnitTask ut : mine) {
                String key = ut.unitId() + ":" + ut.assignmentIndex() + ":" + ut.taskIndex();
                wanted.add(key);
                CascadeTasks.Held h = held.get(key);
                if (h == null) {
                    insert.add(ut);
                } else if (h.cancelled()) {
                    reopen.add(h.id());
                }
            }
        }
        // no heading matched this time (the plan module gives no units): keep the units, drop only removed tasks
        java.util.Set<String> removed = new java.util.HashSet<>();
        cancelled.forEach(pt -> removed.add(pt.assignmentIndex() + ":" + pt.taskIndex()));
        List<Long> cancel = held.entrySet().stream().filter(e -> !e.getValue().cancelled() && (assigned.isEmpty()
                ? removed.contains(e.getValue().assignmentIndex() + ":" + e.getValue().taskIndex())
                : !wanted.contains(e.getKey()))).map(e -> e.getValue().id()).toList();
        int changed = tasks.cancel(new ArrayList<>(cancel), clock.instant()) + tasks.reopen(reopen);
        changed += tasks.insertUnitTasks(planId, insert);
        newEntries.keySet().removeAll(withEntries);
        // the new not-asked units with tasks are read from them: refresh counts them
        tree.insertEntries(node, stored(newEntries.values(), withTasks), 0);
        tree.refresh(planId);
        tree.setRevision(planId, revision);
        return changed;
    }

    /**
     * Whether a task of the new revision is an old one rewritten (rather than a new one in place of a removed one):
     * the same kind, and at the same place of its assignment or with most of its words.
     */
    static boolean rewritten(CascadeTasks.PlanTask before, CascadeTasks.PlanTask after) {
        if (!before.kind().equals(after.kind())) {
            return false;
        }
        if (java.util.Objects.equals(before.posTask(), after.posTask())) {
            return true;
        }
        java.util.Set<String> a = new java.util.HashSet<>(List.of(VietnameseText.fold(before.text()).split(" ")));
        java.util.Set<String> b = new java.util.HashSet<>(List.of(VietnameseText.fold(after.text()).split(" ")));
        java.util.Set<String> union = new java.util.HashSet<>(a);
        union.addAll(b);
        a.retainAll(b);
        return !union.isEmpty() && a.size() * 2 >= union.size();
    }
}
