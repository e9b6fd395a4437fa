package vn.lantoa.account.user;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.audit.AuditActor;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.organization.Unit;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Quản lý người dùng: what administrators do to accounts, with the rules of RELIABILITY.md §(a):
 * <ul>
 * <li>A user outside the actor's subtree (and every user, for a system administrator, is inside) does not exist for
 * the actor: 404 {@code USER_NOT_FOUND}, also for writes. The same for a unit outside it
 * ({@code USER_UNIT_NOT_FOUND}).</li>
 * <li>Inside the subtree, only administrators act: others get 403 {@code FORBIDDEN}.</li>
 * <li>A role above the actor's own cannot be granted, and a user ranking above the actor cannot be changed: 403
 * {@code ROLE_NOT_GRANTABLE}. Nobody changes their own account through these actions (403 {@code SELF_CHANGE}):
 * the own password is changed with the current one.</li>
 * <li>A closed unit takes no new users (409 {@code USER_UNIT_CLOSED}); a stale version gives 409
 * {@code STALE_VERSION}; a change without the version it replaces, 400 {@code USER_VERSION_REQUIRED}.</li>
 * </ul>
 * Every change is audited; every refusal of a visible user is audited as DENIED.
 */
@Service
public class UserManagement {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9][a-z0-9._-]{2,63}");
    private static final String ONE_TIME_ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789";

    private final Users users;
    private final UnitDirectory units;
    private final PasswordEncoder encoder;
    private final PasswordPolicy policy;
    private final AuditLog audit;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    UserManagement(Users users, UnitDirectory units, PasswordEncoder encoder, PasswordPolicy policy, AuditLog audit,
            Clock clock) {
        this.users = users;
        this.units = units;
        this.encoder = encoder;
        this.policy = policy;
        this.audit = audit;
        this.clock = clock;
    }

    /** A user with the unit it belongs to. */
    public record UserInUnit(UserRecord user, Unit unit) {
    }

    /** A created (or reset) account and its one-time password, shown once. */
    public record WithPassword(UserInUnit account, String oneTimePassword) {
    }

    /** What an administrator fills in to create a user. */
    public record NewUser(String username, String displayName, Long unitId, Role role) {
    }

    /** What an administrator may change of a user; {@code version} is the one read. */
    public record UserChange(String displayName, Long unitId, Role role, Long version) {
    }

    // ---- reading -------------------------------------------------------------------------------------------

    /**
     * The users the actor administers, by user name, filtered by a search text (name or user name, without
     * accents) and optionally by unit. Only administrators may list.
     */
    @Transactional(readOnly = true)
    public List<UserInUnit> list(CurrentUser actor, String query, Long unitId) {
        requireAdministrator(actor);
        Map<Long, Unit> scope = unitsInScope(actor).stream().collect(Collectors.toMap(Unit::id, Function.identity()));
        List<UserRecord> found = actor.isSystemAdministrator() ? users.findAll() : users.findByUnits(scope.keySet());
        return found.stream()
                .filter(user -> scope.containsKey(user.unitId()))
                .filter(user -> unitId == null || user.unitId() == unitId)
                .filter(user -> query == null || query.isBlank()
                        || VietnameseText.matches(user.displayName(), query) || user.username().contains(query.strip().toLowerCase()))
                .map(user -> new UserInUnit(user, scope.get(user.unitId())))
                .toList();
    }

    /** The units where the actor administers users: the own subtree, or the whole tree for a system administrator. */
    @Transactional(readOnly = true)
    public List<Unit> unitsInScope(CurrentUser actor) {
        return actor.isSystemAdministrator() ? units.all() : units.subtree(actor.unitId());
    }

    /** One user, if the actor administers it. */
    @Transactional(readOnly = true)
    public UserInUnit get(CurrentUser actor, long id) {
        UserInUnit target = visible(actor, id);
        requireAdministrator(actor);
        return target;
    }

    // ---- changing ------------------------------------------------------------------------------------------

    /** Creates a user with a one-time password that must be changed at the first login. */
    @Transactional
    public WithPassword create(CurrentUser actor, NewUser request) {
        if (request.unitId() == null) {
            throw Problem.badRequest("USER_UNIT_REQUIRED", "Hãy chọn đơn vị của người dùng.");
        }
        Unit unit = visibleUnit(actor, request.unitId());
        requireAdministrator(actor);
        Role role = request.role() == null ? Role.OFFICER : request.role();
        requireGrantable(actor, role, "new user");
        requireOpen(unit);
        String username = validUsername(request.username());
        String displayName = validDisplayName(request.displayName());
        String password = oneTimePassword(new PasswordPolicy.Context(username, displayName, unit.shortName()));
        long id = users.insert(username, displayName, unit.id(), role, encoder.encode(password), true, clock.instant());
        audit.ok("USER_CREATED", "user", id, "username=" + username + " unit=" + unit.id() + " role=" + role);
        return new WithPassword(new UserInUnit(users.findById(id).orElseThrow(), unit), password);
    }

    /** Changes a user's name, unit or role. Takes effect on the user's next request (the principal is reloaded). */
    @Transactional
    public UserInUnit update(CurrentUser actor, long id, UserChange change) {
        UserInUnit target = changeable(actor, id, "USER_UPDATE");
        UserRecord user = target.user();
        if (change.version() == null) {
            throw Problem.badRequest("USER_VERSION_REQUIRED",
                    "Thiếu phiên bản (version) của người dùng đang sửa: hãy tải lại rồi gửi kèm phiên bản.");
        }
        if (change.version() != user.version()) {
            throw stale();
        }
        Role role = change.role() == null ? user.role() : change.role();
        if (role != user.role()) {
            requireGrantable(actor, role, "user " + id);
        }
        Unit unit = target.unit();
        if (change.unitId() != null && change.unitId() != user.unitId()) {
            unit = visibleUnit(actor, change.unitId());
            requireOpen(unit);
        }
        String displayName = change.displayName() == null ? user.displayName() : validDisplayName(change.displayName());
        if (!users.updateProfile(id, user.version(), displayName, unit.id(), role, clock.instant())) {
            throw stale();
        }
        audit.ok("USER_UPDATED", "user", id, "role " + user.role() + " -> " + role + "; unit " + user.unitId() + " -> "
                + unit.id() + "; version " + user.version() + " -> " + (user.version() + 1));
        return new UserInUnit(users.findById(id).orElseThrow(), unit);
    }

    /** Gives the user a new one-time password, ends their sessions and lifts a lock. */
    @Transactional
    public WithPassword resetPassword(CurrentUser actor, long id) {
        UserInUnit target = changeable(actor, id, "USER_PASSWORD_RESET");
        UserRecord user = target.user();
        String password = oneTimePassword(
                new PasswordPolicy.Context(user.username(), user.displayName(), target.unit().shortName()));
        users.updatePassword(id, encoder.encode(password), true, clock.instant());
        users.endSessions(id);
        audit.ok("USER_PASSWORD_RESET", "user", id, null);
        return new WithPassword(new UserInUnit(users.findById(id).orElseThrow(), target.unit()), password);
    }

    /** Disables (ending every session at once) or enables an account. */
    @Transactional
    public UserInUnit setEnabled(CurrentUser actor, long id, boolean enabled) {
        UserInUnit target = changeable(actor, id, enabled ? "USER_ENABLE" : "USER_DISABLE");
        if (!users.updateEnabled(id, target.user().version(), enabled, clock.instant())) {
            throw stale();
        }
        audit.ok(enabled ? "USER_ENABLED" : "USER_DISABLED", "user", id, null);
        return new UserInUnit(users.findById(id).orElseThrow(), target.unit());
    }

    /** Ends every session of the user (S-09). */
    @Transactional
    public void endSessions(CurrentUser actor, long id) {
        changeable(actor, id, "USER_SESSIONS_END");
        users.endSessions(id);
        audit.ok("USER_SESSIONS_ENDED", "user", id, null);
    }

    /** Lifts a temporary lock at once (S-11). */
    @Transactional
    public UserInUnit unlock(CurrentUser actor, long id) {
        UserInUnit target = changeable(actor, id, "USER_UNLOCK");
        users.unlock(id);
        audit.ok("USER_UNLOCKED", "user", id, null);
        return new UserInUnit(users.findById(id).orElseThrow(), target.unit());
    }

    /**
     * Changes the actor's own password, which requires the current one (S-08). Ends every other session of the
     * user; returns the new session epoch, under which the caller keeps the current session.
     */
    @Transactional
    public int changeOwnPassword(CurrentUser actor, String currentPassword, String newPassword) {
        UserRecord user = users.findById(actor.id()).orElseThrow(() -> notFound());
        if (currentPassword == null || !encoder.matches(currentPassword, user.passwordHash())) {
            audit.record(AuditEvent.of("PASSWORD_CHANGE", AuditOutcome.FAILED).object("user", user.id())
                    .details("wrong current password"));
            throw Problem.badRequest("PASSWORD_CURRENT_WRONG", "Mật khẩu hiện tại không đúng.");
        }
        if (newPassword != null && encoder.matches(newPassword, user.passwordHash())) {
            throw Problem.badRequest("PASSWORD_UNCHANGED", "Mật khẩu mới phải khác mật khẩu hiện tại.");
        }
        policy.check(newPassword, new PasswordPolicy.Context(user.username(), user.displayName(), actor.unitShortName()));
        users.updatePassword(user.id(), encoder.encode(newPassword), false, clock.instant());
        users.endSessions(user.id());
        audit.ok("PASSWORD_CHANGED", "user", user.id(), null);
        return users.findById(user.id()).orElseThrow().sessionEpoch();
    }

    // ---- without an actor: the command line and the demo data -----------------------------------------------

    /**
     * Creates a system administrator from the command line. The unit is given by id or by its exact short name.
     * With no password given, one is generated; either way it must be changed at the first login (S-24).
     */
    @Transactional
    public WithPassword createAdministrator(String username, String unitRef, String password) {
        Unit unit = findUnit(unitRef);
        requireOpen(unit);
        String name = validUsername(username);
        PasswordPolicy.Context context = new PasswordPolicy.Context(name, name, unit.shortName());
        String secret = password == null || password.isEmpty() ? oneTimePassword(context) : password;
        if (password != null && !password.isEmpty()) {
            policy.check(secret, context);
        }
        long id = users.insert(name, name, unit.id(), Role.SYS_ADMIN, encoder.encode(secret), true, clock.instant());
        audit.record(AuditEvent.of("USER_CREATED", AuditOutcome.OK).object("user", id)
                .details("username=" + name + " unit=" + unit.id() + " role=SYS_ADMIN (command line)")
                .actor(AuditActor.of(null, null, "command-line")));
        return new WithPassword(new UserInUnit(users.findById(id).orElseThrow(), unit), secret);
    }

    /** Creates a user with a known password and no forced change (demo data only). */
    @Transactional
    public long createWithPassword(String username, String displayName, long unitId, Role role, String password) {
        long id = users.insert(validUsername(username), validDisplayName(displayName), unitId, role,
                encoder.encode(password), false, clock.instant());
        audit.record(AuditEvent.of("USER_CREATED", AuditOutcome.OK).object("user", id)
                .details("username=" + username + " unit=" + unitId + " role=" + role + " (demo data)")
                .actor(AuditActor.of(null, null, "demo")));
        return id;
    }

    /** A unit by id ("42") or exact short name ("Ban Tuyên giáo và Dân vận Tỉnh ủy"). */
    public Unit findUnit(String reference) {
        String ref = reference == null ? "" : VietnameseText.nfc(reference.strip());
        if (ref.matches("\\d{1,18}")) {
            return units.find(Long.parseLong(ref)).orElseThrow(UserManagement::unitNotFound);
        }
        List<Unit> named = units.findByShortName(ref);
        if (named.size() > 1) {
            throw Problem.badRequest("USER_UNIT_AMBIGUOUS", "Có {0} đơn vị cùng tên ngắn \"{1}\"; hãy dùng mã số đơn vị.",
                    named.size(), ref);
        }
        return named.stream().findFirst().orElseThrow(UserManagement::unitNotFound);
    }

    // ---- rules ---------------------------------------------------------------------------------------------

    private UserInUnit visible(CurrentUser actor, long id) {
        Optional<UserRecord> user = users.findById(id);
        Optional<Unit> unit = user.flatMap(u -> units.find(u.unitId()));
        if (unit.isEmpty()) {
            throw notFound();
        }
        if (!sees(actor, unit.get())) {
            audit.denied("USER_READ", "user", id, "outside the actor's subtree");
            throw notFound();
        }
        return new UserInUnit(user.get(), unit.get());
    }

    /** A visible user that the actor may change: administrator, not self, not ranking above the actor. */
    private UserInUnit changeable(CurrentUser actor, long id, String action) {
        UserInUnit target = visible(actor, id);
        if (!actor.role().isAdministrator()) {
            audit.denied(action, "user", id, "not an administrator");
            throw forbidden();
        }
        if (target.user().id() == actor.id()) {
            audit.denied(action, "user", id, "own account");
            throw Problem.forbidden("SELF_CHANGE", "Bạn không thể tự thay đổi vai trò, đơn vị hoặc trạng thái của chính mình.");
        }
        if (!actor.role().mayGrant(target.user().role())) {
            audit.denied(action, "user", id, "target ranks above the actor");
            throw notGrantable();
        }
        return target;
    }

    private Unit visibleUnit(CurrentUser actor, long unitId) {
        return units.find(unitId).filter(unit -> sees(actor, unit)).orElseThrow(UserManagement::unitNotFound);
    }

    private static boolean sees(CurrentUser actor, Unit unit) {
        return actor.isSystemAdministrator() || actor.isInSubtree(unit);
    }

    /** Refuses (403) an actor who administers no users. */
    public void requireAdministrator(CurrentUser actor) {
        if (!actor.role().isAdministrator()) {
            throw forbidden();
        }
    }

    private void requireGrantable(CurrentUser actor, Role role, String target) {
        if (!actor.role().mayGrant(role)) {
            audit.denied("USER_ROLE_GRANT", "user", null, "grant " + role + " to " + target);
            throw notGrantable();
        }
    }

    private static void requireOpen(Unit unit) {
        if (unit.closed()) {
            throw Problem.conflict("USER_UNIT_CLOSED", "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập; không thể thêm người dùng.",
                    unit.shortName());
        }
    }

    private String validUsername(String typed) {
        String username = typed == null ? "" : VietnameseText.nfc(typed.strip()).toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(username).matches()) {
            throw Problem.badRequest("USERNAME_INVALID",
                    "Tên đăng nhập gồm 3 đến 64 ký tự: chữ thường không dấu, chữ số, dấu chấm, gạch dưới hoặc gạch ngang.");
        }
        if (users.existsByUsername(username)) {
            throw Problem.conflict("USERNAME_TAKEN", "Tên đăng nhập \"{0}\" đã có người dùng.", username);
        }
        return username;
    }

    private static String validDisplayName(String typed) {
        String name = typed == null ? "" : VietnameseText.nfc(typed.strip()).replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 200 || name.chars().anyMatch(Character::isISOControl)) {
            throw Problem.badRequest("DISPLAY_NAME_INVALID", "Họ tên không được để trống và dài không quá 200 ký tự.");
        }
        return name;
    }

    /** Four groups of five easy-to-read characters, about 99 bits: "k7mwq-3hfte-…"; passes the policy. */
    String oneTimePassword(PasswordPolicy.Context context) {
        while (true) {
            StringBuilder out = new StringBuilder(23);
            for (int i = 0; i < 20; i++) {
                if (i > 0 && i % 5 == 0) {
                    out.append('-');
                }
                out.append(ONE_TIME_ALPHABET.charAt(random.nextInt(ONE_TIME_ALPHABET.length())));
            }
            try {
                policy.check(out.toString(), context);
                return out.toString();
            } catch (Problem weak) {
                // astronomically rare: a context word by chance; draw again
            }
        }
    }

    private static Problem notFound() {
        return Problem.notFound("USER_NOT_FOUND", "Không tìm thấy người dùng.");
    }

    private static Problem unitNotFound() {
        return Problem.notFound("USER_UNIT_NOT_FOUND", "Không tìm thấy đơn vị.");
    }

    private static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    private static Problem notGrantable() {
        return Problem.forbidden("ROLE_NOT_GRANTABLE", "Bạn không thể trao vai trò cao hơn vai trò của chính mình.");
    }

    private static Problem stale() {
        return Problem.conflict("STALE_VERSION", "Dữ liệu đã được người khác sửa trước bạn. Hãy tải lại để xem bản mới nhất.");
    }
}
