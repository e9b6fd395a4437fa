package vn.lantoa.authorization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.RequestMethod;

import tools.jackson.databind.JsonNode;
import vn.lantoa.account.Role;
import vn.lantoa.authorization.Probe.Channel;
import vn.lantoa.organization.Unit;

/**
 * The named cases of RELIABILITY.md §(a) beyond the matrix's grid, with both mechanisms: A-05 (ids of another
 * province's users by path, body and query), A-07 (privilege escalation), A-10 (no secrets in user JSON), A-11
 * (closed units: writes 409, reads OK). Every refusal leaves the world as it was.
 */
class AuthorizationEscalationTest extends AuthorizationSupport {

    /** Every field a user's JSON may have (A-10): a new field must be added here knowingly. */
    private static final Set<String> USER_FIELDS = Set.of("id", "username", "displayName", "unitId", "unitShortName",
            "role", "enabled", "locked", "passwordChangeRequired", "lastLoginAt", "version");
    private static final Set<String> ME_FIELDS = Set.of("id", "username", "displayName", "unitId", "unitShortName",
            "unitPath", "role", "passwordChangeRequired", "csrf", "headerName", "parameterName", "token");
    private static final Set<String> WITH_PASSWORD_FIELDS = Set.of("user", "oneTimePassword");

    private record Answer(int status, String code, String body) {
    }

    private World world() {
        return fixture().world;
    }

    private Answer call(Mechanism mechanism, Account actor, AbstractMockHttpServletRequestBuilder<?> request,
            Channel channel, boolean writes) throws Exception {
        mechanism.apply(request, fixture(), actor, channel, writes);
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        String code = String.valueOf(response.getContentType()).startsWith("application/problem+json")
                ? AuthorizationFixture.JSON.readTree(body).path("code").asString() : null;
        return new Answer(response.getStatus(), code, body);
    }

    /** An API call; with the session it carries the CSRF token (needed by writes, ignored by reads). */
    private Answer api(Mechanism mechanism, Account actor, AbstractMockHttpServletRequestBuilder<?> request)
            throws Exception {
        return call(mechanism, actor, request, Channel.API, true);
    }

    /** The call is refused with the status and code, and the world (and the fresh name, if any) is unchanged. */
    private void refused(String what, Mechanism mechanism, Account actor, AbstractMockHttpServletRequestBuilder<?> request,
            int status, String code, String fresh) throws Exception {
        Ctx ctx = new Ctx(fixture(), world(), actor, Relation.NONE);
        ctx.fresh = fresh;
        List<String> before = Snapshot.of(ctx);
        Answer answer = api(mechanism, actor, request);
        String where = actor.role() + " via " + mechanism + ": " + what + " answered " + answer.status() + " "
                + answer.body();
        assertThat(answer.status()).as(where).isEqualTo(status);
        assertThat(answer.code()).as(where).isEqualTo(code);
        assertThat(Snapshot.of(ctx)).as(where + ": nothing may change").containsExactlyElementsOf(before);
    }

    private static AbstractMockHttpServletRequestBuilder<?> json(AbstractMockHttpServletRequestBuilder<?> request,
            Map<String, ?> body) {
        return request.contentType(MediaType.APPLICATION_JSON).content(AuthorizationFixture.JSON.writeValueAsString(body));
    }

    private long id(Relation relation) {
        return world().unit(relation).id();
    }

    private Unit unit(Relation relation) {
        return fixture().refresh(world().unit(relation));
    }

