package vn.lantoa.cascade;

import java.sql.Date;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.SqlParameterValue;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The tasks' tables ({@code cascade_plan_task}, {@code task}). Rows for a whole plan go in multi-row inserts of a few
 * hundred rows per statement (what the PostgreSQL driver's reWriteBatchedInserts does, done here so that it does not
 * depend on the connection URL, and portable to H2): 60,000 units in well under a second (PERFORMANCE.md W2).
 */
@Repository
class CascadeTasks {

    /** Rows per multi-row INSERT: 8 parameters each keeps a statement far below PostgreSQL's 32,767 parameters. */
    static final int CHUNK = 1_000;

    /** One task of a plan, as written. */
    record PlanTask(int assignmentIndex, int taskIndex, String kind, String role, String heading, String text,
            LocalDate dueOn, String dueText) {
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

    void insertPlanTasks(long planId, List<PlanTask> tasks) {
        template.batchUpdate("""
                insert into cascade_plan_task (plan_id, assignment_index, task_index, kind, role, heading, text, due_on,
                                               due_text)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing""", tasks, 500, (ps, t) -> {
            ps.setLong(1, planId);
            ps.setInt(2, t.assignmentIndex());
            ps.setInt(3, t.taskIndex());
            ps.setString(4, t.kind());
            ps.setString(5, t.role());
            ps.setString(6, cut(t.heading(), 1000));
            ps.setString(7, cut(t.text(), 8000));
            ps.setObject(8, t.dueOn() == null ? null : Date.valueOf(t.dueOn()), java.sql.Types.DATE);
            ps.setString(9, cut(t.dueText(), 1000));
        });
    }

    /** The units' tasks of one plan, in multi-row inserts; a row already there is left alone. */
    int insertUnitTasks(long planId, List<UnitTask> tasks) {
        int inserted = 0;
        for (int from = 0; from < tasks.size(); from += CHUNK) {
            List<UnitTask> chunk = tasks.subList(from, Math.min(tasks.size(), from + CHUNK));
            StringBuilder sql = new StringBuilder("insert into task (plan_id, assignment_index, task_index, unit_id, "
                    + "kind, due_on, status, version) values ");
            List<Object> args = new ArrayList<>(chunk.size() * 6);
            for (int i = 0; i < chunk.size(); i++) {
                UnitTask t = chunk.get(i);
                sql.append(i == 0 ? "" : ",").append("(?, ?, ?, ?, ?, ?, 'OPEN', 0)");
                args.add(planId);
                args.add(t.assignmentIndex());
                args.add(t.taskIndex());
                args.add(t.unitId());
                args.add(t.kind());
                args.add(new SqlParameterValue(Types.DATE, t.dueOn() == null ? null : Date.valueOf(t.dueOn())));
            }
            sql.append(" on conflict do nothing");
            inserted += template.update(sql.toString(), args.toArray());
        }
        return inserted;
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
