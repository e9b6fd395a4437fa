package vn.lantoa.cascade;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.shared.MultiRowInsert;
import vn.lantoa.shared.SqlArrays;

/**
 * The tasks' tables ({@code cascade_plan_task}, {@code task}). Rows for a whole plan go in multi-row inserts of a few
 * hundred rows per statement (what the PostgreSQL driver's reWriteBatchedInserts does, done here so that it does not
 * depend on the connection URL, and portable to H2): 60,000 units in well under a second (PERFORMANCE.md W2).
 */
@Repository
class CascadeTasks {

    /** Rows per multi-row INSERT: 8 parameters each keeps a statement far below PostgreSQL's 32,767 parameters. */
    static final int CHUNK = 1_000;

    /**
     * One task of a plan, as written. (assignmentIndex, taskIndex) is its stable slot; (posAssignment, posTask) its
     * place in the current revision's JSON (null once an amendment removed it, with {@code cancelledRevision} set);
     * eventName the event its due is relative to, or null.
     */
    record PlanTask(int assignmentIndex, int taskIndex, String kind, String role, String heading, String text,
            LocalDate dueOn, String dueText, String eventName, Integer posAssignment, Integer posTask,
            Integer cancelledRevision) {

        PlanTask withSlot(int a, int t) {
            return new PlanTask(a, t, kind, role, heading, text, dueOn, dueText, eventName, posAssignment, posTask,
                    cancelledRevision);
        }

        PlanTask withDue(Dues.Due due) {
            return new PlanTask(assignmentIndex, taskIndex, kind, role, heading, text, due.date(), due.text(),
                    eventName, posAssignment, posTask, cancelledRevision);
        }

        boolean live() {
            return cancelledRevision == null;
        }

        /** The JSON pointer of its due time in the current revision. */
        String duePointer() {
            return "/assignments/" + posAssignment + "/tasks/" + posTask + "/due";
        }
    }

