package vn.lantoa.authorization;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.account.user.ApiTokens;
import vn.lantoa.account.user.Users;
import vn.lantoa.organization.NewUnit;
import vn.lantoa.organization.TestActor;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.UnitActor;
import vn.lantoa.organization.UnitKind;
import vn.lantoa.organization.UnitManagement;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanInput;
import vn.lantoa.plan.PlanIssued;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.cascade.CascadeIssuing;
import vn.lantoa.plan.PlanManagement;

/**
 * Builds the worlds of the matrix (units under unique names: the database is shared, on H2 and PostgreSQL), creates
 * fresh targets for the writes that must succeed, and logs users in through the login form, once per user.
 */
final class AuthorizationFixture {

    static final JsonMapper JSON = JsonMapper.builder().build();
    /** Argon2id with 64 KiB and one pass: see {@link #actor}. */
    private static final Argon2PasswordEncoder CHEAP = new Argon2PasswordEncoder(16, 32, 1, 64, 1);
    private static final Pattern CSRF_INPUT = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*>");
    private static final Pattern VALUE = Pattern.compile("value=\"([^\"]+)\"");

    /** A logged-in session and the CSRF token that goes with it (taken from {@code GET /api/v1/me}). */
    record Login(MockHttpSession session, String headerName, String parameterName, String token) {
    }

    private final MockMvc mvc;
    private final UnitManagement unitManagement;
    private final Units units;
    private final Users users;
    private final PlanManagement plans;
    private final ApiTokens tokens;
    private final CascadeIssuing cascade;
    final JdbcClient jdbc;
    private final String residentHash;
    private final AtomicInteger sequence = new AtomicInteger();
    private final Map<Long, Login> logins = new ConcurrentHashMap<>();
    final String token = TestActor.token();
    /** The fixture of the matrix: P0 > C0 > U > W1 > G1, U > W2, U > W9 (closed), C0 > S > S1, P9. */
    final World world;

    AuthorizationFixture(MockMvc mvc, UnitManagement unitManagement, Units units, Users users, PlanManagement plans,
            ApiTokens tokens, JdbcClient jdbc, PasswordEncoder encoder, CascadeIssuing cascade) {
        this.mvc = mvc;
        this.cascade = cascade;
        this.tokens = tokens;
        this.plans = plans;
        this.unitManagement = unitManagement;
        this.units = units;
        this.users = users;
        this.jdbc = jdbc;
        // residents and fresh targets never log in: one hash for all of them spares an Argon2 run each
        this.residentHash = encoder.encode(UUID.randomUUID().toString());
        if (!encoder.matches("kiểm tra", "{argon2}" + CHEAP.encode("kiểm tra"))) {
            throw new IllegalStateException("the application's encoder does not read Argon2 hashes of another cost");
        }
        this.world = buildWorld();
    }