    // ------------------------------------------------------------------------------------------------ A-05

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void a05AnotherProvincesUsersAreNotFoundByPathBodyOrQuery(Mechanism mechanism) throws Exception {
        Account stranger = world().resident(Relation.OTHER);
        for (Role role : List.of(Role.UNIT_ADMIN, Role.OFFICER, Role.LEADER)) {
            Account actor = world().actor(role);
            int routes = 0;
            for (Routes.Route route : Routes.of(handlerMapping)) {
                if (!route.pattern().startsWith("/api/v1/users/{")) {
                    continue;
                }
                for (RequestMethod method : route.methods()) {
                    var request = request(HttpMethod.valueOf(method.name()), route.path(stranger.id()));
                    if (method == RequestMethod.PUT) {
                        json(request, Map.of("displayName", "Tên lạ", "role", "OFFICER", "version", 0));
                    }
                    refused(method + " " + route.pattern(), mechanism, actor, request, 404, "USER_NOT_FOUND", null);
                    routes++;
                }
            }
            assertThat(routes).as("the user routes with an id").isGreaterThanOrEqualTo(7);
            String username = fixture().username("a05");
            refused("POST /api/v1/users with the unitId of P9", mechanism, actor, json(post("/api/v1/users"),
                    Map.of("username", username, "displayName", "Người lạ", "unitId", id(Relation.OTHER),
                            "role", "OFFICER")), 404, "USER_UNIT_NOT_FOUND", username);
            Answer byUnit = api(mechanism, actor, get("/api/v1/users").param("unitId", String.valueOf(id(Relation.OTHER))));
            if (role == Role.UNIT_ADMIN) {
                assertThat(byUnit.status()).isEqualTo(200);
                assertThat(byUnit.body()).as("a filter by another province's unit lists nothing").isEqualTo("[]");
            } else {
                assertThat(byUnit.status()).isEqualTo(403);
            }
        }
        if (mechanism == Mechanism.SESSION) {
            Account admin = world().actor(Role.UNIT_ADMIN);
            for (Routes.Route route : Routes.of(handlerMapping)) {
                if (!route.pattern().startsWith("/admin/users/{")) {
                    continue;
                }
                for (RequestMethod method : route.methods()) {
                    var request = request(HttpMethod.valueOf(method.name()), route.path(stranger.id()))
                            .param("displayName", "Tên lạ").param("unitId", String.valueOf(id(Relation.SELF)))
                            .param("role", "OFFICER").param("version", "0");
                    Answer answer = call(mechanism, admin, request, Channel.PAGE, method != RequestMethod.GET);
                    assertThat(answer.status()).as(method + " " + route.pattern()).isEqualTo(404);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------ A-07

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void a07AUnitAdministratorCannotRiseAboveTheOwnRoleOrSubtree(Mechanism mechanism) throws Exception {
        Account admin = world().actor(Role.UNIT_ADMIN);
        Account ward = world().resident(Relation.CHILD);
        String username = fixture().username("a07");
        refused("create a SYS_ADMIN", mechanism, admin, json(post("/api/v1/users"), Map.of("username", username,
                "displayName", "Quản trị mới", "unitId", id(Relation.SELF), "role", "SYS_ADMIN")),
                403, "ROLE_NOT_GRANTABLE", username);
        refused("grant SYS_ADMIN", mechanism, admin, json(put("/api/v1/users/{id}", ward.id()),
                Map.of("role", "SYS_ADMIN", "version", version(ward))), 403, "ROLE_NOT_GRANTABLE", null);
        String inParent = fixture().username("a07");
        refused("create a user in PARENT", mechanism, admin, json(post("/api/v1/users"), Map.of("username", inParent,
                "displayName", "Người cấp trên", "unitId", id(Relation.PARENT), "role", "OFFICER")),
                404, "USER_UNIT_NOT_FOUND", inParent);
        refused("move U under S", mechanism, admin, json(post("/api/v1/units/{id}/move", id(Relation.SELF)),
                Map.of("parentId", id(Relation.SIBLING), "version", unit(Relation.SELF).version())), 403, "FORBIDDEN", null);
        refused("move W1 to P9", mechanism, admin, json(post("/api/v1/units/{id}/move", id(Relation.CHILD)),
                Map.of("parentId", id(Relation.OTHER), "version", unit(Relation.CHILD).version())), 403, "FORBIDDEN", null);
        refused("move W1 under S", mechanism, admin, json(post("/api/v1/units/{id}/move", id(Relation.CHILD)),
                Map.of("parentId", id(Relation.SIBLING), "version", unit(Relation.CHILD).version())), 403, "FORBIDDEN", null);
        refused("merge W1 into P9", mechanism, admin, json(post("/api/v1/units/{id}/merge", id(Relation.CHILD)),
                Map.of("successorId", id(Relation.OTHER), "version", unit(Relation.CHILD).version())), 403, "FORBIDDEN",
                null);
        for (String role : List.of("LEADER", "SYS_ADMIN")) {
            refused("change the own role to " + role, mechanism, admin, json(put("/api/v1/users/{id}", admin.id()),
                    Map.of("role", role, "version", version(admin))), 403, "SELF_CHANGE", null);
        }
        Account systemAdmin = world().actor(Role.SYS_ADMIN);
        refused("reset the password of a SYS_ADMIN", mechanism, admin,
                post("/api/v1/users/{id}/password-reset", systemAdmin.id()), 403, "ROLE_NOT_GRANTABLE", null);
        refused("disable a SYS_ADMIN", mechanism, admin, post("/api/v1/users/{id}/disable", systemAdmin.id()),
                403, "ROLE_NOT_GRANTABLE", null);
        refused("end a SYS_ADMIN's sessions", mechanism, admin,
                request(HttpMethod.DELETE, "/api/v1/users/{id}/sessions", systemAdmin.id()), 403, "ROLE_NOT_GRANTABLE",
                null);
        String root = fixture().freshName("Gốc trái phép");
        refused("create a root", mechanism, admin, json(post("/api/v1/units"), Map.of("name", root, "kind", "OTHER")),
                403, "FORBIDDEN", root);
        String smuggled = fixture().freshName("Đơn vị lén");
        refused("import a row whose parent is P9", mechanism, admin, multipart("/api/v1/units/import")
                .file(new MockMultipartFile("file", "don-vi.csv", "text/csv", ("name,kind,parent\n" + smuggled
                        + ",Khác,#" + id(Relation.OTHER) + "\n").getBytes(StandardCharsets.UTF_8)))
                .param("parentId", String.valueOf(id(Relation.SELF))), 422, "BULK_REJECTED", smuggled);

        Account officer = world().actor(Role.OFFICER);
        String byOfficer = fixture().username("a07");
        refused("an officer creates a user", mechanism, officer, json(post("/api/v1/users"), Map.of("username",
                byOfficer, "displayName", "Người mới", "unitId", id(Relation.SELF), "role", "OFFICER")),
                403, "FORBIDDEN", byOfficer);
        refused("an officer makes themself UNIT_ADMIN", mechanism, officer, json(put("/api/v1/users/{id}",
                officer.id()), Map.of("role", "UNIT_ADMIN", "version", version(officer))), 403, "FORBIDDEN", null);
    }

    private long version(Account account) {
        return jdbc.sql("select version from app_user where id = :id").param("id", account.id()).query(Long.class)
                .single();
    }

    // ------------------------------------------------------------------------------------------------ A-11

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void a11AClosedUnitTakesNoWritesAndStaysReadable(Mechanism mechanism) throws Exception {
        Unit closed = unit(Relation.CLOSED);
        for (Role role : List.of(Role.SYS_ADMIN, Role.UNIT_ADMIN)) {
            Account admin = world().actor(role);
            String name = fixture().freshName("Tên mới");
            refused("rename W9", mechanism, admin, json(put("/api/v1/units/{id}", closed.id()), Map.of("name", name,
                    "kind", closed.kind().name(), "version", closed.version())), 409, "UNIT_CLOSED", name);
            refused("move W9", mechanism, admin, json(post("/api/v1/units/{id}/move", closed.id()),
                    Map.of("parentId", world().inside.id(), "version", closed.version())), 409, "UNIT_CLOSED", null);
            refused("close W9", mechanism, admin, json(post("/api/v1/units/{id}/close", closed.id()),
                    Map.of("version", closed.version())), 409, "UNIT_CLOSED", null);
            refused("merge W9", mechanism, admin, json(post("/api/v1/units/{id}/merge", closed.id()),
                    Map.of("successorId", world().inside.id(), "version", closed.version())), 409, "UNIT_CLOSED", null);
            String child = fixture().freshName("Con của đơn vị đã giải thể");
            refused("create under W9", mechanism, admin, json(post("/api/v1/units"), Map.of("parentId", closed.id(),
                    "name", child, "kind", "OTHER")), 409, "UNIT_CLOSED", child);
            String imported = fixture().freshName("Nạp vào đơn vị đã giải thể");
            refused("import under W9", mechanism, admin, multipart("/api/v1/units/import")
                    .file(new MockMultipartFile("file", "don-vi.csv", "text/csv",
                            ("name,kind\n" + imported + ",Khác\n").getBytes(StandardCharsets.UTF_8)))
                    .param("parentId", String.valueOf(closed.id())), 409, "UNIT_CLOSED", imported);
            String username = fixture().username("a11");
            refused("create a user in W9", mechanism, admin, json(post("/api/v1/users"), Map.of("username", username,
                    "displayName", "Người mới", "unitId", closed.id(), "role", "OFFICER")), 409, "USER_UNIT_CLOSED",
                    username);
            Account ward = world().resident(Relation.CHILD);
            refused("move a user into W9", mechanism, admin, json(put("/api/v1/users/{id}", ward.id()),
                    Map.of("unitId", closed.id(), "version", version(ward))), 409, "USER_UNIT_CLOSED", null);
            Unit w1 = unit(Relation.CHILD);
            refused("move W1 into W9", mechanism, admin, json(post("/api/v1/units/{id}/move", w1.id()),
                    Map.of("parentId", closed.id(), "version", w1.version())), 409, "UNIT_CLOSED", null);
            refused("merge W1 into W9", mechanism, admin, json(post("/api/v1/units/{id}/merge", w1.id()),
                    Map.of("successorId", closed.id(), "version", w1.version())), 409, "UNIT_CLOSED", null);
        }
        for (Role role : Role.values()) {
            Account actor = world().actor(role);
            Answer unit = api(mechanism, actor, get("/api/v1/units/{id}", closed.id()));
            assertThat(unit.status()).isEqualTo(200);
            assertThat(AuthorizationFixture.JSON.readTree(unit.body()).path("closed").asBoolean()).isTrue();
            assertThat(api(mechanism, actor, get("/api/v1/units/{id}/history", closed.id())).status()).isEqualTo(200);
            assertThat(api(mechanism, actor, get("/api/v1/units").param("q", closed.name())
                    .param("includeClosed", "true")).body()).contains("\"id\":" + closed.id() + ",");
        }
    }

    // ------------------------------------------------------------------------------------------------ A-10

    @ParameterizedTest
    @EnumSource(Mechanism.class)
    void a10UserJsonHoldsNoSecretsNorCounters(Mechanism mechanism) throws Exception {
        for (Role role : List.of(Role.SYS_ADMIN, Role.UNIT_ADMIN)) {
            Account admin = world().actor(role);
            Account ward = world().resident(Relation.CHILD);
            Account fresh = fixture().resident(id(Relation.CHILD), Role.OFFICER);
            jdbc.sql("update app_user set failed_logins = 3, lock_count = 2 where id = :id").param("id", fresh.id())
                    .update();
            Map<String, AbstractMockHttpServletRequestBuilder<?>> calls = new LinkedHashMap<>();
            calls.put("GET user", get("/api/v1/users/{id}", ward.id()));
            calls.put("GET users", get("/api/v1/users").param("q", ward.username()));
            calls.put("PUT user", json(put("/api/v1/users/{id}", fresh.id()), Map.of("displayName", "Tên đổi",
                    "version", version(fresh))));
            calls.put("POST disable", post("/api/v1/users/{id}/disable", fresh.id()));
            calls.put("POST enable", post("/api/v1/users/{id}/enable", fresh.id()));
            calls.put("POST unlock", post("/api/v1/users/{id}/unlock", fresh.id()));
            calls.put("POST reset", post("/api/v1/users/{id}/password-reset", fresh.id()));
            String username = fixture().username("a10");
            calls.put("POST users", json(post("/api/v1/users"), Map.of("username", username, "displayName",
                    "Người mới", "unitId", id(Relation.CHILD), "role", "OFFICER")));
            for (var call : calls.entrySet()) {
                Answer answer = api(mechanism, admin, call.getValue());
                String where = role + " via " + mechanism + ": " + call.getKey() + " " + answer.body();
                assertThat(answer.status()).as(where).isBetween(200, 201);
                assertThat(answer.body()).as(where).doesNotContainIgnoringCase("argon2")
                        .doesNotContainIgnoringCase("hash").doesNotContainIgnoringCase("failed")
                        .doesNotContainIgnoringCase("epoch").doesNotContainIgnoringCase("totp");
                Set<String> allowed = new TreeSet<>(USER_FIELDS);
                allowed.addAll(WITH_PASSWORD_FIELDS);
                assertThat(fieldNames(answer.body())).as(where).isSubsetOf(allowed);
            }
        }
        for (Role role : Role.values()) {
            Answer me = api(mechanism, world().actor(role), get("/api/v1/me"));
            assertThat(me.body()).doesNotContainIgnoringCase("argon2").doesNotContainIgnoringCase("hash");
            assertThat(fieldNames(me.body())).as("/api/v1/me").isSubsetOf(ME_FIELDS);
        }
    }

    private static Set<String> fieldNames(String json) {
        Set<String> names = new TreeSet<>();
        collect(AuthorizationFixture.JSON.readTree(json), names);
        return names;
    }

    private static void collect(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            for (var entry : node.properties()) {
                names.add(entry.getKey());
                collect(entry.getValue(), names);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, names);
            }
        }
    }
}
