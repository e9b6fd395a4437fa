package vn.lantoa.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import jakarta.mail.internet.MimeMessage;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.Users;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.plan.PlanFixture;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.cascade.CascadeIssuing;

/**
 * Reminders: every stage before, on and after the due date, the escalation to the superior unit, once per item and
 * stage even when two runs race; the in-app list with its unread count and the user's choices; e-mail through an
 * in-process SMTP server (GreenMail).
 */
@SpringBootTest(properties = {"spring.mail.host=127.0.0.1", "spring.mail.port=35125",
        "lantoa.notification.scheduled=false", "lantoa.notification.base-url=https://lantoa.example"})
@AutoConfigureMockMvc
class NotificationTest {

    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(new ServerSetup(35125, "127.0.0.1", "smtp"));

    @Autowired
    MockMvc mvc;
    @Autowired
    UnitManagement unitManagement;
    @Autowired
    PlanManagement plans;
    @Autowired
    CascadeIssuing issuing;
    @Autowired
    Reminders reminders;
    @Autowired
    Mailer mailer;
    @Autowired
    Notifications notifications;
    @Autowired
    Users users;
    @Autowired
    JdbcClient jdbc;

    static final LocalDate TODAY = LocalDate.now(Reminders.ZONE);

    /** A plan of the province giving the city one activity task per due date. */
    StoredPlan plan(PlanFixture tree, CurrentUser officer, List<LocalDate> dues) {
        StringBuilder tasks = new StringBuilder();
        for (int i = 0; i < dues.size(); i++) {
            tasks.append(i == 0 ? "" : ",").append("{ \"text\": \"Nhiệm vụ ").append(i).append(' ').append(tree.token)
                    .append("\", \"due\": { \"date\": \"").append(dues.get(i)).append("\" }, \"kind\": \"activity\" }");
        }
        String json = """
                {
                  "format": "lantoa.plan/1",
                  "document": { "kind": "KH", "number": "7", "symbol": "7-KH/TU", "system": "party",
                    "issuedOn": "ISSUED", "issuer": "Ban Thường vụ", "title": "tuyên truyền TOKEN",
                    "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" } },
                  "events": [], "phases": [], "channels": [], "themes": [],
                  "assignments": [ { "unit": "Các đơn vị TOKEN", "role": "lead", "tasks": [ TASKS ] } ],
                  "recipients": [ "Lưu" ]
                }
                """.replace("TOKEN", tree.token).replace("TASKS", tasks).replace("ISSUED", TODAY.minusDays(30)
                        .toString());
        StoredPlan plan = plans.issue(officer, plans.create(officer, PlanInput.parse(json)).id(), null);
        issuing.issued(new PlanIssued(plan.id(), 1, tree.province.id(), "7-KH/TU", TODAY.minusDays(30),
                Instant.now(), List.of(), List.of(new PlanIssued.AssignedUnit(tree.city.id(), 0,
                        vn.lantoa.planformat.Role.LEAD))));
        return plan;
    }

    List<String> stages(long unitId, String token) {
        return jdbc.sql("""
                select n.stage || ':' || substring(pt.text, 10, 1) from notification n
                join task t on t.id = n.item_id
                join cascade_plan_task pt on pt.plan_id = t.plan_id and pt.assignment_index = t.assignment_index
                                         and pt.task_index = t.task_index
                where n.unit_id = :unit and pt.text like :token order by 1""").param("unit", unitId)
                .param("token", "%" + token).query(String.class).list();
    }

