package vn.lantoa.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.organization.UnitActor.UnitAuthority;
import vn.lantoa.shared.VietnameseText;

/**
 * Changes to the unit tree: create, rename (effective-dated), move with the whole subtree, close, merge into a
 * successor, and bulk load. Every change is checked against the acting person's {@link UnitActor#unitAuthority()}:
 * {@code ALL} anywhere; {@code SUBTREE} inside the own unit's subtree only (rename the own unit or anything below it,
 * create under it; move, close and merge only units strictly below it, and never to outside it); {@code NONE}
 * nothing. A refusal is a {@link vn.lantoa.shared.Problem} thrown before anything is written, or inside the
 * transaction it rolls back: a refused change changes nothing.
 *
 * <p>Order of refusals: the unit does not exist (404), it is not the actor's to change (403), it is closed (409
 * {@code UNIT_CLOSED}), the change carries a stale version (409 {@code STALE_VERSION}).
 *
 * <p>Changes of the tree's shape run one at a time (they take the {@code unit_tree_lock} row first), so that each one
 * computes paths from current ones.
 */
@Service
public class UnitManagement {

    static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    /** A code as it appears in a symbol ("TU", "ĐUK", "BTGTU", "HĐND-UBND"): no '/', which separates the parts. */
    private static final Pattern CODE = Pattern.compile("[\\p{L}\\p{N}&.\\-]{1,30}");

    private final JdbcClient jdbc;
    private final Units units;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final UnitBulkLoader bulkLoader;

    UnitManagement(JdbcClient jdbc, Units units, ApplicationEventPublisher events, ObjectProvider<Clock> clock) {
        this.jdbc = jdbc;
        this.units = units;
        this.events = events;
        this.clock = clock.getIfAvailable(Clock::systemUTC);
        this.bulkLoader = new UnitBulkLoader(this, units);
    }

    /** Today in Vietnam. */
    public LocalDate today() {
        return LocalDate.now(clock.withZone(ZONE));
    }

    // ---------------------------------------------------------------------------------------------- who may do what

    /** Whether the actor may create a unit under {@code parent} (null: a root). */
    public boolean mayCreateUnder(UnitActor actor, Unit parent) {
        return switch (authority(actor)) {
            case ALL -> true;
            case SUBTREE -> parent != null && within(actor, parent, true);
            case NONE -> false;
        };
    }

    /** Whether the actor may rename the unit or change its code (the own unit or below it). */
    public boolean mayEdit(UnitActor actor, Unit unit) {
        return switch (authority(actor)) {
            case ALL -> true;
            case SUBTREE -> within(actor, unit, true);
            case NONE -> false;
        };
    }

    /** Whether the actor may move, close or merge the unit (strictly below the own unit). */
    public boolean mayRestructure(UnitActor actor, Unit unit) {
        return switch (authority(actor)) {
            case ALL -> true;
            case SUBTREE -> within(actor, unit, false);
            case NONE -> false;
        };
    }

    private static UnitAuthority authority(UnitActor actor) {
        return actor == null || actor.unitAuthority() == null ? UnitAuthority.NONE : actor.unitAuthority();
    }

    private boolean within(UnitActor actor, Unit target, boolean ownUnitToo) {
        Optional<Unit> own = units.byId(actor.unitId());
        return own.isPresent() && target.path().startsWith(own.get().path())
                && (ownUnitToo || target.id() != own.get().id());
    }

    // -------------------------------------------------------------------------------------------------- changes

