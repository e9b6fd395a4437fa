package vn.lantoa.event;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Sự kiện: recording events and setting their dates, for the acting user. Who sees and who writes: see the module's
 * package-info. Refusals: 404 {@code EVENT_NOT_FOUND} (also when the user may not see it), 403 {@code FORBIDDEN},
 * 409 {@code STALE_VERSION} / {@code EVENT_UNIT_CLOSED}, 400 {@code EVENT_INVALID} / {@code EVENT_VERSION_REQUIRED}.
 */
@Service
public class EventManagement {

    /** At most this many events in one list. */
    public static final int MAX_LIST = 500;

    private final Events events;
    private final Units units;
    private final Clock clock;
    private final ApplicationEventPublisher publisher;

    EventManagement(Events events, Units units, Clock clock, ApplicationEventPublisher publisher) {
        this.events = events;
        this.units = units;
        this.clock = clock;
        this.publisher = publisher;
    }

    /**
     * The events the user sees: national ones, those of the user's unit and the units above it, and with
     * {@code subtree} those of the units below. A system administrator sees all.
     */
    @Transactional(readOnly = true)
    public List<EventRecord> list(CurrentUser user, boolean subtree, EventKind kind, String query, int limit) {
        int n = Math.min(Math.max(1, limit), MAX_LIST);
        if (user.isSystemAdministrator()) {
            return events.visible(null, List.of(), true, kind, query, n);
        }
        return events.visible(user.unitPath(), unitIds(user.unitPath()), subtree, kind, query, n);
    }

    /**
     * The events a member of the unit sees (as {@link #list} for a user of that unit), for what no user is acting on:
     * a calendar feed read by a phone with a token. Empty when the unit does not exist.
     */
    @Transactional(readOnly = true)
    public List<EventRecord> visibleToUnit(long unitId, boolean subtree) {
        return units.byId(unitId).map(u -> events.visible(u.path(), unitIds(u.path()), subtree, null, null, MAX_LIST))
                .orElse(List.of());
    }

    /** The event, whoever asks: for modules reacting to {@link EventRescheduled}; never hand it to a user unchecked. */
    @Transactional(readOnly = true)
    public java.util.Optional<EventRecord> find(long id) {
        return events.byId(id);
    }

    /** The event, or 404 when it does not exist or the user may not see it. */
    @Transactional(readOnly = true)
    public EventRecord get(CurrentUser user, long id) {
        EventRecord event = events.byId(id).orElseThrow(EventManagement::notFound);
        if (!mayRead(user, event)) {
            throw notFound();
        }
        return event;
    }

    /** Whether the user may change this event (for pages that show an edit button). */
    public boolean mayWrite(CurrentUser user, EventRecord event) {
        if (user.isSystemAdministrator()) {
            return true;
        }
        return event.ownerUnitId() != null && user.actsFor(event.ownerUnitId())
                && (user.role() == Role.OFFICER || user.role() == Role.UNIT_ADMIN);
    }

    /** Records a new event, owned by the user's unit unless a system administrator names another (or none). */
    @Transactional
    public EventRecord create(CurrentUser user, EventInput input) {
        Long owner;
        if (Boolean.TRUE.equals(input.national())) {
            owner = null;
        } else {
            owner = input.ownerUnitId() == null ? user.unitId() : input.ownerUnitId();
        }
        if (owner != null) {
            Unit unit = units.byId(owner).orElseThrow(() -> Problem.notFound("EVENT_UNIT_NOT_FOUND",
                    "Không tìm thấy đơn vị."));
            if (!user.isSystemAdministrator() && !(user.actsFor(owner)
                    && (user.role() == Role.OFFICER || user.role() == Role.UNIT_ADMIN))) {
                throw forbidden();
            }
            if (unit.closed()) {
                throw closed(unit);
            }
        } else if (!user.isSystemAdministrator()) {
            throw forbidden();
        }
        EventRecord event = validated(new EventRecord(0, owner, input.name(), input.kind(), input.level(),
                input.ordinal(), input.start(), input.end(), input.baseDate(), 0, null));
        long id = events.insert(event, user.id(), clock.instant());
        EventRecord created = events.byId(id).orElseThrow();
        if (created.start() != null || created.end() != null) {
            publisher.publishEvent(new EventRescheduled(id, owner, created.name(), null, null, created.start(),
                    created.end()));
        }
        return created;
    }

