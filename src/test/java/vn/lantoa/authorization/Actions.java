package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.DELETE;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

import vn.lantoa.account.Role;

/**
 * The actions of the matrix and the calls that perform them. Each action is named in the policy file; each route
 * of the application must be one of these calls. Later issues add their actions here and their rows to the
 * policy file.
 */
final class Actions {

    private Actions() {
    }

    private static final Consumer<Ctx> NOTHING = ctx -> {
    };

    /** A short plan document for the importer. */
    private static final String PLAN_TEXT = """
            ĐẢNG BỘ TỈNH
            BAN TUYÊN GIÁO
            Số 12-KH/BTG
            KẾ HOẠCH
            Tuyên truyền kỷ niệm Ngày Quốc khánh 2/9
            I. MỤC ĐÍCH, YÊU CẦU
            Nâng cao nhận thức của cán bộ, đảng viên và nhân dân.
            II. NỘI DUNG TUYÊN TRUYỀN
            1. Ý nghĩa lịch sử của Cách mạng Tháng Tám và Ngày Quốc khánh.
            III. TỔ CHỨC THỰC HIỆN
            Các đơn vị báo cáo kết quả trước ngày 15/9.
            """;

    static final List<Action> ALL = List.of(
            // ---------------------------------------------------------------------------------------------- units
            new Action("unit.list", Action.Target.UNIT, List.of(
                    Probe.api(GET, "/api/v1/units")
                            .params(ctx -> Map.of("q", ctx.unit.name(), "includeClosed", true))
                            .marker(ctx -> "\"name\":\"" + ctx.unit.name() + "\""),
                    Probe.page(GET, "/admin/units").params(ctx -> Map.of("q", ctx.unit.name()))
                            .marker(ctx -> ">" + ctx.unit.shortName() + "<"),
                    Probe.page(GET, "/admin/units/{id}/children").vars(ctx -> ids(ctx.unitId())),
                    Probe.page(GET, "/admin/units/pick").params(ctx -> Map.of("q", ctx.unit.name(), "for", "parent"))),
                    NOTHING, NOTHING),
            new Action("unit.get", Action.Target.UNIT, List.of(
                    Probe.api(GET, "/api/v1/units/{id}").vars(ctx -> ids(ctx.unitId())).marker(ctx -> ctx.unit.name()),
                    Probe.api(GET, "/api/v1/units/{id}/history").vars(ctx -> ids(ctx.unitId()))
                            .marker(ctx -> ctx.unit.name()),
                    Probe.api(GET, "/api/v1/units/{id}/as-of").vars(ctx -> ids(ctx.unitId()))
                            .params(ctx -> Map.of("date", LocalDate.now(ZoneId.of("Asia/Ho_Chi_Minh"))))
                            .marker(ctx -> ctx.unit.name()),
                    Probe.api(GET, "/api/v1/units/{id}/ancestors").vars(ctx -> ids(ctx.unitId())),
                    Probe.page(GET, "/admin/units/{id}").vars(ctx -> ids(ctx.unitId())).marker(ctx -> ctx.unit.name())),
                    NOTHING, NOTHING),
            new Action("unit.create", Action.Target.UNIT_PARENT, List.of(
                    Probe.api(POST, "/api/v1/units").json(ctx -> Map.of("parentId", ctx.unitId(), "name", ctx.fresh,
                            "shortName", ctx.fresh, "kind", "OTHER")),
                    Probe.page(POST, "/admin/units/{id}/children").vars(ctx -> ids(ctx.unitId()))
                            .params(ctx -> Map.of("name", ctx.fresh, "kind", "OTHER"))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from unit where name = :name and parent_id = :parent",
                            Map.of("name", ctx.fresh, "parent", ctx.unitId()))).as("the new unit").isEqualTo(1)),
            new Action("unit.create-root", Action.Target.NONE, List.of(
                    Probe.api(POST, "/api/v1/units").json(ctx -> Map.of("name", ctx.fresh, "kind", "OTHER")),
                    Probe.page(POST, "/admin/units").params(ctx -> Map.of("name", ctx.fresh, "kind", "OTHER"))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from unit where name = :name and parent_id is null",
                            Map.of("name", ctx.fresh))).as("the new root").isEqualTo(1)),
            new Action("unit.update", Action.Target.UNIT_CHANGE, List.of(
                    Probe.api(PUT, "/api/v1/units/{id}").vars(ctx -> ids(ctx.unitId())).json(ctx -> Map.of(
                            "name", ctx.fresh, "shortName", ctx.fresh, "kind", ctx.unit.kind().name(),
                            "version", ctx.unit.version())),
                    Probe.page(POST, "/admin/units/{id}/rename").vars(ctx -> ids(ctx.unitId())).params(ctx -> Map.of(
                            "name", ctx.fresh, "kind", ctx.unit.kind().name(), "version", ctx.unit.version()))),
                    NOTHING, ctx -> {
                        Map<String, Object> unit = unitRow(ctx);
                        assertThat(unit.get("name")).as("the new name").isEqualTo(ctx.fresh);
                        assertThat(number(unit.get("version"))).as("the version").isEqualTo(ctx.unit.version() + 1);
                    }),
            new Action("unit.move", Action.Target.UNIT_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/units/{id}/move").vars(ctx -> ids(ctx.unitId()))
                            .json(ctx -> Map.of("parentId", ctx.destination.id(), "version", ctx.unit.version())),
                    Probe.page(POST, "/admin/units/{id}/move").vars(ctx -> ids(ctx.unitId()))
                            .params(ctx -> Map.of("parentId", ctx.destination.id(), "version", ctx.unit.version()))),
                    NOTHING, ctx -> assertThat(number(unitRow(ctx).get("parent_id"))).as("the new parent")
                            .isEqualTo(ctx.destination.id())),
            new Action("unit.close", Action.Target.UNIT_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/units/{id}/close").vars(ctx -> ids(ctx.unitId()))
                            .json(ctx -> Map.of("version", ctx.unit.version())),
                    Probe.page(POST, "/admin/units/{id}/close").vars(ctx -> ids(ctx.unitId()))
                            .params(ctx -> Map.of("version", ctx.unit.version()))),
                    NOTHING, ctx -> assertThat(unitRow(ctx).get("closed_on")).as("closed on").isNotNull()),
            new Action("unit.merge", Action.Target.UNIT_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/units/{id}/merge").vars(ctx -> ids(ctx.unitId()))
                            .json(ctx -> Map.of("successorId", ctx.destination.id(), "version", ctx.unit.version())),
                    Probe.page(POST, "/admin/units/{id}/merge").vars(ctx -> ids(ctx.unitId()))
                            .params(ctx -> Map.of("successorId", ctx.destination.id(), "version", ctx.unit.version()))),
                    NOTHING, ctx -> {
                        Map<String, Object> unit = unitRow(ctx);
                        assertThat(unit.get("closed_on")).as("closed on").isNotNull();
                        assertThat(number(unit.get("successor_id"))).as("successor").isEqualTo(ctx.destination.id());
                    }),
            new Action("unit.import", Action.Target.UNIT_PARENT, List.of(
                    Probe.api(POST, "/api/v1/units/import").upload("don-vi.csv", Actions::importFile,
                            ctx -> Map.of("parentId", ctx.unitId())),
                    Probe.page(POST, "/admin/units/import").upload("don-vi.csv", Actions::importFile,
                            ctx -> Map.of("parentId", ctx.unitId()))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from unit where name = :name and parent_id = :parent",
                            Map.of("name", ctx.fresh, "parent", ctx.unitId()))).as("the imported unit").isEqualTo(1)),
            new Action("unit.import-form", Action.Target.NONE, List.of(
                    Probe.page(GET, "/admin/units/import")), NOTHING, NOTHING),

            // ---------------------------------------------------------------------------------------------- users
            new Action("user.list", Action.Target.USER, List.of(
                    Probe.api(GET, "/api/v1/users").params(ctx -> Map.of("q", ctx.user.username()))
                            .marker(ctx -> "\"username\":\"" + ctx.user.username() + "\""),
                    Probe.page(GET, "/admin/users").params(ctx -> Map.of("q", ctx.user.username()))
                            .marker(ctx -> ">" + ctx.user.username() + "<")),
                    NOTHING, NOTHING),
            new Action("user.get", Action.Target.USER, List.of(
                    Probe.api(GET, "/api/v1/users/{id}").vars(ctx -> ids(ctx.userId()))
                            .marker(ctx -> ctx.user.username()),
                    Probe.page(GET, "/admin/users/{id}").vars(ctx -> ids(ctx.userId()))
                            .marker(ctx -> ctx.user.username())),
                    NOTHING, NOTHING),
            new Action("user.create", Action.Target.USER_UNIT, List.of(
                    Probe.api(POST, "/api/v1/users").json(ctx -> Map.of("username", ctx.fresh,
                            "displayName", "Người mới " + ctx.fresh, "unitId", ctx.unitId(), "role", "OFFICER")),
                    Probe.page(POST, "/admin/users").params(ctx -> Map.of("username", ctx.fresh,
                            "displayName", "Người mới " + ctx.fresh, "unitId", ctx.unitId(), "role", "OFFICER"))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from app_user where username = :name and unit_id = :unit",
                            Map.of("name", ctx.fresh, "unit", ctx.unitId()))).as("the new user").isEqualTo(1)),
            new Action("user.create-form", Action.Target.NONE, List.of(
                    Probe.page(GET, "/admin/users/new")), NOTHING, NOTHING),
            grant("user.grant", Role.UNIT_ADMIN),
            grant("user.grant-above", Role.SYS_ADMIN),
            new Action("user.move-out", Action.Target.USER_CHANGE, List.of(
                    Probe.api(PUT, "/api/v1/users/{id}").vars(ctx -> ids(ctx.userId())).json(ctx -> Map.of(
                            "unitId", ctx.world.unit(Relation.OTHER).id(), "version", ctx.before("version"))),
                    Probe.page(POST, "/admin/users/{id}").vars(ctx -> ids(ctx.userId())).params(ctx -> Map.of(
                            "displayName", ctx.before("display_name"), "unitId", ctx.world.unit(Relation.OTHER).id(),
                            "role", ctx.before("role"), "version", ctx.before("version")))),
                    NOTHING, ctx -> assertThat(number(userRow(ctx).get("unit_id"))).as("the user's unit")
                            .isEqualTo(ctx.world.unit(Relation.OTHER).id())),
            new Action("user.reset", Action.Target.USER_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/users/{id}/password-reset").vars(ctx -> ids(ctx.userId())),
                    Probe.page(POST, "/admin/users/{id}/reset").vars(ctx -> ids(ctx.userId()))),
                    NOTHING, ctx -> {
                        Map<String, Object> user = userRow(ctx);
                        assertThat(user.get("password_hash")).as("a new hash").isNotEqualTo(ctx.before("password_hash"));
                        assertThat(user.get("password_change_required")).as("must change").isEqualTo(true);
                    }),
            new Action("user.disable", Action.Target.USER_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/users/{id}/disable").vars(ctx -> ids(ctx.userId())),
                    Probe.page(POST, "/admin/users/{id}/disable").vars(ctx -> ids(ctx.userId()))),
                    NOTHING, ctx -> assertThat(userRow(ctx).get("enabled")).as("enabled").isEqualTo(false)),
            new Action("user.enable", Action.Target.USER_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/users/{id}/enable").vars(ctx -> ids(ctx.userId())),
                    Probe.page(POST, "/admin/users/{id}/enable").vars(ctx -> ids(ctx.userId()))),
                    ctx -> update(ctx, "update app_user set enabled = false, version = version + 1 where id = :id"),
                    ctx -> assertThat(userRow(ctx).get("enabled")).as("enabled").isEqualTo(true)),
            new Action("user.unlock", Action.Target.USER_CHANGE, List.of(
                    Probe.api(POST, "/api/v1/users/{id}/unlock").vars(ctx -> ids(ctx.userId())),
                    Probe.page(POST, "/admin/users/{id}/unlock").vars(ctx -> ids(ctx.userId()))),
                    ctx -> ctx.fixture.jdbc.sql("update app_user set failed_logins = 5, lock_count = 1, "
                            + "locked_until = :until where id = :id").param("id", ctx.userId())
                            .param("until", OffsetDateTime.now(ZoneOffset.UTC).plusHours(1)).update(),
                    ctx -> assertThat(userRow(ctx).get("locked_until")).as("locked until").isNull()),
            new Action("user.end-sessions", Action.Target.USER_CHANGE, List.of(
                    Probe.api(DELETE, "/api/v1/users/{id}/sessions").vars(ctx -> ids(ctx.userId())),
                    Probe.page(POST, "/admin/users/{id}/sessions/end").vars(ctx -> ids(ctx.userId()))),
                    NOTHING, ctx -> assertThat(number(userRow(ctx).get("session_epoch"))).as("session epoch")
                            .isEqualTo(number(ctx.before("session_epoch")) + 1)),

            // ---------------------------------------------------------------------------------------------- plans
            new Action("plan.import", Action.Target.NONE, List.of(
                    Probe.api(POST, "/api/v1/imports").upload("ke-hoach.txt", ctx -> PLAN_TEXT, ctx -> Map.of())
                            .marker(ctx -> "lantoa.plan/1"),
                    Probe.page(POST, "/plans/import").upload("ke-hoach.txt", ctx -> PLAN_TEXT, ctx -> Map.of())),
                    NOTHING, NOTHING),
            new Action("plan.import-form", Action.Target.NONE, List.of(Probe.page(GET, "/plans/import")), NOTHING,
                    NOTHING),
            new Action("plan.import-save", Action.Target.NONE, List.of(
                    Probe.page(POST, "/plans/import/save").params(ctx -> Map.of("document",
                            ctx.fixture.planJson(ctx.fresh), "sha256", sha256(ctx.fresh)))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from plan where issuer_unit_id = :unit "
                            + "and title = :title and status = 'DRAFT' and source_sha256 is not null",
                            Map.of("unit", ctx.actor.unitId(), "title", ctx.fresh))).as("the imported draft")
                            .isEqualTo(1)),

            // ---------------------------------------------------------------------------------------------- plans
            new Action("plan.list", Action.Target.PLAN_ISSUED, planList(), NOTHING, NOTHING),
            new Action("plan.list-draft", Action.Target.PLAN_DRAFT, planList(), NOTHING, NOTHING),
            new Action("plan.get", Action.Target.PLAN_ISSUED, planGet(), NOTHING, NOTHING),
            new Action("plan.get-draft", Action.Target.PLAN_DRAFT, planGet(), NOTHING, NOTHING),
            new Action("plan.create", Action.Target.NONE, List.of(
                    Probe.api(POST, "/api/v1/plans").json(ctx -> planBody(ctx, null)),
                    Probe.page(POST, "/plans/new").params(ctx -> Map.of("f/document/title", ctx.fresh))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from plan where issuer_unit_id = :unit "
                            + "and title = :title and status = 'DRAFT'", Map.of("unit", ctx.actor.unitId(),
                                    "title", ctx.fresh))).as("the new draft").isEqualTo(1)),
            new Action("plan.edit", Action.Target.PLAN_DRAFT, List.of(planEdit(),
                    Probe.page(POST, "/plans/{id}/edit").vars(ctx -> ids(ctx.plan)).params(ctx -> Map.of(
                            "version", ctx.before("version"), "f/document/title", ctx.fresh))), NOTHING, ctx -> {
                Map<String, Object> plan = planRow(ctx);
                assertThat(plan.get("title")).as("the new title").isEqualTo(ctx.fresh);
                assertThat(number(plan.get("version"))).as("the version").isEqualTo(number(ctx.before("version")) + 1);
            }),
            new Action("plan.new-form", Action.Target.NONE, List.of(Probe.page(GET, "/plans/new")), NOTHING,
                    NOTHING),
            new Action("plan.reading", Action.Target.PLAN_ISSUED, List.of(
                    Probe.page(POST, "/plans/{id}/reading").vars(ctx -> ids(ctx.plan))
                            .params(ctx -> Map.of("reading", "INCLUSIVE"))), NOTHING,
                    ctx -> assertThat(count(ctx, "select count(*) from event_plan_reading where plan_id = :id "
                            + "and reading = 'INCLUSIVE'", Map.of("id", ctx.plan))).as("the reading").isEqualTo(1)),
            new Action("plan.edit-issued", Action.Target.PLAN_ISSUED, List.of(planEdit()), NOTHING, NOTHING),
            new Action("plan.edit-form", Action.Target.PLAN_DRAFT, List.of(
                    Probe.page(GET, "/plans/{id}/edit").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> (String) ctx.before("title"))), NOTHING, NOTHING),
            new Action("plan.issue", Action.Target.PLAN_DRAFT, List.of(planIssue(), planIssuePage()), NOTHING,
                    ctx -> assertThat(planRow(ctx).get("status")).as("the status").isEqualTo("ISSUED")),
            new Action("plan.issue-issued", Action.Target.PLAN_ISSUED, List.of(planIssue(), planIssuePage()), NOTHING,
                    NOTHING),
            new Action("plan.units", Action.Target.PLAN_DRAFT, List.of(
                    Probe.api(GET, "/api/v1/plans/{id}/assignments").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> "\"heading\"")), NOTHING, NOTHING),
            new Action("plan.amend", Action.Target.PLAN_ISSUED, List.of(
                    Probe.api(POST, "/api/v1/plans/{id}/amendments").vars(ctx -> ids(ctx.plan))
                            .json(ctx -> planBody(ctx, number(ctx.before("version")))),
                    Probe.page(POST, "/plans/{id}/edit").vars(ctx -> ids(ctx.plan)).params(ctx -> Map.of(
                            "version", ctx.before("version"), "f/document/title", ctx.fresh))), NOTHING, ctx -> {
                Map<String, Object> plan = planRow(ctx);
                assertThat(plan.get("title")).as("the amended title").isEqualTo(ctx.fresh);
                assertThat(ctx.fixture.jdbc.sql("select revision from plan where id = :id").param("id", ctx.plan)
                        .query(Integer.class).single()).as("the revision").isEqualTo(2);
            }),
            new Action("plan.close", Action.Target.PLAN_ISSUED, List.of(
                    Probe.api(POST, "/api/v1/plans/{id}/close").vars(ctx -> ids(ctx.plan)),
                    Probe.page(POST, "/plans/{id}/close").vars(ctx -> ids(ctx.plan))), NOTHING,
                    ctx -> assertThat(planRow(ctx).get("status")).as("the status").isEqualTo("CLOSED")),
            new Action("plan.history", Action.Target.PLAN_ISSUED, List.of(
                    Probe.api(GET, "/api/v1/plans/{id}/history").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> "\"revision\"")), NOTHING, NOTHING),
            new Action("plan.checks", Action.Target.PLAN_DRAFT, List.of(
                    Probe.api(GET, "/api/v1/plans/{id}/checks").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> "\"findings\"")), NOTHING, NOTHING),
            new Action("plan.pick-units", Action.Target.PLAN_DRAFT, List.of(
                    Probe.api(PUT, "/api/v1/plans/{id}/assignments/{index}").vars(ctx -> ids(ctx.plan, 0))
                            .json(ctx -> Map.of("unitIds", List.of(), "version", ctx.before("version"))),
                    Probe.page(POST, "/plans/{id}/assignments/{index}").vars(ctx -> ids(ctx.plan, 0))
                            .params(ctx -> Map.of("version", ctx.before("version")))),
                    NOTHING, ctx -> assertThat(number(planRow(ctx).get("version"))).as("the version")
                            .isEqualTo(number(ctx.before("version")) + 1)),

            // ------------------------------------------------------------------- official documents (issue 8)
            new Action("plan.document", Action.Target.PLAN_ISSUED, planDocument(), NOTHING, NOTHING),
            new Action("plan.document-draft", Action.Target.PLAN_DRAFT, planDocument(), NOTHING, NOTHING),
            new Action("report.document", Action.Target.REPORT, List.of(
                    Probe.api(GET, "/api/v1/reports/{id}/document.docx").vars(ctx -> ids(ctx.report))
                            .marker(ctx -> "[Content_Types].xml"),
                    Probe.api(GET, "/api/v1/reports/{id}/document.pdf").vars(ctx -> ids(ctx.report))
                            .marker(ctx -> "%PDF-")), NOTHING, NOTHING),
            new Action("consolidation.document", Action.Target.PLAN_WORK, List.of(
                    Probe.api(GET, "/api/v1/plans/{id}/consolidation/document.docx").vars(ctx -> ids(ctx.plan))
                            .params(ctx -> Map.of("period", ExecutionActions.PERIOD))
                            .marker(ctx -> "[Content_Types].xml"),
                    Probe.api(GET, "/api/v1/plans/{id}/consolidation/document.pdf").vars(ctx -> ids(ctx.plan))
                            .params(ctx -> Map.of("period", ExecutionActions.PERIOD)).marker(ctx -> "%PDF-")),
                    NOTHING, NOTHING),

            // --------------------------------------------------------------------------------------------- events
            new Action("event.list", Action.Target.EVENT, List.of(
                    Probe.api(GET, "/api/v1/events").params(ctx -> Map.of("q", ctx.before("name"), "subtree", true))
                            .marker(ctx -> "\"id\":" + ctx.event + ","),
                    Probe.page(GET, "/events").params(ctx -> Map.of("q", ctx.before("name"), "subtree", true))
                            .marker(ctx -> "data-event-id=\"" + ctx.event + "\"")), NOTHING, NOTHING),
            new Action("event.get", Action.Target.EVENT, List.of(
                    Probe.api(GET, "/api/v1/events/{id}").vars(ctx -> ids(ctx.event))
                            .marker(ctx -> "\"id\":" + ctx.event + ","),
                    Probe.page(GET, "/events/{id}").vars(ctx -> ids(ctx.event))
                            .marker(ctx -> (String) ctx.before("name"))), NOTHING, NOTHING),
            new Action("event.create", Action.Target.UNIT_PARENT, List.of(
                    Probe.api(POST, "/api/v1/events").json(ctx -> Map.of("name", ctx.fresh, "ownerUnitId",
                            ctx.unitId()))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from event_record where name = :name "
                            + "and owner_unit_id = :unit", Map.of("name", ctx.fresh, "unit", ctx.unitId())))
                            .as("the new event").isEqualTo(1)),
            new Action("event.edit", Action.Target.EVENT, List.of(
                    Probe.api(PUT, "/api/v1/events/{id}").vars(ctx -> ids(ctx.event)).json(ctx -> Map.of(
                            "name", ctx.fresh, "start", "2025-10-14", "end", "2025-10-16",
                            "version", ctx.before("version"))),
                    Probe.page(POST, "/events/{id}").vars(ctx -> ids(ctx.event)).params(ctx -> Map.of(
                            "name", ctx.fresh, "start", "14/10/2025", "end", "16/10/2025",
                            "version", ctx.before("version")))),
                    NOTHING, ctx -> {
                        Map<String, Object> event = eventRow(ctx);
                        assertThat(event.get("name")).as("the new name").isEqualTo(ctx.fresh);
                        assertThat(number(event.get("version"))).as("the version")
                                .isEqualTo(number(ctx.before("version")) + 1);
                    }),

            // ------------------------------------------------------- activities, evidence, indicators (issue 7)
            ExecutionActions.ACTIVITY_RECORD, ExecutionActions.ACTIVITY_FORM, ExecutionActions.ACTIVITY_LIST,
            ExecutionActions.ACTIVITY_GET,
            ExecutionActions.EVIDENCE_GET, ExecutionActions.INDICATOR_LIST, ExecutionActions.INDICATOR_CREATE,
            ExecutionActions.REPORT_FIND, ExecutionActions.REPORT_GET, ExecutionActions.REPORT_EDIT,
            ExecutionActions.REPORT_SUBMIT, ExecutionActions.REPORT_REVIEW, ExecutionActions.CONSOLIDATION_GET,
            ExecutionActions.DASHBOARD_GET, ExecutionActions.ACTIVITY_TEMPLATE, ExecutionActions.ACTIVITY_BULK,

            // ----------------------------------------------------------------------- cascade: tasks, derive, view
            new Action("task.list", Action.Target.UNIT, List.of(
                    Probe.api(GET, "/api/v1/units/{id}/tasks").vars(ctx -> ids(ctx.unitId())),
                    Probe.page(GET, "/tasks").params(ctx -> Map.of("unit", ctx.unitId()))),
                    NOTHING, NOTHING),
            new Action("task.done", Action.Target.TASK, List.of(
                    Probe.api(POST, "/api/v1/tasks/{id}/done").vars(ctx -> ids(ctx.task))
                            .json(ctx -> Map.of("note", ctx.fresh)),
                    Probe.page(POST, "/tasks/{id}/done").vars(ctx -> ids(ctx.task))
                            .params(ctx -> Map.of("note", ctx.fresh))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from task where id = :id "
                            + "and status = 'DONE' and done_note = :note", Map.of("id", ctx.task, "note", ctx.fresh)))
                            .as("the task done with the note").isEqualTo(1)),
            new Action("plan.derive", Action.Target.PLAN_ISSUED, List.of(
                    Probe.api(POST, "/api/v1/plans/{id}/derive").vars(ctx -> ids(ctx.plan))
                            .json(ctx -> Map.of("unitId", ctx.actor.unitId())),
                    Probe.page(POST, "/plans/{id}/derive").vars(ctx -> ids(ctx.plan))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from cascade_derivation d "
                            + "join plan p on p.id = d.plan_id where d.parent_plan_id = :parent and d.unit_id = :unit "
                            + "and p.status = 'DRAFT' and p.issuer_unit_id = :unit",
                            Map.of("parent", ctx.plan, "unit", ctx.actor.unitId()))).as("the unit's draft")
                            .isEqualTo(1)),
            new Action("plan.cascade", Action.Target.PLAN_ISSUED, List.of(
                    Probe.api(GET, "/api/v1/plans/{id}/cascade").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> "\"rootPlanId\":" + ctx.plan + ","),
                    Probe.page(GET, "/plans/{id}/cascade").vars(ctx -> ids(ctx.plan)),
                    Probe.page(GET, "/plans/{id}/cascade/export").vars(ctx -> ids(ctx.plan)),
                    Probe.api(GET, "/api/v1/plans/{id}/coverage").vars(ctx -> ids(ctx.plan))
                            .marker(ctx -> "\"planId\":" + ctx.plan + ","),
                    Probe.page(GET, "/plans/{id}/coverage").vars(ctx -> ids(ctx.plan))),
                    NOTHING, NOTHING),

            // ---------------------------------------------------------------------------------- notifications
            new Action("notification.list", Action.Target.NONE, List.of(
                    Probe.api(GET, "/api/v1/notifications").marker(ctx -> "\"unread\":"),
                    Probe.api(GET, "/api/v1/notifications/preferences").marker(ctx -> "\"reminders\":"),
                    Probe.page(GET, "/notifications")), NOTHING, NOTHING),
            new Action("notification.read", Action.Target.NONE, List.of(
                    Probe.api(POST, "/api/v1/notifications/{id}/read").vars(ctx -> ids(notification(ctx)))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from notification_read where "
                            + "notification_id = :id and user_id = :user", Map.of("id", ctx.task, "user",
                                    ctx.actor.id()))).as("read").isEqualTo(1)),
            new Action("notification.read-all", Action.Target.NONE, List.of(
                    Probe.api(POST, "/api/v1/notifications/read-all"),
                    Probe.page(POST, "/notifications/read-all")), NOTHING, NOTHING),
            new Action("notification.preferences", Action.Target.NONE, List.of(
                    Probe.api(PUT, "/api/v1/notifications/preferences").json(ctx -> Map.of("byEmail", false,
                            "reminders", true, "overdue", true, "escalations", false,
                            "version", preferencesVersion(ctx))),
                    Probe.page(POST, "/notifications/preferences").params(ctx -> Map.of("reminders", true,
                            "overdue", true, "version", preferencesVersion(ctx)))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from notification_preference where "
                            + "user_id = :user and reminders and not escalations", Map.of("user", ctx.actor.id())))
                            .as("the choices").isEqualTo(1)),

            // ------------------------------------------------------------------- a plan's times, the calendar
            new Action("plan.times", Action.Target.PLAN_ISSUED, List.of(planTimes()), NOTHING, NOTHING),
            new Action("plan.times-draft", Action.Target.PLAN_DRAFT, List.of(planTimes()), NOTHING, NOTHING),
            new Action("schedule.view", Action.Target.NONE, List.of(
                    Probe.page(GET, "/schedule").params(ctx -> Map.of("month", "2025-10", "subtree", true))),
                    NOTHING, NOTHING),
            new Action("schedule.feed-create", Action.Target.OWN, List.of(Probe.page(POST, "/schedule/feed")),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from schedule_feed where user_id = :user "
                            + "and revoked_at is null", Map.of("user", ctx.actor.id()))).as("the new feed").isEqualTo(1)),
            new Action("schedule.feed-revoke", Action.Target.OWN, List.of(Probe.page(POST, "/schedule/feed/revoke")),
                    ctx -> ctx.fixture.jdbc.sql("insert into schedule_feed (user_id, unit_id, subtree, token_hash, "
                            + "created_at) values (:user, :unit, false, :hash, current_timestamp)")
                            .param("user", ctx.actor.id()).param("unit", ctx.actor.unitId())
                            .param("hash", java.util.UUID.randomUUID().toString()).update(),
                    ctx -> assertThat(count(ctx, "select count(*) from schedule_feed where user_id = :user "
                            + "and revoked_at is null", Map.of("user", ctx.actor.id()))).as("no live feed").isZero()),

            // --------------------------------------------------------------------------------- the own account
            new Action("me.tokens", Action.Target.NONE, List.of(Probe.api(GET, "/api/v1/me/tokens")), NOTHING,
                    NOTHING),
            new Action("me.token-create", Action.Target.OWN, List.of(
                    Probe.api(POST, "/api/v1/me/tokens").json(ctx -> Map.of("name", ctx.fresh, "validDays", 1))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from api_token where user_id = :user "
                            + "and name = :name", Map.of("user", ctx.actor.id(), "name", ctx.fresh)))
                            .as("the new token").isEqualTo(1)),
            new Action("token.revoke", Action.Target.TOKEN, List.of(
                    Probe.api(DELETE, "/api/v1/me/tokens/{id}").vars(ctx -> ids(ctx.token))),
                    NOTHING, ctx -> assertThat(count(ctx, "select count(*) from api_token where id = :id "
                            + "and revoked_at is not null", Map.of("id", ctx.token))).as("revoked").isEqualTo(1)),
            new Action("home", Action.Target.NONE, List.of(Probe.page(GET, "/")), NOTHING, NOTHING),
            new Action("me.get", Action.Target.NONE, List.of(
                    Probe.api(GET, "/api/v1/me").marker(ctx -> ctx.actor.username())), NOTHING, NOTHING),
            new Action("me.password-form", Action.Target.NONE, List.of(Probe.page(GET, "/account/password")),
                    NOTHING, NOTHING),
            new Action("me.password", Action.Target.OWN, List.of(
                    Probe.api(PUT, "/api/v1/me/password").json(ctx -> Map.of(
                            "currentPassword", ctx.actor.password(), "newPassword", newPassword(ctx))),
                    Probe.page(POST, "/account/password").params(ctx -> Map.of(
                            "currentPassword", ctx.actor.password(), "newPassword", newPassword(ctx),
                            "confirmPassword", newPassword(ctx)))),
                    NOTHING, ctx -> assertThat(userRow(ctx).get("password_hash")).as("a new hash")
                            .isNotEqualTo(ctx.before("password_hash"))));

    static final Map<String, Action> BY_NAME = ALL.stream()
            .collect(Collectors.toMap(Action::name, Function.identity(), (a, b) -> {
                throw new IllegalStateException("two actions named " + a.name());
            }, LinkedHashMap::new));

    static Action named(String name) {
        Action action = BY_NAME.get(name);
        if (action == null) {
            throw new IllegalArgumentException("no action " + name + " in " + BY_NAME.keySet());
        }
        return action;
    }

    private static List<Probe> planList() {
        return List.of(
                Probe.api(GET, "/api/v1/plans").params(ctx -> Map.of("q", ctx.before("title")))
                        .marker(ctx -> "\"id\":" + ctx.plan + ","),
                Probe.page(GET, "/plans").params(ctx -> Map.of("q", ctx.before("title")))
                        .marker(ctx -> "href=\"/plans/" + ctx.plan + "\""));
    }

    private static List<Probe> planGet() {
        return List.of(
                Probe.api(GET, "/api/v1/plans/{id}").vars(ctx -> ids(ctx.plan))
                        .marker(ctx -> "\"id\":" + ctx.plan + ","),
                Probe.page(GET, "/plans/{id}").vars(ctx -> ids(ctx.plan)).marker(ctx -> (String) ctx.before("title")));
    }

    private static Probe planTimes() {
        return Probe.api(GET, "/api/v1/plans/{id}/times").vars(ctx -> ids(ctx.plan))
                .marker(ctx -> "\"planId\":" + ctx.plan + ",");
    }

    /** The plan as DOCX (a zip: its first entry's name is readable) and as PDF. */
    private static List<Probe> planDocument() {
        return List.of(
                Probe.api(GET, "/api/v1/plans/{id}/document.docx").vars(ctx -> ids(ctx.plan))
                        .marker(ctx -> "[Content_Types].xml"),
                Probe.api(GET, "/api/v1/plans/{id}/document.pdf").vars(ctx -> ids(ctx.plan)).marker(ctx -> "%PDF-"));
    }

    private static Probe planEdit() {
        return Probe.api(PUT, "/api/v1/plans/{id}").vars(ctx -> ids(ctx.plan))
                .json(ctx -> planBody(ctx, number(ctx.before("version"))));
    }

    private static Probe planIssuePage() {
        return Probe.page(POST, "/plans/{id}/issue").vars(ctx -> ids(ctx.plan));
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Probe planIssue() {
        return Probe.api(POST, "/api/v1/plans/{id}/issue").vars(ctx -> ids(ctx.plan));
    }

    /** A plan document titled {@code ctx.fresh}, with the version it replaces when there is one. */
    private static Map<String, Object> planBody(Ctx ctx, Long version) {
        Map<String, Object> body = new LinkedHashMap<>(AuthorizationFixture.JSON.readValue(
                ctx.fixture.planJson(ctx.fresh), Map.class));
        if (version != null) {
            body.put("version", version);
        }
        return body;
    }

    static Map<String, Object> planRow(Ctx ctx) {
        return ctx.fixture.jdbc.sql("select status, version, title from plan where id = :id").param("id", ctx.plan)
                .query().singleRow();
    }

    static Map<String, Object> eventRow(Ctx ctx) {
        return ctx.fixture.jdbc.sql("select name, version, start_date from event_record where id = :id")
                .param("id", ctx.event).query().singleRow();
    }

    /** A new notification addressed to the actor's unit (about the task of U), kept in {@code ctx.task}. */
    private static long notification(Ctx ctx) {
        String stage = "T" + System.nanoTime() % 1_000_000_000L;
        ctx.fixture.jdbc.sql("""
                insert into notification (unit_id, item_type, item_id, stage, kind, subject_unit, created_at)
                values (:unit, 'TASK', :task, :stage, 'REMINDER', :unit, :at)""").param("unit", ctx.actor.unitId())
                .param("task", ctx.world.tasks.get(Relation.SELF)).param("stage", stage)
                .param("at", OffsetDateTime.now(ZoneOffset.UTC)).update();
        ctx.task = ctx.fixture.jdbc.sql("select max(id) from notification where unit_id = :unit")
                .param("unit", ctx.actor.unitId()).query(Long.class).single();
        return ctx.task;
    }

    /** The version of the actor's notification preferences (0 before the first save). */
    private static long preferencesVersion(Ctx ctx) {
        return ctx.fixture.jdbc.sql("select coalesce(max(version), 0) from notification_preference where user_id = :u")
                .param("u", ctx.actor.id()).query(Long.class).single();
    }

    /** Changes a user's role, keeping the name and the unit. */
    private static Action grant(String name, Role role) {
        return new Action(name, Action.Target.USER_CHANGE, List.of(
                Probe.api(PUT, "/api/v1/users/{id}").vars(ctx -> ids(ctx.userId()))
                        .json(ctx -> Map.of("role", role.name(), "version", ctx.before("version"))),
                Probe.page(POST, "/admin/users/{id}").vars(ctx -> ids(ctx.userId())).params(ctx -> Map.of(
                        "displayName", ctx.before("display_name"), "unitId", ctx.before("unit_id"),
                        "role", role.name(), "version", ctx.before("version")))),
                NOTHING, ctx -> assertThat(userRow(ctx).get("role")).as("the role").isEqualTo(role.name()));
    }

    private static String importFile(Ctx ctx) {
        return "name,kind\n" + ctx.fresh + ",Khác\n";
    }

    /** A new password that passes the policy (long, no context word), the same for both fields of the form. */
    private static String newPassword(Ctx ctx) {
        return "cau-vong-bay-sac-" + Long.toString(ctx.actor.id() * 7919 + 17, 36) + "-q";
    }

    private static Object[] ids(long... ids) {
        return Arrays.stream(ids).boxed().toArray();
    }

    static long number(Object value) {
        return ((Number) value).longValue();
    }

    static Map<String, Object> unitRow(Ctx ctx) {
        return ctx.fixture.jdbc.sql("select parent_id, name, closed_on, successor_id, version from unit where id = :id")
                .param("id", ctx.unitId()).query().singleRow();
    }

    static Map<String, Object> userRow(Ctx ctx) {
        long id = ctx.user != null ? ctx.userId() : ctx.actor.id();
        return ctx.fixture.jdbc.sql("""
                select display_name, unit_id, role, enabled, version, session_epoch, password_hash,
                       password_change_required, locked_until
                from app_user where id = :id""").param("id", id).query().singleRow();
    }

    private static long count(Ctx ctx, String sql, Map<String, ?> params) {
        return ctx.fixture.jdbc.sql(sql).params(params).query(Long.class).single();
    }

    private static void update(Ctx ctx, String sql) {
        ctx.fixture.jdbc.sql(sql).param("id", ctx.userId()).update();
    }
}
