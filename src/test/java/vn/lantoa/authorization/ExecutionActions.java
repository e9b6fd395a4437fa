package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;
import static org.springframework.http.HttpMethod.PUT;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import vn.lantoa.activity.EvidenceStorage;
import vn.lantoa.organization.Unit;

/**
 * The matrix's actions on activities, evidence and the indicator catalogue (issue 7), and their targets: an
 * activity, with a photo and its thumbnail, of the unit in each relation, for that unit's issued plan.
 */
final class ExecutionActions {

    private ExecutionActions() {
    }

    private static final Consumer<Ctx> NOTHING = ctx -> {
    };

    /** The period of the shared reports. */
    static final String PERIOD = "2025-Q1";

    static final Action ACTIVITY_RECORD = new Action("activity.record", Action.Target.PLAN_WORK, List.of(
            Probe.api(POST, "/api/v1/activities").upload("bien-ban.pdf", ctx -> "%PDF-1.4\n%%EOF\n",
                    ctx -> Map.of("planId", ctx.plan, "title", ctx.fresh, "channel", "oral",
                            "startsOn", "10/02/2025", "output.attendees", 30)),
            Probe.page(POST, "/activities").upload("bien-ban.pdf", ctx -> "%PDF-1.4\n%%EOF\n",
                    ctx -> Map.of("planId", ctx.plan, "title", ctx.fresh, "channel", "oral",
                            "startsOn", "10/02/2025"))),
            NOTHING, ctx -> assertThat(count(ctx, "select count(*) from activity where title = :title and unit_id = "
                    + ":unit", Map.of("title", ctx.fresh, "unit", ctx.actor.unitId()))).as("the activity")
                    .isEqualTo(1));

    static final Action ACTIVITY_LIST = new Action("activity.list", Action.Target.ACTIVITY, List.of(
            Probe.api(GET, "/api/v1/activities").params(ctx -> Map.of("plan", ctx.plan))
                    .marker(ctx -> "\"id\":" + ctx.activity + ","),
            Probe.page(GET, "/activities").params(ctx -> Map.of("plan", ctx.plan))
                    .marker(ctx -> "data-activity-id=\"" + ctx.activity + "\"")),
            NOTHING, NOTHING);

    static final Action ACTIVITY_FORM = new Action("activity.record-form", Action.Target.NONE, List.of(
            Probe.page(GET, "/activities/new")), NOTHING, NOTHING);

    static final Action ACTIVITY_GET = new Action("activity.get", Action.Target.ACTIVITY, List.of(
            Probe.api(GET, "/api/v1/activities/{id}").vars(ctx -> new Object[] {ctx.activity})
                    .marker(ctx -> "\"id\":" + ctx.activity + ",")),
            NOTHING, NOTHING);

    static final Action EVIDENCE_GET = new Action("evidence.get", Action.Target.ACTIVITY, List.of(
            Probe.api(GET, "/api/v1/evidence/{id}").vars(ctx -> new Object[] {ctx.evidence}),
            Probe.api(GET, "/api/v1/evidence/{id}/thumbnail").vars(ctx -> new Object[] {ctx.evidence})),
            NOTHING, NOTHING);

    static final Action INDICATOR_LIST = new Action("indicator.list", Action.Target.NONE, List.of(
            Probe.api(GET, "/api/v1/indicators").marker(ctx -> "\"code\":\"attendees\"")), NOTHING, NOTHING);

    static final Action INDICATOR_CREATE = new Action("indicator.create", Action.Target.NONE, List.of(
            Probe.api(POST, "/api/v1/indicators").json(ctx -> Map.of("code", code(ctx), "channel", "oral",
                    "name", ctx.fresh, "unitLabel", "lượt"))),
            NOTHING, ctx -> assertThat(count(ctx, "select count(*) from indicator where code = :code",
                    Map.of("code", code(ctx)))).as("the indicator").isEqualTo(1));

    static final Action REPORT_FIND = new Action("report.find", Action.Target.REPORT, List.of(
            Probe.api(GET, "/api/v1/reports").params(ctx -> Map.of("plan", ctx.plan, "unit", ctx.unit.id(),
                    "period", PERIOD)).marker(ctx -> "\"unitId\":" + ctx.unit.id() + ","),
            Probe.page(GET, "/reports").params(ctx -> Map.of("plan", ctx.plan, "unit", ctx.unit.id(),
                    "period", PERIOD))),
            NOTHING, NOTHING);