    @Test
    void everyStageOnceEvenWhenTwoRunsRaceAndTheSuperiorIsToldAfterAWeek() throws Exception {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        // due in 7, 5, 2, 1, 0 days; 1, 4 and 10 days ago; and one done already
        plan(tree, provinceOfficer, List.of(TODAY.plusDays(7), TODAY.plusDays(5), TODAY.plusDays(2),
                TODAY.plusDays(1), TODAY, TODAY.minusDays(1), TODAY.minusDays(4), TODAY.minusDays(10),
                TODAY.plusDays(3)));
        jdbc.sql("""
                update task set status = 'DONE' where unit_id = :unit and id = (select max(id) from task
                where unit_id = :unit)""").param("unit", tree.city.id()).update();

        CompletableFuture<Integer> a = CompletableFuture.supplyAsync(() -> reminders.run(TODAY));
        CompletableFuture<Integer> b = CompletableFuture.supplyAsync(() -> reminders.run(TODAY));
        a.get();
        b.get();
        assertThat(reminders.run(TODAY)).as("a third run makes nothing new").isZero();

        // D7 for 7 and 5 days, D3 for 2, D1, D0; O0 for 1 and 3 days ago (every 3 days: O1 from day 4); O3 for 10
        assertThat(stages(tree.city.id(), tree.token)).containsExactly("D0:4", "D1:3", "D3:2", "D7:0", "D7:1",
                "O0:5", "O1:6", "O3:7");
        // 10 days overdue (escalation after 7): the province is told, once
        assertThat(stages(tree.province.id(), tree.token)).containsExactly("E:7");

        // the list and the unread count of a city officer; another unit sees none of it
        CurrentUser cityOfficer = PlanFixture.user(tree.city, Role.OFFICER);
        mvc.perform(get("/api/v1/notifications").with(PlanFixture.as(cityOfficer))).andExpect(status().isOk())
                .andExpect(jsonPath("$.unread").value(8)).andExpect(jsonPath("$.items.length()").value(8))
                .andExpect(jsonPath("$.items[0].zalo").value(org.hamcrest.Matchers.containsString(
                        tree.city.name())));
        assertThat(notifications.unread(PlanFixture.user(tree.front, Role.OFFICER))).isZero();
        long first = notifications.list(cityOfficer, false, "").get(0).id();
        mvc.perform(post("/api/v1/notifications/{id}/read", first).with(PlanFixture.as(cityOfficer)).with(csrf()))
                .andExpect(status().isNoContent());
        assertThat(notifications.unread(cityOfficer)).isEqualTo(7);
        mvc.perform(post("/api/v1/notifications/{id}/read", first).with(PlanFixture.as(tree.front, Role.OFFICER))
                .with(csrf())).andExpect(status().isNotFound())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_NOT_FOUND"));

        // the officer wants no reminders: only the overdue ones are listed
        mvc.perform(put("/api/v1/notifications/preferences").with(PlanFixture.as(cityOfficer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"email": null, "byEmail": false, "reminders": false, "overdue": true, "escalations": true,
                         "version": 0}""")).andExpect(status().isOk()).andExpect(jsonPath("$.version").value(1));
        assertThat(notifications.list(cityOfficer, false, "")).extracting(Notification::kind).containsOnly("OVERDUE")
                .hasSize(3);
        mvc.perform(put("/api/v1/notifications/preferences").with(PlanFixture.as(cityOfficer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"email": "khong-phai-thu", "byEmail": true, "reminders": true, "overdue": true,
                         "escalations": true, "version": 1}""")).andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.code").value("NOTIFICATION_EMAIL"));
        mvc.perform(put("/api/v1/notifications/preferences").with(PlanFixture.as(cityOfficer)).with(csrf())
                .contentType(MediaType.APPLICATION_JSON).content("""
                        {"email": null, "byEmail": false, "reminders": true, "overdue": true, "escalations": true,
                         "version": 0}""")).andExpect(status().isConflict())
                .andExpect(jsonPath("$.code").value("STALE_VERSION"));

        mvc.perform(post("/api/v1/notifications/read-all").with(PlanFixture.as(cityOfficer)).with(csrf()))
                .andExpect(status().isOk());
        assertThat(notifications.unread(cityOfficer)).isZero();
        mvc.perform(get("/notifications").with(PlanFixture.as(cityOfficer))).andExpect(status().isOk());
    }

