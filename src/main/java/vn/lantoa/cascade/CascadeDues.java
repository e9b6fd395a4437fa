package vn.lantoa.cascade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.event.EventRescheduled;
import vn.lantoa.event.EventTimes;
import vn.lantoa.event.PlanTimes;
import vn.lantoa.event.PlanToResolve;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Plan;

/**
 * Hạn theo sự kiện: the dues of tasks written relative to an event ("trước khai mạc Đại hội … 01 ngày") follow the
 * event. They are stored on the task rows (the reminders, the task lists and the cascade's "issued late" are set-based
 * queries over {@code task.due_on} and {@code cascade_entry.due_on}), and recomputed by the event module's resolution
 * in the very transaction that changes the event's dates: the move and its consequences commit together or not at
 * all, so no reader ever sees the new date beside an old due (docs/adr/0070-task-dues-follow-events.md).
 */
@Service
public class CascadeDues {

    private final CascadeTasks tasks;
    private final CascadeTree tree;
    private final PlanManagement plans;
    private final EventTimes eventTimes;

    CascadeDues(CascadeTasks tasks, CascadeTree tree, PlanManagement plans, EventTimes eventTimes) {
        this.tasks = tasks;
        this.tree = tree;
        this.plans = plans;
        this.eventTimes = eventTimes;
    }

    /** In the event module's transaction (a plain listener, not after commit: see the class comment). */
    @EventListener
    void on(EventRescheduled event) {
        refresh();
    }

    /**
     * Resolves again every live task due tied to an event, in every plan that has one, and moves the ones that changed
     * (the plan's task, the units' copies, the cascade entries' dues and on-time/late states). Returns how many plan
     * tasks moved.
     */
    @Transactional
    public int refresh() {
        List<PlanToResolve> batch = new ArrayList<>();
        for (long planId : tasks.plansWithEventDues()) {
            plans.issued(planId).ifPresent(p -> batch.add(new PlanToResolve(p.id(), p.plan(), p.issuerUnitId())));
        }
        if (batch.isEmpty()) {
            return 0;
        }
        Map<Long, PlanTimes> times = eventTimes.resolveAll(batch);
        int moved = 0;
        for (PlanToResolve p : batch) {
            PlanTimes planTimes = times.get(p.planId());
            boolean changed = false;
            for (CascadeTasks.PlanTask pt : tasks.planTasks(p.planId())) {
                if (!pt.live() || pt.eventName() == null) {
                    continue;
                }
                Dues.Due due = Dues.resolve(written(p.plan(), pt), p.plan(),
                        planTimes.at(pt.duePointer()).orElse(null));
                if (!Objects.equals(due.date(), pt.dueOn()) || !Objects.equals(due.text(), pt.dueText())) {
                    tasks.moveDue(p.planId(), pt.assignmentIndex(), pt.taskIndex(), due.date(), due.text());
                    changed |= !Objects.equals(due.date(), pt.dueOn());
                    moved++;
                }
            }
            if (changed) {
                tree.refresh(p.planId());
            }
        }
        return moved;
    }

    private static vn.lantoa.planformat.TimeRef written(Plan plan, CascadeTasks.PlanTask pt) {
        if (pt.posAssignment() == null || pt.posAssignment() >= plan.assignments().size()) {
            return null;
        }
        Assignment a = plan.assignments().get(pt.posAssignment());
        return pt.posTask() == null || pt.posTask() >= a.tasks().size() ? null : a.tasks().get(pt.posTask()).due();
    }
}
