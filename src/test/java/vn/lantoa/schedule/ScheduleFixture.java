package vn.lantoa.schedule;

import java.time.LocalDate;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.event.EventInput;
import vn.lantoa.event.EventManagement;
import vn.lantoa.event.EventRecord;
import vn.lantoa.organization.Unit;
import vn.lantoa.plan.Classification;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.PlanJson;

/**
 * A congress of a unit (dates unknown) and an issued plan whose phases and dues are tied to it: "trước phiên khai mạc
 * 01 ngày" and "sau khi bế mạc". Names carry a token so that each test has its own.
 */
public final class ScheduleFixture {

    public final String congress;
    public final EventRecord event;
    public final StoredPlan plan;
    private final CurrentUser admin;

    public ScheduleFixture(EventManagement events, PlanManagement plans, Unit eventOwner, Unit issuer, String token,
            int number) {
        congress = "Đại hội đại biểu Đảng bộ thành phố " + token + " lần thứ XIV";
        admin = vn.lantoa.plan.PlanFixture.user(eventOwner, Role.SYS_ADMIN);
        event = events.create(admin,
                new EventInput(congress, null, eventOwner.id(), null, null, null, null, null, null, null));
        CurrentUser officer = vn.lantoa.plan.PlanFixture.user(issuer, Role.OFFICER);
        String json = """
                {"format":"lantoa.plan/1",
                 "document":{"kind":"KH","number":"NUMBER","symbol":"NUMBER-KH/TU","system":"party","issuedOn":"2025-01-10",
                   "place":"Phan Rang - Tháp Chàm","issuer":"Ban Thường vụ","title":"Tuyên truyền Đại hội TOKEN",
                   "signer":{"name":"Bùi Văn Phú","position":"Phó Bí thư","authority":"T/M Ban Thường vụ"}},
                 "events":[{"name":"CONGRESS","start":null,"end":null}],
                 "phases":[
                   {"label":"Đợt 2","title":"Trước khai mạc TOKEN","start":{"date":"2025-09-01"},
                    "end":{"event":"CONGRESS","edge":"start","relation":"before","offsetDays":-1},"content":[],"phases":[]},
                   {"label":"Đợt 3","title":"Sau bế mạc TOKEN","start":{"event":"CONGRESS","edge":"end","relation":"after"},
                    "end":{"month":"2025-12"},"content":[],"phases":[]}],
                 "channels":[],"themes":[],
                 "assignments":[{"unit":"Phòng Văn hóa và Thông tin","role":"lead","tasks":[
                   {"text":"Treo băng rôn TOKEN","kind":"activity",
                    "due":{"event":"CONGRESS","edge":"start","relation":"before","offsetDays":-1}}]}],
                 "reporting":[]}
                """.replace("CONGRESS", congress).replace("TOKEN", token).replace("NUMBER", String.valueOf(number));
        StoredPlan draft = plans.create(officer, new PlanInput(PlanJson.read(json), Classification.PUBLIC, null));
        plan = plans.issue(officer, draft.id(), draft.version());
    }

    /** Sets the congress's dates as the system administrator. */
    public EventRecord schedule(EventManagement events, LocalDate start, LocalDate end) {
        EventRecord current = events.get(admin, event.id());
        return events.update(admin, event.id(), new EventInput(congress, null, null, null, null, null, start, end,
                null, current.version()), null);
    }
}
