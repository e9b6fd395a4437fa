package vn.lantoa.cascade;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.event.EventInput;
import vn.lantoa.event.EventKind;
import vn.lantoa.event.EventManagement;
import vn.lantoa.event.EventRecord;
import vn.lantoa.event.EventRescheduled;
import vn.lantoa.notification.EventNotices;
import vn.lantoa.notification.Notification;
import vn.lantoa.notification.Notifications;
import vn.lantoa.notification.Reminders;
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
 * Dues written relative to an event come from the event module: none while the event has no date (the task says what
 * it waits for), set when the event's date is set, moved everywhere at once when it moves (the task list, the
 * reminders, the cascade's on-time/late), and every unit concerned is told once per move.
 */
@SpringBootTest
class CascadeEventDuesTest {

    static final String PLAN = """
            {
              "format": "lantoa.plan/1",
              "document": {
                "kind": "KH", "number": "77", "symbol": "77-KH/TU", "system": "party", "issuedOn": "2025-06-02",
                "issuer": "Ban Thường vụ Tỉnh ủy", "title": "tuyên truyền Đại hội TOKEN",
                "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
              },
              "events": [ { "name": "EVENT" } ],
              "phases": [ { "label": "Đợt 1", "title": "Trước Đại hội", "start": { "date": "2025-06-15" },
                            "end": { "event": "EVENT", "edge": "start", "relation": "before" },
                            "content": [ "Treo băng rôn" ], "phases": [] } ],
              "channels": [], "themes": [], "slogans": [],
              "assignments": [ { "unit": "CITY", "role": "lead",
                                 "tasks": [ { "text": "Xây dựng kế hoạch tuyên truyền trước phiên khai mạc",
                                              "due": { "event": "EVENT", "edge": "start", "relation": "before" },
                                              "kind": "plan" },
                                            { "text": "Báo cáo kết quả sau khi bế mạc",
                                              "due": { "event": "EVENT", "edge": "end", "relation": "after" },
                                              "kind": "report" },
                                            { "text": "Treo băng rôn tại trụ sở", "due": { "date": "2025-08-01" },
                                              "kind": "activity" } ] } ],
              "recipients": [ "Lưu Văn phòng" ]
            }
            """;

    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    TaskManagement tasks;
    @Autowired
    EventManagement events;
    @Autowired
    CascadeView view;
    @Autowired
    Reminders reminders;
    @Autowired
    Notifications notifications;
    @Autowired
    EventNotices notices;
    @Autowired
    JdbcClient jdbc;

    PlanFixture tree;

    @BeforeEach
    void tree() {
        tree = new PlanFixture(unitManagement);
    }

    @Test
    void duesWaitForTheEventThenFollowItAndTheUnitsAreTold() {
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        String eventName = "Đại hội đại biểu Đảng bộ tỉnh " + tree.token;
        StoredPlan plan = plans.create(provinceOfficer, PlanInput.parse(PLAN.replace("TOKEN", tree.token)
                .replace("EVENT", eventName).replace("CITY", tree.city.name())));
        plans.issue(provinceOfficer, plan.id(), null);

        // no date yet: the task says what it waits for
        UnitTask planTask = task(cityOfficer, "PLAN");
        assertThat(planTask.dueOn()).isNull();
        assertThat(planTask.timing()).isEqualTo("NO_DUE");
        assertThat(planTask.dueText()).startsWith("Chưa xác định: chờ ngày khai mạc").contains(eventName);
        assertThat(task(cityOfficer, "REPORT").dueText()).contains("ngày bế mạc");
        assertThat(task(cityOfficer, "ACTIVITY").dueOn()).isEqualTo(LocalDate.of(2025, 8, 1));
        assertThat(entry(provinceOfficer, plan.id()).dueOn()).isNull();

        // the date is set (Thursday 02/10 to Saturday 04/10/2025): "trước khai mạc" is due Wednesday 01/10
        EventRecord event = events.create(provinceOfficer, new EventInput(eventName, EventKind.CONGRESS,
                tree.province.id(), false, null, null, LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 4), null,
                null));
        assertThat(task(cityOfficer, "PLAN").dueOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        LocalDate reportDue = task(cityOfficer, "REPORT").dueOn();
        assertThat(reportDue).isAfter(LocalDate.of(2025, 10, 4));
        assertThat(entry(provinceOfficer, plan.id()).dueOn()).isEqualTo(LocalDate.of(2025, 10, 1));
        assertThat(notices(cityOfficer)).hasSize(1);

        // the reminder before the report's due
        reminders.run(reportDue.minusDays(7));
        assertThat(reminderCount(task(cityOfficer, "REPORT").id())).isEqualTo(1);

        // the city issues its plan on 20/09/2025: on time
        long derived = derive(cityOfficer, plan.id());
        issue(cityOfficer, derived, LocalDate.of(2025, 9, 20));
        assertThat(entry(provinceOfficer, plan.id()).state()).isEqualTo(CascadeState.ON_TIME);

        // the congress is brought forward to Thursday 11/09/2025: the due moves to 10/09, the city is now late
        EventRecord moved = events.update(provinceOfficer, event.id(), new EventInput(eventName, EventKind.CONGRESS,
                null, false, null, null, LocalDate.of(2025, 9, 11), LocalDate.of(2025, 9, 13), null, null),
                event.version());
        assertThat(task(cityOfficer, "PLAN").dueOn()).isEqualTo(LocalDate.of(2025, 9, 10));
        assertThat(task(cityOfficer, "PLAN").status()).isEqualTo("DONE");
        CascadeNode city = entry(provinceOfficer, plan.id());
        assertThat(city.dueOn()).isEqualTo(LocalDate.of(2025, 9, 10));
        assertThat(city.state()).isEqualTo(CascadeState.LATE);
        CascadeLevel top = view.level(provinceOfficer, plan.id(), null, null, 0);
        assertThat(top.levels().get(0).late()).isEqualTo(1);
        assertThat(top.levels().get(0).onTime()).isZero();

        // the report's reminders start again for its new date
        LocalDate newReportDue = task(cityOfficer, "REPORT").dueOn();
        assertThat(newReportDue).isBefore(reportDue);
        reminders.run(newReportDue.minusDays(7));
        assertThat(reminderCount(task(cityOfficer, "REPORT").id())).isEqualTo(2);

        // each unit concerned is told once per move: the city (assigned) and the province (issuer)
        assertThat(notices(cityOfficer)).hasSize(2).first().satisfies(n -> {
            assertThat(n.taskText()).contains(eventName).contains("11/09/2025").contains("77-KH/TU");
            assertThat(n.dueOn()).isEqualTo(LocalDate.of(2025, 9, 11));
        });
        assertThat(notices(provinceOfficer)).hasSize(2);
        assertThat(notices.notify(new EventRescheduled(event.id(), tree.province.id(), eventName,
                LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 4), LocalDate.of(2025, 9, 11),
                LocalDate.of(2025, 9, 13)))).isZero();
        assertThat(notices(cityOfficer)).hasSize(2);