    /** Creates a unit. 403 outside the actor's subtree (a root: system administrators only), 409 under a closed unit. */
    @Transactional
    public Unit create(UnitActor actor, NewUnit spec) {
        Objects.requireNonNull(spec, "spec");
        if (authority(actor) == UnitAuthority.NONE) {
            throw UnitProblems.forbidden();
        }
        lockTree();
        Unit parent = spec.parentId() == null ? null : units.get(spec.parentId());
        if (!mayCreateUnder(actor, parent)) {
            throw UnitProblems.forbidden();
        }
        if (parent != null && parent.closed()) {
            throw UnitProblems.closed(parent);
        }
        Fields fields = fields(spec.name(), spec.shortName(), spec.code(), spec.kind(), spec.system());
        LocalDate validFrom = effective(spec.validFrom());
        long id = insert(parent == null ? null : parent.id(), parent == null ? "/" : parent.path(),
                parent == null ? -1 : parent.depth(), fields, validFrom);
        Unit created = units.get(id);
        events.publishEvent(new UnitCreated(id, created.parentId(), created.path()));
        return created;
    }

    /**
     * Renames a unit, changes its code, kind or system. The new name, short name and code are valid from
     * {@code change.effectiveFrom()}; what the unit was called before stays in its history.
     */
    @Transactional
    public Unit update(UnitActor actor, long id, UnitChange change) {
        Objects.requireNonNull(change, "change");
        Unit unit = units.get(id);
        if (!mayEdit(actor, unit)) {
            throw UnitProblems.forbidden();
        }
        if (unit.closed()) {
            throw UnitProblems.closed(unit);
        }
        Fields fields = fields(change.name(), change.shortName(), change.code(), change.kind(), change.system());
        LocalDate from = effective(change.effectiveFrom());
        boolean renamed = !fields.name.equals(unit.name()) || !fields.shortName.equals(unit.shortName())
                || !Objects.equals(fields.code, unit.code());
        if (renamed) {
            checkNotBeforeLastChange(id, from);
        }
        int updated = jdbc.sql("""
                update unit set name = :name, short_name = :shortName, name_key = :key, code = :code, kind = :kind,
                       system = :system, version = version + 1
                where id = :id and version = :version""")
                .param("name", fields.name).param("shortName", fields.shortName)
                .param("key", Units.nameKey(fields.name, fields.shortName, fields.code)).param("code", fields.code)
                .param("kind", fields.kind.name()).param("system", fields.system.name()).param("id", id)
                .param("version", change.version()).update();
        if (updated == 0) {
            throw UnitProblems.stale();
        }
        if (renamed) {
            recordVersion(id, from, fields.name, fields.shortName, fields.code, unit.parentId());
            events.publishEvent(new UnitRenamed(id, unit.name(), fields.name, unit.code(), fields.code, from));
        }
        return units.get(id);
    }

    /**
     * Moves a unit, with its whole subtree, under another parent: the paths of all its descendants are rewritten in
     * one statement. Refused (409 {@code UNIT_MOVE_UNDER_DESCENDANT}) under the unit itself or one of its
     * descendants.
     */
    @Transactional
    public Unit move(UnitActor actor, long id, long newParentId, long version, LocalDate effectiveFrom) {
        if (authority(actor) == UnitAuthority.NONE) {
            throw UnitProblems.forbidden();
        }
        lockTree();
        Unit unit = units.get(id);
        Unit target = units.get(newParentId);
        if (!mayRestructure(actor, unit) || !mayCreateUnder(actor, target)) {
            throw UnitProblems.forbidden();
        }
        if (unit.closed()) {
            throw UnitProblems.closed(unit);
        }
        if (target.closed()) {
            throw UnitProblems.closed(target);
        }
        if (target.path().startsWith(unit.path())) {
            throw UnitProblems.moveUnderDescendant();
        }
        LocalDate from = effective(effectiveFrom);
        if (Objects.equals(unit.parentId(), target.id())) {
            if (unit.version() != version) {
                throw UnitProblems.stale();
            }
            return unit;
        }
        checkNotBeforeLastChange(id, from);
        setParent(unit, target.id(), version);
        String newPath = target.path() + id + "/";
        rewritePaths(unit.path(), newPath, target.depth() + 1 - unit.depth());
        recordVersion(id, from, unit.name(), unit.shortName(), unit.code(), target.id());
        events.publishEvent(new UnitMoved(id, unit.parentId(), target.id(), unit.path(), newPath, from));
        return units.get(id);
    }