    private World buildWorld() {
        Map<Relation, Unit> tree = new EnumMap<>(Relation.class);
        Unit p0 = unit(null, "Tỉnh ủy P0", UnitKind.PARTY_COMMITTEE);
        Unit c0 = unit(p0, "Thành ủy C0", UnitKind.PARTY_COMMITTEE);
        Unit u = unit(c0, "UBND thành phố U", UnitKind.PEOPLES_COMMITTEE);
        Unit w1 = unit(u, "UBND phường W1", UnitKind.PEOPLES_COMMITTEE);
        Unit g1 = unit(w1, "Tổ dân phố G1", UnitKind.RESIDENTIAL_GROUP);
        Unit w2 = unit(u, "UBND phường W2", UnitKind.PEOPLES_COMMITTEE);
        Unit w9 = unit(u, "UBND phường W9", UnitKind.PEOPLES_COMMITTEE);
        Unit s = unit(c0, "Ủy ban MTTQ S", UnitKind.FATHERLAND_FRONT);
        Unit s1 = unit(s, "Hội LHPN S1", UnitKind.MASS_ORGANIZATION);
        Unit p9 = unit(null, "Tỉnh ủy P9", UnitKind.PARTY_COMMITTEE);
        tree.put(Relation.ANCESTOR, p0);
        tree.put(Relation.PARENT, c0);
        tree.put(Relation.SELF, u);
        tree.put(Relation.CHILD, w1);
        tree.put(Relation.GRANDCHILD, g1);
        tree.put(Relation.SIBLING, s);
        tree.put(Relation.COUSIN, s1);
        tree.put(Relation.OTHER, p9);
        tree.put(Relation.CLOSED, w9);
        Map<Relation, Account> residents = new EnumMap<>(Relation.class);
        tree.forEach((relation, unit) -> residents.put(relation, resident(unit.id(), Role.OFFICER)));
        // a draft and an issued plan of every unit, W9's made while it was open
        Map<Relation, Long> drafts = new EnumMap<>(Relation.class);
        Map<Relation, Long> issued = new EnumMap<>(Relation.class);
        tree.forEach((relation, unit) -> {
            drafts.put(relation, draft(unit, residents.get(relation)));
            issued.put(relation, issue(unit, residents.get(relation), draft(unit, residents.get(relation))));
        });
        Map<Relation, Long> events = new EnumMap<>(Relation.class);
        tree.forEach((relation, unit) -> events.put(relation, event(unit)));
        tree.put(Relation.CLOSED, close(w9));
        Map<Role, Account> actors = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            actors.put(role, actor(u.id(), role));
        }
        World world = new World(token, tree, units.get(w2.id()), residents, actors);
        residents.forEach((relation, resident) -> world.tokens.put(relation, newToken(resident, "của người khác")
                .info().id()));
        world.drafts.putAll(drafts);
        world.issued.putAll(issued);
        world.events.putAll(events);
        Map<Long, Long> tasks = task(world, List.copyOf(tree.values()));
        tree.forEach((relation, unit) -> world.tasks.put(relation, tasks.get(unit.id())));
        return world;
    }

    // ------------------------------------------------------------------------------------------------ events

    /** A congress of the unit, dates unknown, stored as the event module stores it. */
    long event(Unit unit) {
        String name = "Đại hội Đảng bộ " + freshName("sự kiện");
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into event_record (owner_unit_id, name, name_key, kind, created_at, updated_at) values "
                + "(:unit, :name, :key, 'CONGRESS', current_timestamp, current_timestamp)").param("unit", unit.id())
                .param("name", name).param("key", vn.lantoa.shared.VietnameseText.fold(name)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    // ------------------------------------------------------------------------------------------------ plans

    /** A plan document for the API: issuable (it has everything issuing needs), with a symbol and title of its own. */
    String planJson(String title) {
        int number = sequence.incrementAndGet();
        return """
                {
                  "format": "lantoa.plan/1",
                  "document": {
                    "kind": "KH", "number": "NUMBER", "symbol": "NUMBER-KH/TU", "system": "party",
                    "issuedOn": "2025-01-10", "place": "Phan Rang - Tháp Chàm", "issuer": "Ban Thường vụ",
                    "title": "TITLE",
                    "signer": { "name": "Bùi Văn Phú", "position": "Phó Bí thư", "authority": "T/M Ban Thường vụ" }
                  },
                  "events": [],
                  "phases": [],
                  "channels": [],
                  "themes": [],
                  "assignments": [ { "unit": "Phòng Văn hóa và Thông tin", "role": "lead",
                                     "tasks": [ { "text": "Xây dựng kế hoạch", "due": { "date": "2025-02-01" },
                                                  "kind": "plan" } ] } ],
                  "recipients": [ "Lưu Văn phòng" ]
                }
                """.replace("NUMBER", String.valueOf(number)).replace("TITLE", title);
    }

    /** A plan title no other test uses: "tuyên truyền zqabcdefgh 12". */
    String planTitle() {
        return "tuyên truyền " + token + " " + sequence.incrementAndGet();
    }

    /** A new draft issued by the unit, made by one of its officers (the plan module's rule: drafts of the own unit). */
    long draft(Unit unit, Account officer) {
        return plans.create(principal(unit, officer), PlanInput.parse(planJson(planTitle()))).id();
    }

    private long issue(Unit unit, Account officer, long draft) {
        return plans.issue(principal(unit, officer), draft, null).id();
    }

    /** A new plan issued by the unit, made by one of its officers. */
    long issued(Unit unit, Account officer) {
        return issue(unit, officer, draft(unit, officer));
    }

    /**
     * An open activity task for each of the units: a plan issued by the world's province whose one assignment (a
     * heading no unit bears) gives an activity, applied to these units by the cascade module. Returns unit id → task.
     */
    Map<Long, Long> task(World world, List<Unit> assigned) {
        Unit province = world.unit(Relation.ANCESTOR);
        Account officer = world.residents.containsKey(Relation.ANCESTOR) ? world.resident(Relation.ANCESTOR)
                : resident(province.id(), Role.OFFICER);
        String json = planJson(planTitle()).replace("Phòng Văn hóa và Thông tin", "Các đơn vị " + token)
                .replace("\"Xây dựng kế hoạch\"", "\"Treo băng rôn\"").replace("\"plan\"", "\"activity\"");
        StoredPlan plan = plans.issue(principal(province, officer),
                plans.create(principal(province, officer), PlanInput.parse(json)).id(), null);
        cascade.issued(new PlanIssued(plan.id(), 1, province.id(), plan.plan().document().symbol(),
                plan.plan().document().issuedOn(), Instant.now(), List.of(), assigned.stream()
                        .map(u -> new PlanIssued.AssignedUnit(u.id(), 0, vn.lantoa.planformat.Role.LEAD)).toList()));
        Map<Long, Long> tasks = new java.util.HashMap<>();
        jdbc.sql("select unit_id, id from task where plan_id = :plan").param("plan", plan.id())
                .query((java.sql.ResultSet rs) -> {
                    tasks.put(rs.getLong(1), rs.getLong(2));
                });
        return tasks;
    }

    private static CurrentUser principal(Unit unit, Account officer) {
        return new CurrentUser(officer.id(), officer.username(), officer.username(), unit.id(), unit.path(),
                unit.shortName(), officer.role(), false);
    }

    /**
     * A fresh chain P0' > C0' > U' (a leaf) with P9' beside it, and one actor of the role at U': for a write that
     * must succeed on SELF, PARENT or ANCESTOR, which would otherwise change the fixture under every later cell.
     */
    World freshWorld(Role role) {
        Map<Relation, Unit> tree = new EnumMap<>(Relation.class);
        Unit p0 = unit(null, "Tỉnh ủy P0'", UnitKind.PARTY_COMMITTEE);
        Unit c0 = unit(p0, "Thành ủy C0'", UnitKind.PARTY_COMMITTEE);
        Unit u = unit(c0, "UBND thành phố U'", UnitKind.PEOPLES_COMMITTEE);
        tree.put(Relation.ANCESTOR, p0);
        tree.put(Relation.PARENT, c0);
        tree.put(Relation.SELF, u);
        tree.put(Relation.OTHER, unit(null, "Tỉnh ủy P9'", UnitKind.PARTY_COMMITTEE));
        return new World(token, tree, null, Map.of(), Map.of(role, actor(u.id(), role)));
    }

    /** A new leaf unit standing in {@code relation} to U in {@code world} (a closed one for CLOSED). */
    Unit freshUnit(World world, Relation relation) {
        Unit parent = switch (relation) {
            case CHILD, CLOSED -> world.unit(Relation.SELF);
            case GRANDCHILD -> world.unit(Relation.CHILD);
            case SIBLING -> world.unit(Relation.PARENT);
            case COUSIN -> world.unit(Relation.SIBLING);
            case OTHER -> world.unit(Relation.OTHER);
            default -> throw new IllegalArgumentException("no fresh unit can stand in relation " + relation);
        };
        Unit fresh = unit(parent, "Đơn vị mới " + relation.name(), UnitKind.OTHER);
        return relation == Relation.CLOSED ? close(fresh) : fresh;
    }

    /** A new officer of the unit (never logs in). */
    Account resident(long unitId, Role role) {
        String username = username("nd");
        long id = users.insert(username, "Người dùng " + username, unitId, role, residentHash, false, Instant.now());
        return new Account(id, username, null, role, unitId, null);
    }

    /**
     * A new user who acts (logs in), with a known ASCII password. Its hash is a real {@code {argon2}} hash that the
     * application's encoder checks, but made with a small memory cost (the encoder reads the cost from the hash):
     * the matrix sends about a thousand HTTP Basic requests, each checking the password, and 16 MiB Argon2 runs would
     * take minutes. The production cost is LoginTest's concern, not the matrix's.
     */
    Account actor(long unitId, Role role) {
        String username = username(role.name().toLowerCase(Locale.ROOT).replace('_', '-'));
        String password = "ma-tran-" + UUID.randomUUID();
        long id = users.insert(username, "Người thử " + username, unitId, role, "{argon2}" + CHEAP.encode(password),
                false, Instant.now());
        Account account = new Account(id, username, password, role, unitId, null);
        return new Account(id, username, password, role, unitId, newToken(account, "ma trận").token());
    }

    /** A new API token of the account (through the account module, as {@code POST /api/v1/me/tokens} does). */
    ApiTokens.NewToken newToken(Account account, String name) {
        return tokens.create(principal(units.get(account.unitId()), account), name, 2);
    }

    /** A unit name no other test uses, and no other name of this run contains: "zqabcdefgh 12 UBND phường W1". */
    String freshName(String label) {
        return token + " " + sequence.incrementAndGet() + " " + label;
    }

    /** A user name no other test uses, and no other user name of this run contains: "mt.12.nd.zqabcdefgh". */
    String username(String label) {
        return "mt." + sequence.incrementAndGet() + "." + label + "." + token;
    }

    Unit refresh(Unit unit) {
        return units.get(unit.id());
    }

    private Unit unit(Unit parent, String label, UnitKind kind) {
        String name = freshName(label);
        return unitManagement.create(UnitActor.system(),
                new NewUnit(parent == null ? null : parent.id(), name, name, kind, null, null, null));
    }

    private Unit close(Unit unit) {
        return unitManagement.close(UnitActor.system(), unit.id(), unit.version(), null);
    }

    /**
     * The session of the account, logged in the way a browser does it: the login page gives a CSRF token, the form
     * is posted with it, and the token of the new session (it changes at login) is read from {@code /api/v1/me}.
     */
    Login login(Account account) {
        return logins.computeIfAbsent(account.id(), id -> {
            try {
                return logIn(account);
            } catch (Exception e) {
                throw new IllegalStateException("cannot log in " + account.username(), e);
            }
        });
    }

    private Login logIn(Account account) throws Exception {
        MockHttpSession anonymous = new MockHttpSession();
        String page = mvc.perform(get("/login").session(anonymous)).andReturn().getResponse().getContentAsString();
        String loginToken = csrfInPage(page);
        MvcResult result = mvc.perform(post("/login").session(anonymous).param("username", account.username())
                .param("password", account.password()).param("_csrf", loginToken)).andReturn();
        String target = result.getResponse().getRedirectedUrl();
        if (result.getResponse().getStatus() != 302 || target == null || target.contains("/login")) {
            throw new IllegalStateException("login of " + account.username() + " failed: "
                    + result.getResponse().getStatus() + " " + target);
        }
        MockHttpSession session = (MockHttpSession) result.getRequest().getSession(false);
        String me = mvc.perform(get("/api/v1/me").session(session)).andReturn().getResponse().getContentAsString();
        JsonNode csrf = JSON.readTree(me).path("csrf");
        return new Login(session, csrf.path("headerName").asString(), csrf.path("parameterName").asString(),
                csrf.path("token").asString());
    }

    static String csrfInPage(String page) {
        Matcher input = CSRF_INPUT.matcher(page);
        if (!input.find()) {
            throw new IllegalStateException("no CSRF field in the page");
        }
        Matcher value = VALUE.matcher(input.group());
        if (!value.find()) {
            throw new IllegalStateException("no CSRF value in " + input.group());
        }
        return value.group(1);
    }
}