    /**
     * Changes an event (its name, kind, dates). A change of its dates publishes {@link EventRescheduled}.
     *
     * @param version the version the change replaces (If-Match or the body); stale → 409 STALE_VERSION
     */
    @Transactional
    public EventRecord update(CurrentUser user, long id, EventInput input, Long version) {
        EventRecord current = get(user, id);
        if (!mayWrite(user, current)) {
            throw forbidden();
        }
        if (current.ownerUnitId() != null) {
            Unit unit = units.get(current.ownerUnitId());
            if (unit.closed()) {
                throw closed(unit);
            }
        }
        if (input.ownerUnitId() != null && !input.ownerUnitId().equals(current.ownerUnitId())) {
            throw invalid("ownerUnitId", "Không thể chuyển sự kiện sang đơn vị khác.");
        }
        long expected = version(input.version(), version);
        EventRecord changed = validated(new EventRecord(id, current.ownerUnitId(), input.name(),
                input.kind() == null ? current.kind() : input.kind(), input.level(), input.ordinal(), input.start(),
                input.end(), input.baseDate(), expected, current.updatedAt()));
        if (expected != current.version() || !events.update(changed, expected, user.id(), clock.instant())) {
            throw stale();
        }
        EventRecord saved = events.byId(id).orElseThrow();
        if (!Objects.equals(current.start(), saved.start()) || !Objects.equals(current.end(), saved.end())) {
            publisher.publishEvent(new EventRescheduled(id, saved.ownerUnitId(), saved.name(), current.start(),
                    current.end(), saved.start(), saved.end()));
        }
        return saved;
    }

    /** Checks and completes an event: the name in NFC, the kind, level and ordinal read from the name when absent. */
    private static EventRecord validated(EventRecord e) {
        String name = e.name() == null ? "" : VietnameseText.nfc(e.name().strip().replaceAll("\\s+", " "));
        if (name.isEmpty() || name.length() > 500) {
            throw invalid("name", "Tên sự kiện không được để trống và không quá 500 ký tự.");
        }
        EventKind kind = e.kind() != null ? e.kind()
                : EventNames.isCongress(name) ? EventKind.CONGRESS
                : e.baseDate() != null ? EventKind.ANNIVERSARY : EventKind.OTHER;
        if (e.start() != null && e.end() != null && e.end().isBefore(e.start())) {
            throw invalid("end", "Ngày kết thúc của sự kiện không được trước ngày bắt đầu.");
        }
        if (kind == EventKind.ANNIVERSARY && e.baseDate() == null) {
            throw invalid("baseDate", "Ngày kỷ niệm cần ngày gốc (ví dụ 03/02/1930).");
        }
        if (e.ordinal() != null && (e.ordinal() < 1 || e.ordinal() > 200)) {
            throw invalid("ordinal", "Lần thứ của đại hội phải từ 1 đến 200.");
        }
        CongressLevel level = kind != EventKind.CONGRESS ? null
                : e.level() != null ? e.level() : EventNames.level(name);
        Integer ordinal = kind != EventKind.CONGRESS ? null
                : e.ordinal() != null ? e.ordinal() : EventNames.ordinal(name);
        return new EventRecord(e.id(), e.ownerUnitId(), name, kind, level, ordinal, e.start(), e.end(),
                kind == EventKind.ANNIVERSARY ? e.baseDate() : null, e.version(), e.updatedAt());
    }

    static boolean mayRead(CurrentUser user, EventRecord event, Units units) {
        if (user.isSystemAdministrator() || event.ownerUnitId() == null) {
            return true;
        }
        String path = units.byId(event.ownerUnitId()).map(Unit::path).orElse(null);
        return path != null && (user.isInSubtree(path) || user.unitPath().startsWith(path));
    }

    private boolean mayRead(CurrentUser user, EventRecord event) {
        return mayRead(user, event, units);
    }

    private static long version(Long fromBody, Long fromHeader) {
        if (fromBody == null && fromHeader == null) {
            throw Problem.badRequest("EVENT_VERSION_REQUIRED",
                    "Thiếu phiên bản (version) của sự kiện đang sửa: hãy tải lại rồi gửi kèm phiên bản.");
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw Problem.badRequest("EVENT_VERSION_MISMATCH", "Phiên bản trong If-Match ({0}) khác trường version ({1}).",
                    fromHeader, fromBody);
        }
        return fromBody != null ? fromBody : fromHeader;
    }

    /** The ids on a materialised path, root first: "/1/7/42/" → [1, 7, 42]. */
    static List<Long> unitIds(String path) {
        List<Long> ids = new ArrayList<>();
        for (String part : path.split("/")) {
            if (!part.isEmpty()) {
                ids.add(Long.parseLong(part));
            }
        }
        return ids;
    }

    private static Problem invalid(String field, String message) {
        return new Problem(400, "EVENT_INVALID", message, java.util.Map.of("field", field));
    }

    static Problem notFound() {
        return Problem.notFound("EVENT_NOT_FOUND", "Không tìm thấy sự kiện.");
    }

    private static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    private static Problem closed(Unit unit) {
        return Problem.conflict("EVENT_UNIT_CLOSED", "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập, không thể sửa sự kiện.",
                unit.name());
    }

    private static Problem stale() {
        return Problem.conflict("STALE_VERSION",
                "Dữ liệu đã được người khác sửa trước bạn. Hãy tải lại để xem bản mới nhất.");
    }
}