    static final Action REPORT_GET = new Action("report.get", Action.Target.REPORT, List.of(
            Probe.api(GET, "/api/v1/reports/{id}").vars(ctx -> new Object[] {ctx.report})
                    .marker(ctx -> "\"id\":" + ctx.report + ","),
            Probe.page(GET, "/reports/{id}").vars(ctx -> new Object[] {ctx.report})),
            NOTHING, NOTHING);

    static final Action REPORT_EDIT = new Action("report.edit", Action.Target.REPORT, List.of(
            Probe.api(PUT, "/api/v1/reports/{id}").vars(ctx -> new Object[] {ctx.report})
                    .json(ctx -> Map.of("version", ctx.before("version"), "results", ctx.fresh)),
            Probe.page(POST, "/reports/{id}").vars(ctx -> new Object[] {ctx.report})
                    .params(ctx -> Map.of("version", ctx.before("version"), "results", ctx.fresh))),
            NOTHING, ctx -> assertThat(reportRow(ctx).get("results")).as("the new text").isEqualTo(ctx.fresh));

    static final Action REPORT_SUBMIT = new Action("report.submit", Action.Target.REPORT, List.of(
            Probe.api(POST, "/api/v1/reports/{id}/submit").vars(ctx -> new Object[] {ctx.report}),
            Probe.page(POST, "/reports/{id}/submit").vars(ctx -> new Object[] {ctx.report})
                    .params(ctx -> Map.of("idempotencyKey", ctx.fresh))),
            NOTHING, ctx -> assertThat(reportRow(ctx).get("status")).as("the status").isEqualTo("SUBMITTED"));

    static final Action REPORT_REVIEW = new Action("report.review", Action.Target.REPORT_SUBMITTED, List.of(
            Probe.api(POST, "/api/v1/reports/{id}/return").vars(ctx -> new Object[] {ctx.report})
                    .json(ctx -> Map.of("comment", "Bổ sung số liệu")),
            Probe.api(POST, "/api/v1/reports/{id}/accept").vars(ctx -> new Object[] {ctx.report}),
            Probe.page(POST, "/reports/{id}/return").vars(ctx -> new Object[] {ctx.report})
                    .params(ctx -> Map.of("comment", "Bổ sung số liệu")),
            Probe.page(POST, "/reports/{id}/accept").vars(ctx -> new Object[] {ctx.report})),
            NOTHING, ctx -> assertThat(reportRow(ctx).get("status")).as("the status").isIn("RETURNED", "ACCEPTED"));

    static final Action CONSOLIDATION_GET = new Action("consolidation.get", Action.Target.PLAN_WORK, List.of(
            Probe.api(GET, "/api/v1/plans/{id}/consolidation").vars(ctx -> new Object[] {ctx.plan})
                    .params(ctx -> Map.of("period", PERIOD)).marker(ctx -> "\"planId\":" + ctx.plan + ","),
            Probe.api(GET, "/api/v1/plans/{id}/consolidation.xlsx").vars(ctx -> new Object[] {ctx.plan})
                    .params(ctx -> Map.of("period", PERIOD)),
            Probe.api(GET, "/api/v1/plans/{id}/completeness").vars(ctx -> new Object[] {ctx.plan})
                    .params(ctx -> Map.of("period", PERIOD)).marker(ctx -> "\"planId\":" + ctx.plan + ","),
            Probe.page(GET, "/plans/{id}/consolidation").vars(ctx -> new Object[] {ctx.plan})
                    .params(ctx -> Map.of("period", PERIOD))),
            NOTHING, NOTHING);

    static final Action ACTIVITY_TEMPLATE = new Action("activity.template", Action.Target.PLAN_WORK, List.of(
            Probe.api(GET, "/api/v1/plans/{id}/activities-template.xlsx").vars(ctx -> new Object[] {ctx.plan})),
            NOTHING, NOTHING);

    static final Action ACTIVITY_BULK = new Action("activity.bulk", Action.Target.PLAN_WORK, List.of(
            Probe.api(POST, "/api/v1/activities/bulk").upload("hoat-dong.xlsx", ExecutionActions::bulkFile,
                    ctx -> Map.of("planId", ctx.plan)),
            Probe.page(POST, "/activities/bulk").upload("hoat-dong.xlsx", ExecutionActions::bulkFile,
                    ctx -> Map.of("planId", ctx.plan))),
            NOTHING, ctx -> assertThat(count(ctx, "select count(*) from activity where title = :title and unit_id = "
                    + ":unit", Map.of("title", ctx.fresh, "unit", ctx.actor.unitId()))).as("the activity")
                    .isEqualTo(1));