    /**
     * Closes a unit (giải thể): it stays, readable, for history, and takes no more writes. A unit that still has
     * open children is not closed (409 {@code UNIT_HAS_OPEN_CHILDREN}): move them, close them, or merge the unit.
     */
    @Transactional
    public Unit close(UnitActor actor, long id, long version, LocalDate closedOn) {
        if (authority(actor) == UnitAuthority.NONE) {
            throw UnitProblems.forbidden();
        }
        lockTree();
        Unit unit = units.get(id);
        if (!mayRestructure(actor, unit)) {
            throw UnitProblems.forbidden();
        }
        if (unit.closed()) {
            throw UnitProblems.closed(unit);
        }
        LocalDate on = effective(closedOn);
        if (units.children(id).stream().anyMatch(c -> !c.closed())) {
            throw UnitProblems.hasOpenChildren(unit);
        }
        int updated = jdbc.sql("""
                update unit set closed_on = :on, version = version + 1 where id = :id and version = :version""")
                .param("on", on).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw UnitProblems.stale();
        }
        events.publishEvent(new UnitClosed(id, on));
        return units.get(id);
    }

    /**
     * Merges a unit into a successor (sáp nhập), from a date: the unit closes, points to its successor and moves
     * under it, so that its past figures roll up through the successor's subtree; its children move to the
     * successor. Its history keeps what it was called and where it hung, so a 2024 plan still shows its issuer as it
     * was.
     */
    @Transactional
    public Unit merge(UnitActor actor, long id, long successorId, long version, LocalDate effectiveOn) {
        if (authority(actor) == UnitAuthority.NONE) {
            throw UnitProblems.forbidden();
        }
        lockTree();
        Unit unit = units.get(id);
        Unit successor = units.get(successorId);
        if (!mayRestructure(actor, unit) || !mayCreateUnder(actor, successor)) {
            throw UnitProblems.forbidden();
        }
        if (unit.closed()) {
            throw UnitProblems.closed(unit);
        }
        if (successor.closed()) {
            throw UnitProblems.closed(successor);
        }
        if (successor.path().startsWith(unit.path())) {
            throw UnitProblems.mergeInvalid();
        }
        LocalDate on = effective(effectiveOn);
        List<Unit> children = units.children(id);
        checkNotBeforeLastChange(id, on);
        for (Unit child : children) {
            checkNotBeforeLastChange(child.id(), on);
        }
        int updated = jdbc.sql("""
                update unit set closed_on = :on, successor_id = :successor, parent_id = :successor,
                       version = version + 1
                where id = :id and version = :version""")
                .param("on", on).param("successor", successorId).param("id", id).param("version", version).update();
        if (updated == 0) {
            throw UnitProblems.stale();
        }
        List<Long> moved = new ArrayList<>();
        for (Unit child : children) {
            setParent(child, successorId, child.version());
            rewritePaths(child.path(), successor.path() + child.id() + "/", successor.depth() + 1 - child.depth());
            recordVersion(child.id(), on, child.name(), child.shortName(), child.code(), successorId);
            moved.add(child.id());
        }
        String newPath = successor.path() + id + "/";
        if (!newPath.equals(unit.path())) {
            rewritePaths(unit.path(), newPath, successor.depth() + 1 - unit.depth());
            recordVersion(id, on, unit.name(), unit.shortName(), unit.code(), successorId);
        }
        events.publishEvent(new UnitsMerged(id, successorId, on, unit.path(), newPath, successor.path(), moved));
        return units.get(id);
    }

    /**
     * Loads units from a CSV (UTF-8, header row) or XLSX file: every row is checked first, and either all rows are
     * created, in one transaction, or none (422 {@code BULK_REJECTED}, with the rejected rows and why as the
     * problem's {@code rejectedRows}). Columns and rules: {@link UnitBulkLoader}.
     *
     * @param defaultParentId the parent of rows that name none (null: such rows are roots)
     */
    @Transactional
    public BulkLoadResult bulkLoad(UnitActor actor, String filename, byte[] content, Long defaultParentId) {
        if (authority(actor) == UnitAuthority.NONE) {
            throw UnitProblems.forbidden();
        }
        List<UnitBulkLoader.Row> rows = UnitFiles.read(filename, content);
        lockTree();
        BulkLoadResult result = bulkLoader.load(actor, rows, defaultParentId);
        events.publishEvent(new UnitsImported(result.createdIds()));
        return result;
    }

    /**
     * Loads a file, as {@link #bulkLoad} does with the system's authority, only if the tree has no unit at all: the
     * demo organization on a fresh database. Checked under the tree lock, so two instances starting together load
     * it once.
     */
    @Transactional
    public Optional<BulkLoadResult> loadIntoEmptyTree(String filename, byte[] content) {
        lockTree();
        if (!units.isEmpty()) {
            return Optional.empty();
        }
        BulkLoadResult result = bulkLoader.load(UnitActor.system(), UnitFiles.read(filename, content), null);
        events.publishEvent(new UnitsImported(result.createdIds()));
        return Optional.of(result);
    }

    // ------------------------------------------------------------------------------------------------- internals

    /** Validated, normalised fields of a unit. */
    record Fields(String name, String shortName, String code, UnitKind kind, UnitSystem system) {
    }

    /** Validates and normalises (NFC, trimmed, code in upper case) what a form, the API or a file gave. */
    Fields fields(String name, String shortName, String code, UnitKind kind, UnitSystem system) {
        String n = clean(name);
        if (n.isEmpty()) {
            throw UnitProblems.invalid("UNIT_NAME_REQUIRED", "Tên đơn vị không được để trống.");
        }
        if (n.length() > 500) {
            throw UnitProblems.invalid("UNIT_NAME_TOO_LONG", "Tên đơn vị dài quá {0} ký tự.", "500");
        }
        String s = clean(shortName);
        if (s.isEmpty()) {
            s = n.length() <= 200 ? n : "";
            if (s.isEmpty()) {
                throw UnitProblems.invalid("UNIT_SHORT_NAME_REQUIRED", "Tên ngắn của đơn vị không được để trống.");
            }
        }
        if (s.length() > 200) {
            throw UnitProblems.invalid("UNIT_SHORT_NAME_TOO_LONG", "Tên ngắn của đơn vị dài quá {0} ký tự.", "200");
        }
        String c = clean(code);
        if (c.isEmpty()) {
            c = null;
        } else {
            c = VietnameseText.upper(c);
            if (!CODE.matcher(c).matches()) {
                throw UnitProblems.invalid("UNIT_CODE_INVALID",
                        "Ký hiệu \"{0}\" không hợp lệ: chỉ gồm chữ, số, dấu gạch ngang, tối đa 30 ký tự.", c);
            }
        }
        if (kind == null) {
            throw UnitProblems.invalid("UNIT_KIND_REQUIRED", "Cần chọn loại đơn vị.");
        }
        return new Fields(n, s, c, kind, system == null ? kind.defaultSystem() : system);
    }

    private static String clean(String text) {
        return text == null ? "" : VietnameseText.nfc(text).strip().replaceAll("\\s+", " ");
    }

    /** The effective date of a change: today when not given, never in the future. */
    LocalDate effective(LocalDate date) {
        LocalDate today = today();
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw UnitProblems.effectiveDateInFuture();
        }
        return date;
    }

    /** Serialises changes of the tree's shape: they wait for each other here. */
    void lockTree() {
        jdbc.sql("update unit_tree_lock set changes = changes + 1 where id = 1").update();
    }

    /** Inserts a unit below a parent whose path and depth are given (a root: "/" and -1); returns its id. */
    long insert(Long parentId, String parentPath, int parentDepth, Fields f, LocalDate validFrom) {
        GeneratedKeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into unit (parent_id, path, depth, name, short_name, name_key, kind, system, code, version,
                                  created_at)
                values (:parent, '', :depth, :name, :shortName, :key, :kind, :system, :code, 0, :now)""")
                .param("parent", parentId).param("depth", parentDepth + 1).param("name", f.name)
                .param("shortName", f.shortName).param("key", Units.nameKey(f.name, f.shortName, f.code))
                .param("kind", f.kind.name()).param("system", f.system.name()).param("code", f.code)
                .param("now", OffsetDateTime.ofInstant(Instant.now(clock), ZoneOffset.UTC)).update(key, "id");
        long id = Objects.requireNonNull(key.getKey()).longValue();
        jdbc.sql("update unit set path = :path where id = :id").param("path", parentPath + id + "/")
                .param("id", id).update();
        jdbc.sql("""
                insert into unit_history (unit_id, valid_from, valid_to, name, short_name, code, parent_id)
                values (:id, :from, null, :name, :shortName, :code, :parent)""")
                .param("id", id).param("from", validFrom).param("name", f.name).param("shortName", f.shortName)
                .param("code", f.code).param("parent", parentId).update();
        return id;
    }

    private void setParent(Unit unit, long parentId, long version) {
        int updated = jdbc.sql("""
                update unit set parent_id = :parent, version = version + 1 where id = :id and version = :version""")
                .param("parent", parentId).param("id", unit.id()).param("version", version).update();
        if (updated == 0) {
            throw UnitProblems.stale();
        }
    }

    /** Rewrites, in one statement, the paths (and depths) of a whole subtree that moves from oldPath to newPath. */
    private void rewritePaths(String oldPath, String newPath, int depthDelta) {
        jdbc.sql("""
                update unit set path = :newPath || substring(path from :rest), depth = depth + :delta
                where path >= :oldPath and path < :upper""")
                .param("newPath", newPath).param("rest", oldPath.length() + 1).param("delta", depthDelta)
                .param("oldPath", oldPath).param("upper", Units.upperBound(oldPath)).update();
    }

    private void checkNotBeforeLastChange(long id, LocalDate from) {
        LocalDate last = jdbc.sql("select max(valid_from) from unit_history where unit_id = :id").param("id", id)
                .query((rs, i) -> rs.getObject(1, LocalDate.class)).optional().orElse(null);
        if (last != null && from.isBefore(last)) {
            throw UnitProblems.effectiveDateBeforeLastChange(last);
        }
    }

    /**
     * Starts a new version of a unit's name, code and parent from a date: the current version ends there (or, if it
     * starts that same day, is overwritten).
     */
    private void recordVersion(long id, LocalDate from, String name, String shortName, String code, Long parentId) {
        checkNotBeforeLastChange(id, from);
        int sameDay = jdbc.sql("""
                update unit_history set name = :name, short_name = :shortName, code = :code, parent_id = :parent
                where unit_id = :id and valid_to is null and valid_from = :from""")
                .param("name", name).param("shortName", shortName).param("code", code).param("parent", parentId)
                .param("id", id).param("from", from).update();
        if (sameDay > 0) {
            return;
        }
        jdbc.sql("update unit_history set valid_to = :from where unit_id = :id and valid_to is null")
                .param("from", from).param("id", id).update();
        jdbc.sql("""
                insert into unit_history (unit_id, valid_from, valid_to, name, short_name, code, parent_id)
                values (:id, :from, null, :name, :shortName, :code, :parent)""")
                .param("id", id).param("from", from).param("name", name).param("shortName", shortName)
                .param("code", code).param("parent", parentId).update();
    }
}
