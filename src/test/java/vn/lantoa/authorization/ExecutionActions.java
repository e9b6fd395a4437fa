package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

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

    static final Action ACTIVITY_RECORD = new Action("activity.record", Action.Target.PLAN_WORK, List.of(
            Probe.api(POST, "/api/v1/activities").upload("bien-ban.pdf", ctx -> "%PDF-1.4\n%%EOF\n",
                    ctx -> Map.of("planId", ctx.plan, "title", ctx.fresh, "channel", "oral",
                            "startsOn", "10/02/2025", "output.attendees", 30))),
            NOTHING, ctx -> assertThat(count(ctx, "select count(*) from activity where title = :title and unit_id = "
                    + ":unit", Map.of("title", ctx.fresh, "unit", ctx.actor.unitId()))).as("the activity")
                    .isEqualTo(1));

    static final Action ACTIVITY_LIST = new Action("activity.list", Action.Target.ACTIVITY, List.of(
            Probe.api(GET, "/api/v1/activities").params(ctx -> Map.of("plan", ctx.plan))
                    .marker(ctx -> "\"id\":" + ctx.activity + ",")),
            NOTHING, NOTHING);

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

    static final List<Action> ALL = List.of(ACTIVITY_RECORD, ACTIVITY_LIST, ACTIVITY_GET, EVIDENCE_GET,
            INDICATOR_LIST, INDICATOR_CREATE);

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