    /** One unit's copy of a task. */
    record UnitTask(long unitId, int assignmentIndex, int taskIndex, String kind, LocalDate dueOn) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    CascadeTasks(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    boolean hasPlanTasks(long planId) {
        return jdbc.sql("select count(*) from cascade_plan_task where plan_id = :p").param("p", planId)
                .query(Long.class).single() > 0;
    }

    /** Whether units hold tasks of the plan (its first issue was applied). */
    boolean hasUnitTasks(long planId) {
        return jdbc.sql("select count(*) from (select 1 from task where plan_id = :p fetch first 1 rows only) x")
                .param("p", planId).query(Long.class).single() > 0;
    }

    void insertPlanTasks(long planId, List<PlanTask> tasks) {
        template.batchUpdate("""
                insert into cascade_plan_task (plan_id, assignment_index, task_index, kind, role, heading, text, due_on,
                                               due_text, event_name, pos_assignment, pos_task)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", tasks, 500, (ps, t) -> {
            ps.setLong(1, planId);
            ps.setInt(2, t.assignmentIndex());
            ps.setInt(3, t.taskIndex());
            ps.setString(4, t.kind());
            ps.setString(5, t.role());
            ps.setString(6, cut(t.heading(), 1000));
            ps.setString(7, cut(t.text(), 8000));
            ps.setObject(8, t.dueOn() == null ? null : Date.valueOf(t.dueOn()), java.sql.Types.DATE);
            ps.setString(9, cut(t.dueText(), 1000));
            ps.setString(10, cut(t.eventName(), 1000));
            ps.setObject(11, t.posAssignment(), Types.INTEGER);
            ps.setObject(12, t.posTask(), Types.INTEGER);
        });
    }

    /** Every task of a plan, live and cancelled, by slot. */
    List<PlanTask> planTasks(long planId) {
        return jdbc.sql("""
                select assignment_index, task_index, kind, role, heading, text, due_on, due_text, event_name,
                       pos_assignment, pos_task, cancelled_revision
                from cascade_plan_task where plan_id = :p order by assignment_index, task_index""").param("p", planId)
                .query((rs, i) -> new PlanTask(rs.getInt(1), rs.getInt(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class), rs.getString(8),
                        rs.getString(9), (Integer) rs.getObject(10, Integer.class),
                        (Integer) rs.getObject(11, Integer.class), (Integer) rs.getObject(12, Integer.class)))
                .list();
    }

    /** The plans that have a live task whose due is relative to an event. */
    List<Long> plansWithEventDues() {
        return jdbc.sql("select distinct plan_id from cascade_plan_task where event_name is not null "
                + "and cancelled_revision is null").query(Long.class).list();
    }

    /** Rewrites a plan task as the current revision says (text, kind, due, place), keeping its slot. */
    void updatePlanTask(long planId, PlanTask t) {
        jdbc.sql("""
                update cascade_plan_task set kind = :kind, role = :role, heading = :heading, text = :text, due_on = :due,
                       due_text = :dueText, event_name = :event, pos_assignment = :pa, pos_task = :pt,
                       cancelled_revision = :cancelled
                where plan_id = :p and assignment_index = :a and task_index = :t""").param("kind", t.kind())
                .param("role", t.role()).param("heading", cut(t.heading(), 1000)).param("text", cut(t.text(), 8000))
                .param("due", t.dueOn()).param("dueText", cut(t.dueText(), 1000))
                .param("event", cut(t.eventName(), 1000)).param("pa", t.posAssignment()).param("pt", t.posTask())
                .param("cancelled", t.cancelledRevision()).param("p", planId).param("a", t.assignmentIndex())
                .param("t", t.taskIndex()).update();
    }

    /** Moves the due of a plan task and of every unit's copy of it (done ones too: their history shows the due). */
    void moveDue(long planId, int a, int t, LocalDate due, String dueText) {
        jdbc.sql("update cascade_plan_task set due_on = :due, due_text = :text where plan_id = :p "
                + "and assignment_index = :a and task_index = :t").param("due", due).param("text", cut(dueText, 1000))
                .param("p", planId).param("a", a).param("t", t).update();
        jdbc.sql("update task set due_on = :due, version = version + 1 where plan_id = :p and assignment_index = :a "
                + "and task_index = :t").param("due", due).param("p", planId).param("a", a).param("t", t).update();
    }

    /** The units' copy of a plan task: its kind and due as the plan now says, for every unit that has it. */
    void refreshUnitTasks(long planId, PlanTask t) {
        jdbc.sql("update task set kind = :kind, due_on = :due, version = version + 1 where plan_id = :p "
                + "and assignment_index = :a and task_index = :t and status <> 'CANCELLED'")
                .param("kind", t.kind()).param("due", t.dueOn()).param("p", planId).param("a", t.assignmentIndex())
                .param("t", t.taskIndex()).update();
    }

    /** One unit's copy of a task, for an amendment. */
    record Held(long id, long unitId, int assignmentIndex, int taskIndex, String status, boolean cancelled) {
    }

    List<Held> held(long planId) {
        return jdbc.sql("select id, unit_id, assignment_index, task_index, status, cancelled_at from task "
                + "where plan_id = :p").param("p", planId)
                .query((rs, i) -> new Held(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getInt(4), rs.getString(5),
                        rs.getObject(6) != null)).list();
    }

    /**
     * Cancels units' tasks an amendment removed: an open one becomes CANCELLED, a done one stays done; both carry
     * the time of the cancellation. Returns how many.
     */
    int cancel(List<Long> ids, java.time.Instant at) {
        int n = 0;
        java.time.OffsetDateTime time = java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC);
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            n += jdbc.sql("""
                    update task set status = case when status = 'OPEN' then 'CANCELLED' else status end,
                           cancelled_at = :at, version = version + 1
                    where id in (:ids) and cancelled_at is null""").param("at", time).param("ids", chunk).update();
        }
        return n;
    }

    /**
     * Opens again tasks an earlier amendment cancelled and this one asks for again, with their plan task's kind and
     * due as they are now (a unit's copy always carries its plan task's due: the reminders find tasks by it).
     */
    int reopen(List<Long> ids) {
        int n = 0;
        for (int from = 0; from < ids.size(); from += CHUNK) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
            n += jdbc.sql("""
                    update task set status = case when status = 'CANCELLED' then 'OPEN' else status end,
                           cancelled_at = null, version = version + 1,
                           kind = (select pt.kind from cascade_plan_task pt where pt.plan_id = task.plan_id
                                       and pt.assignment_index = task.assignment_index
                                       and pt.task_index = task.task_index),
                           due_on = (select pt.due_on from cascade_plan_task pt where pt.plan_id = task.plan_id
                                         and pt.assignment_index = task.assignment_index
                                         and pt.task_index = task.task_index)
                    where id in (:ids)""").param("ids", chunk).update();
        }
        return n;
    }

    /** The units' tasks of one plan, in multi-row inserts; a row already there is left alone. */
    int insertUnitTasks(long planId, List<UnitTask> tasks) {
        int inserted = 0;
        for (MultiRowInsert.Statement statement : MultiRowInsert.of("insert into task (plan_id, assignment_index, "
                + "task_index, unit_id, kind, due_on, status, version) values", "(?, ?, ?, ?, ?, ?, 'OPEN', 0)",
                " on conflict do nothing", tasks, CHUNK, t -> new Object[] {planId, t.assignmentIndex(),
                    t.taskIndex(), t.unitId(), t.kind(),
                    new SqlParameterValue(Types.DATE, t.dueOn() == null ? null : Date.valueOf(t.dueOn()))})) {
            inserted += template.update(statement.sql(), statement.args());
        }
        return inserted;
    }

    /**
     * The first issue's unit tasks, set-based: the assigned units go to the database as two arrays (unit, assignment
     * slot) in one statement, which joins them to the plan's tasks there ({@code insert … select … from unnest}), so
     * 98,000 rows cost one statement and two bound parameters instead of 600,000 (PERFORMANCE.md W2: "set-based").
     * Portable: H2 and PostgreSQL both unnest JDBC arrays. Returns how many rows were written.
     *
     * <p>Only for a plan whose units hold none of its tasks yet (the caller checks, in the issuing transaction; two
     * issues of one plan cannot both commit: the plan's version decides). Hence no {@code on conflict do nothing}: a
     * speculative insert per row cost PostgreSQL twice a plain one. The units go in id order, so that each index
     * (plan+unit+slot, unit) takes its entries in ascending runs rather than at random (sorted here, in Java: an
     * {@code order by} in the statement made PostgreSQL sort 98,000 joined rows on disk, for nothing more).
     */
    int insertAssigned(long planId, long[] unitIds, int[] slots) {
        return template.execute((java.sql.Connection c) -> {
            Integer[] order = new Integer[unitIds.length];
            for (int i = 0; i < order.length; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, (x, y) -> unitIds[x] != unitIds[y] ? Long.compare(unitIds[x], unitIds[y])
                    : Integer.compare(slots[x], slots[y]));
            Long[] units = new Long[unitIds.length];
            Integer[] indexes = new Integer[slots.length];
            for (int i = 0; i < unitIds.length; i++) {
                units[i] = unitIds[order[i]];
                indexes[i] = slots[order[i]];
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("""
                    insert into task (plan_id, assignment_index, task_index, unit_id, kind, due_on, status, version)
                    select pt.plan_id, pt.assignment_index, pt.task_index, x.unit_id, pt.kind, pt.due_on, 'OPEN', 0
                    from unnest(?, ?) as x (unit_id, slot)
                    join cascade_plan_task pt on pt.plan_id = ? and pt.assignment_index = x.slot
                                             and pt.cancelled_revision is null""")) {
                // H2 refuses longer arrays than SqlArrays.MAX_ELEMENTS: one statement per chunk of (unit, slot) pairs
                return SqlArrays.inChunks(units.length, (part, from, to) -> {
                    java.sql.Array unitArray = c.createArrayOf("bigint", java.util.Arrays.copyOfRange(units, from, to));
                    java.sql.Array slotArray = c.createArrayOf("integer",
                            java.util.Arrays.copyOfRange(indexes, from, to));
                    try {
                        ps.setArray(1, unitArray);
                        ps.setArray(2, slotArray);
                        ps.setLong(3, planId);
                        return ps.executeUpdate();
                    } finally {
                        unitArray.free();
                        slotArray.free();
                    }
                });
            }
        });
    }

    /** Marks a unit's open plan tasks of a plan done by the plan that implements it; returns how many. */
    int planTasksDone(long planId, long unitId, long donePlanId, java.time.Instant at) {
        return jdbc.sql("""
                update task set status = 'DONE', done_at = :at, done_plan_id = :done, version = version + 1
                where plan_id = :plan and unit_id = :unit and kind = 'PLAN' and status = 'OPEN'""")
                .param("at", java.time.OffsetDateTime.ofInstant(at, java.time.ZoneOffset.UTC))
                .param("done", donePlanId).param("plan", planId).param("unit", unitId).update();
    }

    private static String cut(String text, int max) {
        if (text == null) {
            return null;
        }
        return text.length() <= max ? text : text.substring(0, max);
    }
}
