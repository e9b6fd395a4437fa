package vn.lantoa.cascade;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.reporting.ReportSubmitted;
import vn.lantoa.shared.Problem;

/**
 * Nhiệm vụ: a unit's tasks for the people of that unit and of the units above it (a unit's data is readable by its
 * own subtree's ancestors, RELIABILITY.md §(a)). Only an officer or unit administrator of the unit itself marks a task
 * done. A unit outside the user's subtree: 403 {@code FORBIDDEN} (unit ids are public, the tasks are not); a system
 * administrator reads no plan content (403).
 */
@Service
public class TaskManagement {

    /** A task due within this many days is "due soon" (sắp đến hạn). */
    public static final int DUE_SOON_DAYS = 7;

    /** At most this many tasks in one list. */
    public static final int MAX_LIST = 1_000;

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private static final String SELECT = """
            select t.id, t.plan_id, p.symbol, p.title, t.unit_id, pt.heading, pt.role, t.kind, pt.text, t.due_on,
                   pt.due_text, t.status, t.done_at, t.done_plan_id, t.done_note, t.version,
                   t.cancelled_at
            from task t
            join cascade_plan_task pt on pt.plan_id = t.plan_id and pt.assignment_index = t.assignment_index
                                     and pt.task_index = t.task_index
            join cascade_plan p on p.plan_id = t.plan_id
            """;

    private final JdbcClient jdbc;
    private final Units units;
    private final Clock clock;

    TaskManagement(JdbcClient jdbc, Units units, Clock clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.clock = clock;
    }

    /** The unit's tasks: open ones by due date (overdue first), then done ones, the latest first. */
    @Transactional(readOnly = true)
    public List<UnitTask> forUnit(CurrentUser user, long unitId) {
        Unit unit = units.get(unitId);
        if (!mayRead(user, unit)) {
            throw forbidden();
        }
        LocalDate today = today();
        return jdbc.sql(SELECT + " where t.unit_id = :unit order by case when t.status = 'OPEN' then 0 "
                + "when t.status = 'DONE' then 1 else 2 end, "
                + "t.due_on, t.plan_id, t.assignment_index, t.task_index limit " + MAX_LIST)
                .param("unit", unitId).query((rs, i) -> map(rs, today)).list();
    }

    /** One task, or 404 {@code TASK_NOT_FOUND} when the user may not see it. */
    @Transactional(readOnly = true)
    public UnitTask get(CurrentUser user, long taskId) {
        UnitTask task = jdbc.sql(SELECT + " where t.id = :id").param("id", taskId)
                .query((rs, i) -> map(rs, today())).optional().orElseThrow(TaskManagement::notFound);
        if (!mayRead(user, units.get(task.unitId()))) {
            throw notFound();
        }
        return task;
    }

    /**
     * Marks a task done with a note (an activity, a coordination, any task but a plan task, which is done by issuing
     * the plan). 409 {@code TASK_DONE} when it is done already, {@code TASK_DONE_BY_PLAN} for a plan task.
     */
    @Transactional
    public UnitTask markDone(CurrentUser user, long taskId, String note) {
        UnitTask task = get(user, taskId);
        if (!user.actsFor(task.unitId()) || (user.role() != Role.OFFICER && user.role() != Role.UNIT_ADMIN)) {
            throw forbidden();
        }
        if (task.kind().equals("PLAN")) {
            throw Problem.conflict("TASK_DONE_BY_PLAN",
                    "Nhiệm vụ xây dựng kế hoạch hoàn thành khi đơn vị ban hành kế hoạch thực hiện.");
        }
        if (task.status().equals("CANCELLED")) {
            throw Problem.conflict("TASK_CANCELLED", "Nhiệm vụ đã hủy theo văn bản sửa đổi.");
        }
        String text = note == null ? "" : note.strip();
        if (text.length() > 2000) {
            throw Problem.badRequest("TASK_NOTE_TOO_LONG", "Ghi chú quá dài (tối đa 2000 ký tự).");
        }
        int updated = jdbc.sql("""
                update task set status = 'DONE', done_at = :at, done_by = :by, done_note = :note, version = version + 1
                where id = :id and status = 'OPEN'""").param("at", OffsetDateTime.ofInstant(clock.instant(),
                        ZoneOffset.UTC)).param("by", user.id()).param("note", text.isEmpty() ? null : text)
                .param("id", taskId).update();
        if (updated == 0) {
            throw Problem.conflict("TASK_DONE", "Nhiệm vụ đã được đánh dấu hoàn thành.");
        }
        return get(user, taskId);
    }

    /**
     * A report submitted for a plan: the unit's report task of that plan that is due first and still open is done
     * (one task per submission; a corrected submission after a return finds it done already and changes nothing).
     */
    @EventListener
    void on(ReportSubmitted event) {
        if (event.revision() > 1) {
            return;
        }
        jdbc.sql("""
                update task set status = 'DONE', done_at = :at, done_note = :note, version = version + 1
                where id = (select id from task where plan_id = :plan and unit_id = :unit and kind = 'REPORT'
                                and status = 'OPEN' order by due_on nulls last, id limit 1)
                  and status = 'OPEN'""").param("at", OffsetDateTime.ofInstant(event.submittedAt(), ZoneOffset.UTC))
                .param("note", "Báo cáo kỳ " + event.periodId()).param("plan", event.planId())
                .param("unit", event.unitId()).update();
    }

    static boolean mayRead(CurrentUser user, Unit unit) {
        return !user.isSystemAdministrator() && user.isInSubtree(unit);
    }

    LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZONE);
    }

    private static UnitTask map(ResultSet rs, LocalDate today) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        String status = rs.getString("status");
        String timing = status.equals("CANCELLED") ? "CANCELLED" : status.equals("DONE") ? "DONE"
                : due == null ? "NO_DUE"
                : due.isBefore(today) ? "OVERDUE"
                : !due.isAfter(today.plusDays(DUE_SOON_DAYS)) ? "DUE_SOON" : "UPCOMING";
        OffsetDateTime doneAt = rs.getObject("done_at", OffsetDateTime.class);
        long donePlan = rs.getLong("done_plan_id");
        Long donePlanId = rs.wasNull() ? null : donePlan;
        return new UnitTask(rs.getLong("id"), rs.getLong("plan_id"), rs.getString("symbol"), rs.getString("title"),
                rs.getLong("unit_id"), rs.getString("heading"), rs.getString("role"), rs.getString("kind"),
                rs.getString("text"), due, rs.getString("due_text"), status, timing,
                doneAt == null ? null : doneAt.toInstant(), donePlanId, rs.getString("done_note"),
                rs.getLong("version"), instant(rs.getObject("cancelled_at", OffsetDateTime.class)));
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    static Problem notFound() {
        return Problem.notFound("TASK_NOT_FOUND", "Không tìm thấy nhiệm vụ.");
    }

}