    /** A filled activity template (one row titled with the fresh name), as "base64:…" for the upload probe. */
    static String bulkFile(Ctx ctx) {
        try (var wb = new org.apache.poi.xssf.usermodel.XSSFWorkbook();
                var out = new java.io.ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Hoạt động");
            var header = sheet.createRow(0);
            String[] headers = {"Tên hoạt động (*)", "Ngày bắt đầu (*) (dd/MM/yyyy)", "Ngày kết thúc (dd/MM/yyyy)",
                "Hình thức tuyên truyền (*)", "Đợt", "Nhiệm vụ", "Địa điểm", "Mô tả",
                "Tuyên truyền miệng: Người tham dự (người) [attendees]"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var row = sheet.createRow(1);
            row.createCell(0).setCellValue(ctx.fresh);
            row.createCell(1).setCellValue("10/02/2025");
            row.createCell(3).setCellValue("Tuyên truyền miệng");
            row.createCell(8).setCellValue(30);
            wb.write(out);
            return "base64:" + java.util.Base64.getEncoder().encodeToString(out.toByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** The dashboard of a plan the actor sees: for the actor's unit (or the issuer below it), its own subtree. */
    static final Action DASHBOARD_GET = new Action("dashboard.get", Action.Target.PLAN_WORK, List.of(
            Probe.api(GET, "/api/v1/plans/{id}/dashboard").vars(ctx -> new Object[] {ctx.plan})
                    .marker(ctx -> "\"planId\":" + ctx.plan + ","),
            Probe.page(GET, "/dashboard").params(ctx -> Map.of("plan", ctx.plan))),
            NOTHING, NOTHING);

    static final List<Action> ALL = List.of(ACTIVITY_RECORD, ACTIVITY_FORM, ACTIVITY_LIST, ACTIVITY_GET, EVIDENCE_GET,
            INDICATOR_LIST, INDICATOR_CREATE, REPORT_FIND, REPORT_GET, REPORT_EDIT, REPORT_SUBMIT, REPORT_REVIEW,
            CONSOLIDATION_GET);

    static Map<String, Object> reportRow(Ctx ctx) {
        return ctx.fixture.jdbc.sql("select status, version, results from report where id = :id")
                .param("id", ctx.report).query().singleRow();
    }

    /** An indicator code made from the fresh name. */
    static String code(Ctx ctx) {
        String code = "ct_" + ctx.fresh.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "_");
        return code.length() > 60 ? code.substring(0, 60) : code;
    }

    private static long count(Ctx ctx, String sql, Map<String, ?> params) {
        return ctx.fixture.jdbc.sql(sql).params(params).query(Long.class).single();
    }

    // ------------------------------------------------------------------------------------------------ targets

    private static final Map<String, long[]> ACTIVITIES = new ConcurrentHashMap<>();

    /** The activity (with a photo) of the relation's unit for its issued plan: made once per world and relation. */
    static void activity(Ctx ctx, EvidenceStorage storage) {
        Unit unit = ctx.world.unit(ctx.relation);
        long plan = ctx.world.issued.get(ctx.relation);
        long[] ids = ACTIVITIES.computeIfAbsent(ctx.world.token + ctx.relation, key -> insert(ctx, unit, plan,
                storage));
        ctx.plan = plan;
        ctx.activity = ids[0];
        ctx.evidence = ids[1];
    }

    /** Rows written directly: a closed unit records nothing through the application any more. */
    private static long[] insert(Ctx ctx, Unit unit, long plan, EvidenceStorage storage) {
        var jdbc = ctx.fixture.jdbc;
        OffsetDateTime now = OffsetDateTime.now();
        long resident = ctx.world.resident(ctx.relation).id();
        jdbc.sql("insert into activity (plan_id, unit_id, unit_path, title, channel, starts_on, ends_on, notable, "
                + "evidence_bytes, version, created_by, created_at, updated_by, updated_at) values (:plan, :unit, "
                + ":path, :title, 'oral', date '2025-02-10', date '2025-02-10', false, 0, 0, :user, :now, :user, :now)")
                .param("plan", plan).param("unit", unit.id()).param("path", unit.path())
                .param("title", ctx.fixture.freshName("Hoạt động")).param("user", resident).param("now", now)
                .update();
        long activity = jdbc.sql("select max(id) from activity where unit_id = :unit").param("unit", unit.id())
                .query(Long.class).single();
        String photo = keep(storage, vn.lantoa.activity.ActivityFixtureFiles.jpeg(64, 48));
        String thumb = keep(storage, vn.lantoa.activity.ActivityFixtureFiles.jpeg(32, 24));
        jdbc.sql("insert into evidence (activity_id, kind, display_name, media_type, size_bytes, sha256, "
                + "thumbnail_sha256, width, height, created_at) values (:activity, 'FILE', 'anh.jpg', 'image/jpeg', 1, "
                + ":sha, :thumb, 64, 48, :now)").param("activity", activity).param("sha", photo).param("thumb", thumb)
                .param("now", now).update();
        long evidence = jdbc.sql("select max(id) from evidence where activity_id = :activity")
                .param("activity", activity).query(Long.class).single();
        return new long[] {activity, evidence};
    }

    private static final Map<String, Long> REPORTS = new ConcurrentHashMap<>();
    private static final java.util.concurrent.atomic.AtomicInteger YEARS = new java.util.concurrent.atomic.AtomicInteger();

    /**
     * The report (2025-Q1) of the relation's unit on its issued plan, DRAFT or SUBMITTED; a fresh one (in a period of
     * its own) when a write must succeed, since the write changes its state.
     */
    static void report(Ctx ctx, boolean submitted, boolean fresh) {
        Unit unit = ctx.world.unit(ctx.relation);
        long plan = ctx.world.issued.get(ctx.relation);
        String status = submitted ? "SUBMITTED" : "DRAFT";
        long id = fresh ? insertReport(ctx, unit, plan, (3000 + YEARS.incrementAndGet() % 6000) + "-Q1", status)
                : REPORTS.computeIfAbsent(ctx.world.token + ctx.relation + status, key -> insertReport(ctx, unit,
                        plan, PERIOD, status));
        ctx.unit = unit;
        ctx.plan = plan;
        ctx.report = id;
        ctx.before.putAll(reportRow(ctx));
        ctx.fresh = ctx.fixture.freshName("Kết quả");
    }

    private static long insertReport(Ctx ctx, Unit unit, long plan, String period, String status) {
        var jdbc = ctx.fixture.jdbc;
        OffsetDateTime now = OffsetDateTime.now();
        long resident = ctx.world.resident(ctx.relation).id();
        int year = Integer.parseInt(period.substring(0, 4));
        // a plan without reporting duties has the quarters of Nghị định 09/2019: Q1 = 15/12 – 14/03
        jdbc.sql("insert into report (plan_id, unit_id, unit_path, period_id, period_from, period_to, status, version, "
                + "revision, submitted_at, on_time, created_by, created_at, updated_by, updated_at) values (:plan, "
                + ":unit, :path, :period, :from, :to, :status, 0, :revision, :submitted, :onTime, :user, :now, :user, "
                + ":now)").param("plan", plan).param("unit", unit.id()).param("path", unit.path())
                .param("period", submittedPeriod(period, status)).param("from", java.time.LocalDate.of(year - 1, 12, 15))
                .param("to", java.time.LocalDate.of(year, 3, 14)).param("status", status)
                .param("revision", status.equals("SUBMITTED") ? 1 : 0)
                .param("submitted", status.equals("SUBMITTED") ? now : null)
                .param("onTime", status.equals("SUBMITTED") ? Boolean.TRUE : null).param("user", resident)
                .param("now", now).update();
        return jdbc.sql("select id from report where plan_id = :plan and unit_id = :unit and period_id = :period")
                .param("plan", plan).param("unit", unit.id()).param("period", submittedPeriod(period, status))
                .query(Long.class).single();
    }

    /** The shared submitted report lives in 2024-Q1, apart from the shared draft of 2025-Q1. */
    private static String submittedPeriod(String period, String status) {
        return status.equals("SUBMITTED") && period.equals(PERIOD) ? "2024-Q1" : period;
    }

    private static String keep(EvidenceStorage storage, byte[] bytes) {
        try {
            EvidenceStorage.Staged staged = storage.stage(new ByteArrayInputStream(bytes), bytes.length);
            storage.keep(staged);
            return staged.sha256();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