    @Test
    void emailGoesToTheUsersOfTheUnitWhoAskedForItOnce() throws Exception {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        plan(tree, provinceOfficer, List.of(TODAY.plusDays(3)));
        String name = "thu." + tree.token;
        long id = users.insert(name, "Cán bộ " + tree.token, tree.city.id(), Role.OFFICER, "{noop}x", false,
                Instant.now());
        CurrentUser wantsMail = new CurrentUser(id, name, name, tree.city.id(), tree.city.path(),
                tree.city.shortName(), Role.OFFICER, false);
        notifications.save(wantsMail, new Preferences(name + "@lantoa.example", true, true, true, true, 0));
        reminders.run(TODAY);

        assertThat(mailer.configured()).isTrue();
        mailer.sendPending();
        mailer.sendPending();
        List<MimeMessage> received = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            if (java.util.Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().equals(
                    name + "@lantoa.example"))) {
                received.add(m);
            }
        }
        assertThat(received).hasSize(1);
        assertThat(received.get(0).getSubject()).isEqualTo("[Lan Tỏa] Sắp đến hạn: Nhiệm vụ 0 " + tree.token);
        assertThat((String) received.get(0).getContent()).contains(tree.city.name()).contains("https://lantoa.example/tasks?unit=");
    }

    @Autowired
    vn.lantoa.event.EventManagement events;

    /** An event a plan's task depends on is moved: its unit is told in the app and by e-mail, as each user chose. */
    @Test
    void aMovedEventIsToldToTheUnitsOnceByEmailToThoseWhoWantIt() throws Exception {
        PlanFixture tree = new PlanFixture(unitManagement);
        CurrentUser provinceOfficer = PlanFixture.user(tree.province, Role.OFFICER);
        String event = "Đại hội đại biểu Đảng bộ tỉnh " + tree.token;
        String json = """
                {
                  "format": "lantoa.plan/1",
                  "document": { "kind": "KH", "number": "8", "symbol": "8-KH/TU", "system": "party",
                    "issuedOn": "2025-06-02", "issuer": "Ban Thường vụ", "title": "tuyên truyền TOKEN",
                    "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" } },
                  "events": [ { "name": "EVENT" } ], "phases": [], "channels": [], "themes": [],
                  "assignments": [ { "unit": "CITY", "role": "lead", "tasks": [
                    { "text": "Báo cáo trước khai mạc", "due": { "event": "EVENT", "edge": "start",
                      "relation": "before" }, "kind": "report" } ] } ],
                  "recipients": [ "Lưu" ]
                }
                """.replace("TOKEN", tree.token).replace("EVENT", event).replace("CITY", tree.city.name());
        plans.issue(provinceOfficer, plans.create(provinceOfficer, PlanInput.parse(json)).id(), null);
        String wants = "doingay." + tree.token;
        String quiet = "khong." + tree.token;
        CurrentUser wantsMail = stored(tree, wants);
        CurrentUser noChanges = stored(tree, quiet);
        notifications.save(wantsMail, new Preferences(wants + "@lantoa.example", true, true, true, true, 0, true));
        notifications.save(noChanges, new Preferences(quiet + "@lantoa.example", true, true, true, true, 0, false));

        events.create(provinceOfficer, new vn.lantoa.event.EventInput(event, vn.lantoa.event.EventKind.CONGRESS,
                tree.province.id(), false, null, null, LocalDate.of(2025, 10, 2), LocalDate.of(2025, 10, 4), null,
                null));

        List<Notification> seen = notifications.list(wantsMail, false, "");
        assertThat(seen).filteredOn(n -> n.kind().equals("RESCHEDULED")).singleElement().satisfies(n -> {
            assertThat(n.taskText()).contains(event).contains("02/10/2025").contains("8-KH/TU");
            assertThat(n.zalo()).contains(tree.city.name());
        });
        assertThat(notifications.list(noChanges, false, "")).noneMatch(n -> n.kind().equals("RESCHEDULED"));
        mailer.sendPending();
        mailer.sendPending();
        List<MimeMessage> toWants = new java.util.ArrayList<>();
        List<MimeMessage> toQuiet = new java.util.ArrayList<>();
        for (MimeMessage m : smtp.getReceivedMessages()) {
            String to = java.util.Arrays.toString(m.getAllRecipients());
            if (to.contains(wants + "@")) {
                toWants.add(m);
            }
            if (to.contains(quiet + "@") && m.getSubject().contains("Đổi ngày")) {
                toQuiet.add(m);
            }
        }
        assertThat(toWants).singleElement().satisfies(m -> assertThat(m.getSubject())
                .startsWith("[Lan Tỏa] Đổi ngày: Sự kiện «" + event));
        assertThat(toQuiet).isEmpty();
        mvc.perform(get("/notifications").with(PlanFixture.as(wantsMail))).andExpect(status().isOk());
    }

    private CurrentUser stored(PlanFixture tree, String name) {
        long id = users.insert(name, "Cán bộ " + name, tree.city.id(), Role.OFFICER, "{noop}x", false,
                Instant.now());
        return new CurrentUser(id, name, name, tree.city.id(), tree.city.path(), tree.city.shortName(),
                Role.OFFICER, false);
    }
}