        // moved back: on time again, and the counters with it
        events.update(provinceOfficer, event.id(), new EventInput(eventName, EventKind.CONGRESS, null, false, null,
                null, LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 4), null, null), moved.version());
        assertThat(entry(provinceOfficer, plan.id()).state()).isEqualTo(CascadeState.ON_TIME);
        top = view.level(provinceOfficer, plan.id(), null, null, 0);
        assertThat(top.levels().get(0).late()).isZero();
        assertThat(top.levels().get(0).onTime()).isEqualTo(1);
        assertThat(notices(cityOfficer)).hasSize(3);
    }

    private UnitTask task(CurrentUser user, String kind) {
        return tasks.forUnit(user, tree.city.id()).stream().filter(t -> t.kind().equals(kind)).findFirst()
                .orElseThrow();
    }

    private CascadeNode entry(CurrentUser user, long planId) {
        return view.level(user, planId, null, null, 0).children().stream()
                .filter(n -> n.unitId() == tree.city.id()).findFirst().orElseThrow();
    }

    private List<Notification> notices(CurrentUser user) {
        return notifications.list(user, false, "").stream().filter(n -> n.kind().equals("RESCHEDULED")).toList();
    }

    private long reminderCount(long taskId) {
        return jdbc.sql("select count(*) from notification where item_type = 'TASK' and item_id = :t and stage = 'D7'")
                .param("t", taskId).query(Long.class).single();
    }

    @Autowired
    CascadeDerive deriving;

    private long derive(CurrentUser user, long parent) {
        return deriving.derive(user, parent, user.unitId()).planId();
    }

    private void issue(CurrentUser user, long draftId, LocalDate issuedOn) {
        StoredPlan draft = plans.get(user, draftId);
        Plan p = draft.plan();
        DocumentHeader d = p.document();
        List<Assignment> assignments = new ArrayList<>();
        assignments.add(new Assignment(tree.own.name(), vn.lantoa.planformat.Role.LEAD, List.of(
                new Task("Xây dựng kế hoạch thực hiện", TimeRef.day(issuedOn.plusDays(20)), TaskKind.PLAN))));
        Plan filled = new Plan(new DocumentHeader(d.kind(), "9", "9-KH/TU", d.system(), issuedOn, null, d.issuer(),
                d.title(), new Signer("Nguyễn Văn A", "Bí thư", "T/M")), p.bases(), p.citations(), p.events(),
                p.phases(), p.channels(), p.themes(), p.slogans(), assignments, p.reporting(), p.recipients(),
                p.warnings());
        plans.save(user, draftId, new PlanInput(filled, null, draft.version()), null);
        plans.issue(user, draftId, null);
    }
}
