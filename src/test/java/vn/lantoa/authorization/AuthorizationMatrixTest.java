package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.servlet.ModelAndView;

import vn.lantoa.account.Role;
import vn.lantoa.authorization.Probe.Channel;

/**
 * the authorisation matrix. Every row of {@code authorization-policy.csv} (role × relation × action) is
 * run with each {@link Mechanism}: a session (form login, the session cookie, the CSRF token), HTTP Basic and a
 * personal API token (no cookie, no CSRF token), through the whole filter chain. With the session, the action is
 * performed both through the API and through its page; with Basic and tokens, through the API (a browser, the only
 * client of the pages, always has the session).
 *
 * <p>Every call must give the row's outcome: the status, the problem's {@code code} in the API; a list shows the
 * target (OK) or not (FILTERED); a write that must succeed has its effect in the database, on a target of its own
 * (a fresh unit or user standing in the row's relation), so that no cell depends on another; every other call leaves
 * the world's units, their history and their users exactly as they were. Both mechanisms must give the same answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest extends AuthorizationSupport {

    /** One cell: a policy row, run with one mechanism. */
    record Cell(Policy.Row row, Mechanism mechanism) {

        @Override
        public String toString() {
            return row.role() + " " + row.relation().label() + " " + row.action() + " via " + mechanism + " -> "
                    + row.expected().label() + (row.code().isEmpty() ? "" : " " + row.code());
        }
    }

    /** The API answers of each row, per mechanism, for A-02. */
    private final Map<String, Map<Mechanism, List<String>>> apiAnswers = new ConcurrentHashMap<>();
    private long started;
    private int calls;
    private final Map<String, Long> nanos = new ConcurrentHashMap<>();

    private void time(String what, long since) {
        nanos.merge(what, System.nanoTime() - since, Long::sum);
    }

    /** The cells; {@code -Dauthz.actions=unit.get,user.list} runs only those actions' rows (while debugging). */
    Stream<Cell> cells() {
        String only = System.getProperty("authz.actions", "");
        List<String> actions = only.isBlank() ? List.of() : List.of(only.split(","));
        return Policy.rows().stream().filter(row -> actions.isEmpty() || actions.contains(row.action())).flatMap(row -> {
            Action action = Actions.named(row.action());
            boolean api = action.probes().stream().anyMatch(p -> p.channel() == Channel.API);
            return api ? Stream.of(Mechanism.values()).map(mechanism -> new Cell(row, mechanism))
                    : Stream.of(new Cell(row, Mechanism.SESSION));
        });
    }

    @BeforeAll
    void buildTheFixtureAndLogIn() {
        started = System.nanoTime();
        AuthorizationFixture fixture = fixture();
        for (Account actor : fixture.world.actors.values()) {
            fixture.login(actor);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cells")
    void cell(Cell cell) throws Exception {
        long t = System.nanoTime();
        try {
            run(cell);
        } finally {
            time("cell", t);
        }
    }

    private void run(Cell cell) throws Exception {
        Action action = Actions.named(cell.row().action());
        List<String> answers = new ArrayList<>();
        for (Probe probe : action.probes()) {
            if (cell.mechanism() != Mechanism.SESSION && probe.channel() == Channel.PAGE) {
                continue;
            }
            long t0 = System.nanoTime();
            Ctx ctx = prepare(action, cell.row(), probe);
            AbstractMockHttpServletRequestBuilder<?> request = probe.build(ctx);
            cell.mechanism().apply(request, fixture(), ctx.actor, probe.channel(), probe.writes());
            time("prepare", t0);
            boolean effect = cell.row().expected() == Outcome.OK && action.writes();
            long t1 = System.nanoTime();
            List<String> before = effect ? null : Snapshot.of(ctx);
            time("snapshot", t1);
            long t2 = System.nanoTime();
            MvcResult result = mvc.perform(request).andReturn();
            time(cell.mechanism() + " " + probe.channel(), t2);
            calls++;
            long t3 = System.nanoTime();
            String where = cell + ": " + probe + " answered " + describe(result.getResponse());
            String answer = check(cell.row(), probe, ctx, result, where);
            time("check", t3);
            if (probe.channel() == Channel.API) {
                answers.add(probe + " " + answer);
            }
            long t4 = System.nanoTime();
            if (effect) {
                try {
                    action.effect().accept(ctx);
                } catch (AssertionError missing) {
                    fail(where + ": the effect is missing: " + missing.getMessage());
                }
            } else {
                assertThat(Snapshot.of(ctx)).as(where + ": nothing may change").containsExactlyElementsOf(before);
            }
            time("after", t4);
        }
        apiAnswers.computeIfAbsent(cell.row().toString(), key -> new ConcurrentHashMap<>())
                .put(cell.mechanism(), answers);
    }

    /** wherever a row ran with several mechanisms, the API gave the same answers with each. */
    @AfterAll
    void everyMechanismAnsweredAlike() {
        Map<String, String> differences = new TreeMap<>();
        apiAnswers.forEach((row, byMechanism) -> {
            if (byMechanism.size() > 1 && byMechanism.values().stream().distinct().count() > 1) {
                differences.put(row, byMechanism.toString());
            }
        });
        System.out.printf("Authorization matrix: %d rows, %d cells, %d calls in %.1f s%n", Policy.rows().size(),
                cells().count(), calls, (System.nanoTime() - started) / 1e9);
        new TreeMap<>(nanos).forEach((what, total) -> System.out.printf("  %s: %.1f s%n", what, total / 1e9));
        assertThat(differences).as("A-02: the session, HTTP Basic and API tokens must give the same answers").isEmpty();
    }

    // ------------------------------------------------------------------------------------------------ targets

    /**
     * The target of one call. Reads and refused writes act on the fixture's unit (or its officer) in the row's
     * relation; a write that must succeed acts on a fresh one in the same relation, or, for SELF, PARENT and
     * ANCESTOR (which cannot be fresh without moving U), in a fresh world with its own actor.
     */
    private Ctx prepare(Action action, Policy.Row row, Probe probe) {
        AuthorizationFixture fixture = fixture();
        Relation relation = row.relation();
        Role role = row.role();
        boolean succeeds = row.expected() == Outcome.OK && action.writes();
        World world = fixture.world;
        Account actor = world.actor(role);
        boolean freshWorld = succeeds && action.target() == Action.Target.UNIT_CHANGE && !relation.hasFreshUnit();
        if (freshWorld) {
            world = fixture.freshWorld(role);
            actor = world.actor(role);
        }
        boolean ownAccount = relation == Relation.ME && action.target() != Action.Target.TOKEN
                || action.target() == Action.Target.OWN;
        if (succeeds && ownAccount) {
            actor = fixture.actor(world.unit(Relation.SELF).id(), role);
        }
        Ctx ctx = new Ctx(fixture, world, actor, relation);
        switch (action.target()) {
            case NONE -> ctx.fresh = action.writes() ? fixture.freshName("Đơn vị gốc mới") : null;
            case UNIT -> ctx.unit = world.unit(relation);
            case UNIT_PARENT -> {
                ctx.unit = world.unit(relation);
                ctx.fresh = fixture.freshName("Đơn vị mới");
            }
            case UNIT_CHANGE -> {
                ctx.unit = fixture.refresh(succeeds && relation.hasFreshUnit() ? fixture.freshUnit(world, relation)
                        : world.unit(relation));
                ctx.destination = world.destinationFor(ctx.unit);
                ctx.fresh = fixture.freshName("Tên mới");
            }
            case USER -> ctx.user = relation == Relation.ME ? actor : world.resident(relation);
            case USER_UNIT -> {
                ctx.unit = world.unit(relation);
                ctx.fresh = fixture.username("moi");
            }
            case USER_CHANGE -> {
                if (relation == Relation.ME) {
                    ctx.user = actor;
                } else if (succeeds) {
                    ctx.user = fixture.resident(world.unit(relation).id(), Role.OFFICER);
                    action.prepare().accept(ctx);
                } else {
                    ctx.user = world.resident(relation);
                }
                ctx.before.putAll(Actions.userRow(ctx));
            }
            case OWN -> {
                ctx.before.putAll(Actions.userRow(ctx));
                ctx.fresh = fixture.freshName("Khóa");
                action.prepare().accept(ctx);
            }
            case TASK -> {
                ctx.unit = world.unit(relation);
                ctx.task = succeeds ? fixture.task(world, List.of(ctx.unit)).get(ctx.unit.id())
                        : world.tasks.get(relation);
                ctx.fresh = fixture.freshName("Ghi chú");
            }
            case TOKEN -> ctx.token = relation == Relation.ME ? fixture.newToken(actor, "để thu hồi").info().id()
                    : world.tokens.get(relation);
            case EVENT -> {
                ctx.event = succeeds ? fixture.event(world.unit(relation)) : world.events.get(relation);
                ctx.before.putAll(Actions.eventRow(ctx));
                ctx.fresh = fixture.freshName("Đại hội");
            }
            case PLAN_DRAFT, PLAN_ISSUED -> {
                Map<Relation, Long> plans = action.target() == Action.Target.PLAN_DRAFT ? world.drafts : world.issued;
                ctx.plan = !succeeds ? plans.get(relation)
                        : action.target() == Action.Target.PLAN_DRAFT
                                ? fixture.draft(world.unit(relation), world.resident(relation))
                                : fixture.issued(world.unit(relation), world.resident(relation));
                ctx.before.putAll(Actions.planRow(ctx));
                ctx.fresh = fixture.planTitle();
            }
            case PLAN_WORK -> {
                ctx.plan = world.issued.get(relation);
                ctx.fresh = fixture.freshName("Hoạt động");
            }
            case ACTIVITY -> ExecutionActions.activity(ctx, evidenceStorage);
            case REPORT, REPORT_SUBMITTED -> ExecutionActions.report(ctx,
                    action.target() == Action.Target.REPORT_SUBMITTED, succeeds);
        }
        return ctx;
    }

    // ------------------------------------------------------------------------------------------------ outcomes

    /** Checks the answer against the row; returns it in short ("403 FORBIDDEN"), for A-02. */
    private String check(Policy.Row row, Probe probe, Ctx ctx, MvcResult result, String where) throws Exception {
        MockHttpServletResponse response = result.getResponse();
        int status = response.getStatus();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String marker = probe.marker() == null ? null : probe.marker().apply(ctx);
        Outcome expected = row.expected();
        if (expected == Outcome.FILTERED && marker == null) {
            fail(where + ": FILTERED needs a call that lists the target");
        }
        if (probe.channel() == Channel.API) {
            switch (expected) {
                case OK -> {
                    assertThat(status).as(where).isBetween(200, 299);
                    if (marker != null) {
                        assertThat(body).as(where + ": shows the target").contains(marker);
                    }
                }
                case FILTERED -> {
                    assertThat(status).as(where).isEqualTo(200);
                    assertThat(body).as(where + ": must not show the target").doesNotContain(marker);
                }
                default -> {
                    assertThat(status).as(where).isEqualTo(expected.status);
                    assertThat(response.getContentType()).as(where).startsWith("application/problem+json");
                    if (!row.code().isEmpty()) {
                        assertThat(AuthorizationFixture.JSON.readTree(body).path("code").asString()).as(where)
                                .isEqualTo(row.code());
                    }
                }
            }
            return status + (status >= 400 ? " " + AuthorizationFixture.JSON.readTree(body).path("code").asString() : "");
        }
        boolean redirect = status >= 300 && status < 400;
        Object flashError = result.getFlashMap().get("error");
        ModelAndView view = result.getModelAndView();
        Object pageError = view == null ? null : view.getModel().get("error");
        switch (expected) {
            case OK -> {
                if (redirect) {
                    assertThat(response.getRedirectedUrl()).as(where).doesNotContain("/login");
                    assertThat(flashError).as(where + ": reports an error").isNull();
                } else {
                    assertThat(status).as(where).isBetween(200, 299);
                    assertThat(pageError).as(where + ": shows an error").isNull();
                    if (marker != null) {
                        assertThat(body).as(where + ": shows the target").contains(marker);
                    }
                }
            }
            case FILTERED -> {
                assertThat(status).as(where).isEqualTo(200);
                assertThat(body).as(where + ": must not show the target").doesNotContain(marker);
            }
            case CONFLICT -> assertThat(status == 409 || redirect && flashError != null
                    || status >= 200 && status < 300 && pageError != null)
                    .as(where + ": a state conflict is answered 409, or shown on the form (redirect with the error, "
                            + "or the form again with the error)")
                    .isTrue();
            default -> assertThat(status).as(where).isEqualTo(expected.status);
        }
        return String.valueOf(status);
    }

    private static String describe(MockHttpServletResponse response) throws Exception {
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String location = response.getRedirectedUrl();
        return response.getStatus() + (location != null ? " -> " + location : "") + " "
                + Objects.toString(response.getContentType(), "") + " "
                + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
    }
}
