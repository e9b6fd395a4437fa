package vn.lantoa.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The scheduled job: for every open task, a reminder before its due date (by default 7, 3 and 1 days before and on
 * the day), a notice when it is overdue and every few days after, and once, after a set time, a notice to the
 * superior unit. Each stage is one set-based {@code insert … select … on conflict do nothing} over the task's due
 * date window: the unique key (item, stage, unit) makes a second run, or a second instance running at the same
 * moment, insert nothing more. A stage whose window was missed (the task was given late, or the job did not run) is
 * skipped, not sent late: the next stage carries the news. The key also holds the due date reminded of
 * ({@code occasion}): when a task's due moves (its event was rescheduled), its reminders start again for the new date.
 * The tasks due in a window are found through their plan task's due date (a unit's copy always carries its plan
 * task's due: both move together), so that the task table, written 100,000 rows at a time when a national plan is
 * issued, needs no index of its own by due date (PERFORMANCE.md W2).
 */
@Service
public class Reminders {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Overdue notices stop after this many of them (the escalation has told the superior unit by then). */
    static final int MAX_OVERDUE_NOTICES = 20;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final Mailer mailer;
    private final int[] daysBefore;
    private final int overdueEvery;
    private final int escalateAfter;
    private final boolean scheduled;

    Reminders(JdbcClient jdbc, Clock clock, Mailer mailer,
            @Value("${lantoa.notification.days-before:7,3,1,0}") String daysBefore,
            @Value("${lantoa.notification.overdue-every:3}") int overdueEvery,
            @Value("${lantoa.notification.escalate-after:7}") int escalateAfter,
            @Value("${lantoa.notification.scheduled:true}") boolean scheduled) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.mailer = mailer;
        this.daysBefore = Arrays.stream(daysBefore.split(",")).map(String::strip).mapToInt(Integer::parseInt)
                .filter(d -> d >= 0).distinct().map(d -> -d).sorted().map(d -> -d).toArray();
        this.overdueEvery = Math.max(1, overdueEvery);
        this.escalateAfter = Math.max(1, escalateAfter);
        this.scheduled = scheduled;
    }

    @Scheduled(fixedDelayString = "${lantoa.notification.interval:PT15M}",
            initialDelayString = "${lantoa.notification.initial-delay:PT1M}")
    void scheduledRun() {
        if (scheduled) {
            run();
            mailer.sendPending();
        }
    }

    /** One run for today (Asia/Ho_Chi_Minh); returns how many notifications it made. */
    public int run() {
        return run(LocalDate.ofInstant(clock.instant(), ZONE));
    }

    /** One run as of the given day; returns how many notifications it made. */
    @Transactional
    public int run(LocalDate today) {
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        int made = 0;
        // before the due date: stage Dk covers due dates from today + (next smaller k) + 1 to today + k
        for (int i = 0; i < daysBefore.length; i++) {
            int k = daysBefore[i];
            int next = i + 1 < daysBefore.length ? daysBefore[i + 1] : -1;
            made += insert("D" + k, "REMINDER", today.plusDays(next + 1L), today.plusDays(k), now);
        }
        // overdue: O0 from the first day after the due date, O1 overdueEvery days later, …
        for (int n = 0; n < MAX_OVERDUE_NOTICES; n++) {
            long first = 1L + (long) n * overdueEvery;
            made += insert("O" + n, "OVERDUE", today.minusDays(first + overdueEvery - 1), today.minusDays(first), now);
        }
        // escalation: once, to the superior unit, when the task is escalateAfter days overdue or more
        made += jdbc.sql("""
                insert into notification (unit_id, item_type, item_id, stage, kind, subject_unit, due_on, created_at,
                                          occasion)
                select u.parent_id, 'TASK', t.id, 'E', 'ESCALATION', t.unit_id, t.due_on, :now,
                       cast(t.due_on as varchar(10))
                from cascade_plan_task pt
                join task t on t.plan_id = pt.plan_id and t.assignment_index = pt.assignment_index
                           and t.task_index = pt.task_index
                join unit u on u.id = t.unit_id
                where pt.due_on <= :last and t.status = 'OPEN' and t.due_on <= :last and u.parent_id is not null
                  and u.closed_on is null
                on conflict do nothing""").param("now", now).param("last", today.minusDays(escalateAfter)).update();
        return made;
    }

    /** The open tasks due between {@code from} and {@code to} get the stage, addressed to their own unit. */
    private int insert(String stage, String kind, LocalDate from, LocalDate to, OffsetDateTime now) {
        return jdbc.sql("""
                insert into notification (unit_id, item_type, item_id, stage, kind, subject_unit, due_on, created_at,
                                          occasion)
                select t.unit_id, 'TASK', t.id, :stage, :kind, t.unit_id, t.due_on, :now,
                       cast(t.due_on as varchar(10))
                from cascade_plan_task pt
                join task t on t.plan_id = pt.plan_id and t.assignment_index = pt.assignment_index
                           and t.task_index = pt.task_index
                where pt.due_on >= :from and pt.due_on <= :to and t.status = 'OPEN' and t.due_on >= :from
                  and t.due_on <= :to
                on conflict do nothing""").param("stage", stage).param("kind", kind).param("now", now)
                .param("from", from).param("to", to).update();
    }

    /** The stages this job makes, in order (for the settings page and tests). */
    List<String> stages() {
        List<String> stages = new ArrayList<>();
        Arrays.stream(daysBefore).forEach(d -> stages.add("D" + d));
        stages.add("O0");
        stages.add("E");
        return stages;
    }
}
