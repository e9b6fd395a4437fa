package vn.lantoa.plan;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.DocumentHeader;
import vn.lantoa.planformat.Plan;
import vn.lantoa.shared.Problem;

/**
 * Kế hoạch: creating, saving, issuing and reading plans for the acting user. Every refusal is a {@link Problem}
 * thrown before anything is written (or inside the transaction it rolls back): 404 {@code PLAN_NOT_FOUND} when the
 * user may not know the plan (exactly as for a plan that does not exist), 403 {@code FORBIDDEN} when they see it but
 * may not write it, 409 {@code PLAN_NOT_DRAFT} / {@code PLAN_ALREADY_ISSUED} / {@code STALE_VERSION} /
 * {@code PLAN_DUPLICATE_SYMBOL}, 422 {@code PLAN_INCOMPLETE}.
 */
@Service
public class PlanManagement {

    /** At most this many plans in one list. */
    public static final int MAX_LIST = 500;

    private final Plans plans;
    private final Units units;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final UnitMatching matching;
    private final BasisLinks bases;
    private final PlanChecks checks;
    private final AuditLog audit;
    private final vn.lantoa.event.EventTimes times;

    PlanManagement(Plans plans, Units units, Clock clock, ApplicationEventPublisher events, UnitMatching matching,
            BasisLinks bases, PlanChecks checks, AuditLog audit, vn.lantoa.event.EventTimes times) {
        this.times = times;
        this.checks = checks;
        this.audit = audit;
        this.plans = plans;
        this.units = units;
        this.clock = clock;
        this.events = events;
        this.matching = matching;
        this.bases = bases;
    }

    /** A new draft issued by the user's own unit (never a unit named in the body, A-09). */
    @Transactional
    public StoredPlan create(CurrentUser user, PlanInput input) {
        if (!PlanAccess.mayWrite(user, user.unitId())) {
            throw forbidden();
        }
        Unit unit = units.get(user.unitId());
        if (unit.closed()) {
            throw Problem.conflict("PLAN_UNIT_CLOSED", "Đơn vị \"{0}\" đã giải thể hoặc sáp nhập, không thể lập kế hoạch.",
                    unit.name());
        }
        Classification classification = input.classification() == null ? Classification.INTERNAL
                : input.classification();
        long id = plans.insertDraft(unit.id(), classification, input.plan(), user.id(), now());
        matching.refresh(id, unit.id(), input.plan());
        link(id, unit.id(), input.plan());
        return plans.byId(id).orElseThrow();
    }

    /**
     * A new draft imported from a file (nhập từ tệp), its SHA-256 kept: the same file already imported by the unit is
     * refused (409 {@code PLAN_DUPLICATE_FILE}, property {@code plans}: their ids) unless {@code again} says the
     * official was asked and wants a second plan.
     */
    @Transactional
    public StoredPlan createImported(CurrentUser user, PlanInput input, String sha256, boolean again) {
        return createImported(user, input, sha256, again, Map.of());
    }

    /**
     * A new draft imported from a file, with the units a person picked on the review screen for headings that could
     * not be matched (by assignment index; an empty list: the heading names no unit of the system). Refused as
     * {@link #confirmUnits} refuses a pick (400 {@code PLAN_ASSIGNMENT_UNKNOWN}, {@code PLAN_UNIT_UNKNOWN}), nothing
     * stored then.
     */
    @Transactional
    public StoredPlan createImported(CurrentUser user, PlanInput input, String sha256, boolean again,
            Map<Integer, List<Long>> picks) {
        StoredPlan created = createImportedDraft(user, input, sha256, again);
        for (Map.Entry<Integer, List<Long>> pick : new java.util.TreeMap<>(picks).entrySet()) {
            List<Long> chosen = checkedPick(created.plan(), pick.getKey(), pick.getValue());
            matching.confirm(created.id(), created.plan(), pick.getKey(), chosen, user.id());
        }
        return created;
    }

    /**
     * How the headings of a plan not stored yet (the import review) match units for a plan of the user's unit: what
     * the draft would show once saved. Empty for a user who may not write plans.
     */
    @Transactional(readOnly = true)
    public List<AssignmentMatch> preview(CurrentUser user, List<vn.lantoa.planformat.Assignment> assignments) {
        if (!mayCreate(user) || assignments.isEmpty()) {
            return List.of();
        }
        UnitMatcher matcher = matching.matcher(user.unitId());
        List<AssignmentMatch> out = new ArrayList<>();
        for (int i = 0; i < assignments.size(); i++) {
            vn.lantoa.planformat.Assignment a = assignments.get(i);
            out.add(matcher.match(i, a.unit() == null ? "" : a.unit(), a.role()));
        }
        return out;
    }

    /**
     * The plan's times resolved now (phase bounds, task dues, reporting dues: a date with the rule applied, or what it
     * waits for), read as its issuer chose, for a user who may see the plan.
     */
    @Transactional(readOnly = true)
    public vn.lantoa.event.PlanTimes times(CurrentUser user, long id) {
        StoredPlan plan = get(user, id);
        return times.resolve(plan.id(), plan.plan(), plan.issuerUnitId());
    }

    /** Whether the user may write plans for their own unit (a new plan, an import). */
    public boolean mayCreate(CurrentUser user) {
        return PlanAccess.mayWrite(user, user.unitId());
    }

    /**
     * Đến hết ngày: how the plan reads "trước ngày X" (strict: by the end of the day before; inclusive: by the end of
     * X itself), chosen by its issuer for a draft or an issued plan. The choice is kept by the event module beside its
     * times; it is no part of the document.
     */
    @Transactional
    public void setReading(CurrentUser user, long id, vn.lantoa.calendar.Deadlines.Reading reading) {
        StoredPlan plan = writable(user, id);
        if (plan.status() == PlanStatus.CLOSED) {
            throw notIssued();
        }
        times.setReading(id, reading, user.id());
        audit.ok("plan.reading", "plan", id, String.valueOf(reading));
    }

    private List<Long> checkedPick(Plan plan, int index, List<Long> unitIds) {
        if (index < 0 || index >= plan.assignments().size()) {
            throw Problem.badRequest("PLAN_ASSIGNMENT_UNKNOWN", "Kế hoạch không có mục giao nhiệm vụ số {0}.",
                    index + 1);
        }
        List<Long> chosen = unitIds == null ? List.of() : unitIds.stream().distinct().toList();
        for (long unitId : chosen) {
            if (units.byId(unitId).filter(u -> !u.closed()).isEmpty()) {
                throw Problem.badRequest("PLAN_UNIT_UNKNOWN",
                        "Không có đơn vị mã số {0} đang hoạt động để giao nhiệm vụ.", unitId);
            }
        }
        return chosen;
    }

    private StoredPlan createImportedDraft(CurrentUser user, PlanInput input, String sha256, boolean again) {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw Problem.badRequest("PLAN_SOURCE_HASH", "Thiếu mã SHA-256 của tệp đã nhập.");
        }
        List<Long> earlier = plans.importedFrom(user.unitId(), sha256);
        if (!earlier.isEmpty() && !again) {
            throw new Problem(409, "PLAN_DUPLICATE_FILE",
                    "Tệp này đã được nhập thành kế hoạch (mã số {0}). Bạn có muốn tạo thêm một kế hoạch nữa không?",
                    Map.of("plans", earlier), earlier.get(earlier.size() - 1));
        }
        StoredPlan created = create(user, input);
        plans.markSource(created.id(), sha256);
        return created;
    }

    /** Whether the user may write plans of this issuer (save, issue, amend, close): to show the buttons. */
    public boolean mayWrite(CurrentUser user, StoredPlan plan) {
        return PlanAccess.mayWrite(user, plan.issuerUnitId());
    }

    /** The plan, for a user who may write it (the editor): 404 when they may not see it, 403 when they only see it. */
    @Transactional(readOnly = true)
    public StoredPlan editable(CurrentUser user, long id) {
        return writable(user, id);
    }

    /** The plan, or 404 when it does not exist or the user may not see it. */
    @Transactional(readOnly = true)
    public StoredPlan get(CurrentUser user, long id) {
        StoredPlan plan = plans.byId(id).orElseThrow(PlanManagement::notFound);
        if (!PlanAccess.mayRead(user, plan.status(), units.get(plan.issuerUnitId()))) {
            throw notFound();
        }
        return plan;
    }

    /**
     * Saves a draft's new content.
     *
     * @param version the version the save replaces (from If-Match or the body); a stale one → 409 STALE_VERSION
     */
    @Transactional
    public StoredPlan save(CurrentUser user, long id, PlanInput input, Long version) {
        StoredPlan current = writable(user, id);
        if (current.status() != PlanStatus.DRAFT) {
            throw Problem.conflict("PLAN_NOT_DRAFT", "Kế hoạch đã ban hành, không sửa trực tiếp được.");
        }
        long expected = version(input.version(), version);
        Classification classification = input.classification() == null ? current.classification()
                : input.classification();
        if (expected != current.version()
                || !plans.updateDraft(id, expected, classification, input.plan(), user.id(), now())) {
            throw stale();
        }
        matching.refresh(id, current.issuerUnitId(), input.plan());
        link(id, current.issuerUnitId(), input.plan());
        return plans.byId(id).orElseThrow();
    }

    /**
     * Issues a draft (ban hành): it must have what an issued plan needs, and its symbol must be the issuer's only
     * issued one.
     *
     * @param version the version seen, or null to issue whatever is stored now
     */
    @Transactional
    public StoredPlan issue(CurrentUser user, long id, Long version) {
        StoredPlan current = writable(user, id);
        if (current.status() != PlanStatus.DRAFT) {
            throw Problem.conflict("PLAN_ALREADY_ISSUED", "Kế hoạch đã được ban hành.");
        }
        if (version != null && version != current.version()) {
            throw stale();
        }
        List<Map<String, Object>> missing = missingForIssue(current.plan());
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().map(m -> (String) m.get("detail")).toList());
            throw new Problem(422, "PLAN_INCOMPLETE", "Chưa thể ban hành kế hoạch: còn thiếu {0}.",
                    Map.of("missing", missing), list);
        }
        List<PlanFinding> blocking = checks.run(checked(current)).stream().filter(PlanFinding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw checkFailed(blocking);
        }
        String symbol = current.plan().document().symbol();
        if (plans.issuedSymbolTaken(current.issuerUnitId(), symbol, id)) {
            throw duplicate(symbol);
        }
        try {
            if (!plans.markIssued(id, current.version(), symbol, user.id(), now())) {
                throw stale();
            }
        } catch (DuplicateKeyException e) {
            throw duplicate(symbol); // issued by someone else at the same moment
        }
        plans.markRevisionIssued(id, user.id(), user.displayName(), now());
        audit.ok("plan.issue", "plan", id, symbol);
        StoredPlan issued = plans.byId(id).orElseThrow();
        // plans issued since the draft was last saved may now be found among its bases
        List<Long> links = link(id, issued.issuerUnitId(), issued.plan());
        events.publishEvent(new PlanIssued(id, issued.revision(), issued.issuerUnitId(), symbol,
                issued.plan().document().issuedOn(), issued.updatedAt(), basisPlanIds(links),
                assignedUnits(matching.of(id, issued.plan()))));
        return issued;
    }

    /**
     * Sửa đổi: an issued plan's next version. The whole new document replaces the current one as a new revision (the
     * earlier ones stay, for the history); it is checked like an issue (blocking findings refuse it) and published as
     * {@link PlanIssued} with the new revision.
     *
     * @param note    why it is amended (shown in the history), may be null
     * @param version the version the amendment replaces (If-Match or the body); a stale one → 409 STALE_VERSION
     * @throws Problem 409 {@code PLAN_NOT_ISSUED} for a draft (edit it) or a closed plan
     */
    @Transactional
    public StoredPlan amend(CurrentUser user, long id, PlanInput input, String note, Long version) {
        StoredPlan current = writable(user, id);
        if (current.status() != PlanStatus.ISSUED) {
            throw notIssued();
        }
        long expected = version(input.version(), version);
        if (expected != current.version()) {
            throw stale();
        }
        List<Map<String, Object>> missing = missingForIssue(input.plan());
        if (!missing.isEmpty()) {
            String list = String.join(", ", missing.stream().map(m -> (String) m.get("detail")).toList());
            throw new Problem(422, "PLAN_INCOMPLETE", "Chưa thể ban hành kế hoạch: còn thiếu {0}.",
                    Map.of("missing", missing), list);
        }
        if (!plans.amend(id, expected, input.plan(), user.id(), user.displayName(), note, now())) {
            throw stale();
        }
        matching.refresh(id, current.issuerUnitId(), input.plan());
        List<Long> links = link(id, current.issuerUnitId(), input.plan());
        StoredPlan amended = plans.byId(id).orElseThrow();
        List<PlanFinding> blocking = checks.run(checked(amended)).stream().filter(PlanFinding::blocking).toList();
        if (!blocking.isEmpty()) {
            throw checkFailed(blocking); // rolls the amendment back
        }
        audit.ok("plan.amend", "plan", id, "revision " + amended.revision() + (note == null ? "" : ": " + note));
        events.publishEvent(new PlanIssued(id, amended.revision(), amended.issuerUnitId(),
                amended.plan().document().symbol(), amended.plan().document().issuedOn(), amended.updatedAt(),
                basisPlanIds(links), assignedUnits(matching.of(id, amended.plan()))));
        return amended;
    }

    /**
     * Kết thúc: an issued plan is closed (the campaign is over): it stays readable, is no longer amended.
     *
     * @param version the version seen, or null to close whatever is stored now
     */
    @Transactional
    public StoredPlan close(CurrentUser user, long id, Long version) {
        StoredPlan current = writable(user, id);
        if (current.status() != PlanStatus.ISSUED) {
            throw notIssued();
        }
        if ((version != null && version != current.version()) || !plans.close(id, current.version(), user.id(), now())) {
            throw stale();
        }
        audit.ok("plan.close", "plan", id, current.plan().document().symbol());
        return plans.byId(id).orElseThrow();
    }

    /** Lịch sử: every version of the plan, the first first, each with what changed from the one before. */
    @Transactional(readOnly = true)
    public List<PlanVersion> history(CurrentUser user, long id) {
        get(user, id);
        List<PlanVersion> out = new ArrayList<>();
        Plans.Revision previous = null;
        for (Plans.Revision r : plans.revisions(id)) {
            out.add(new PlanVersion(r.revision(), r.savedBy(), r.savedByName(), r.savedAt(), r.note(),
                    previous == null ? List.of() : PlanDiff.between(previous.plan(), r.plan())));
            previous = r;
        }
        return out;
    }

    private static Problem notIssued() {
        return Problem.conflict("PLAN_NOT_ISSUED", "Chỉ sửa đổi hoặc kết thúc được kế hoạch đã ban hành.");
    }

    private static Problem checkFailed(List<PlanFinding> blocking) {
        return new Problem(422, "PLAN_CHECK_FAILED", "Chưa thể ban hành kế hoạch: {0}",
                Map.of("findings", blocking.stream().map(PlanFinding::members).toList()),
                String.join(" ", blocking.stream().map(PlanFinding::message).toList()));
    }

    /**
     * Links the plan's bases to the plans of the system they name and stores the links; a link that closes a cycle is
     * refused (400 {@code VALIDATION}, code {@code basis-cycle}, rolling the save back).
     *
     * @return for each basis, the plan it points at or null
     */
    private List<Long> link(long id, long issuerUnitId, Plan plan) {
        List<Long> links = bases.resolve(id, issuerUnitId, plan);
        List<vn.lantoa.planformat.PlanViolation> cycles = bases.cycles(id, plan, links);
        if (!cycles.isEmpty()) {
            throw PlanInput.invalid(cycles);
        }
        bases.store(id, plan, links);
        return links;
    }

    /** The distinct plans the links point at, in basis order. */
    static List<Long> basisPlanIds(List<Long> links) {
        return links.stream().filter(java.util.Objects::nonNull).distinct().toList();
    }

    /**
     * For each basis of the plan (by index), the plan of the system it points at or null, for a user who may see the
     * plan.
     */
    @Transactional(readOnly = true)
    public List<Long> basisLinks(CurrentUser user, long id) {
        StoredPlan plan = get(user, id);
        return bases.links(id, plan.plan().bases().size());
    }

    /**
     * Kiểm tra kế hoạch: what every {@link PlanCheck} finds in the plan as stored, blocking findings first, for a
     * user who may see the plan.
     */
    @Transactional(readOnly = true)
    public List<PlanFinding> check(CurrentUser user, long id) {
        return checks.run(checked(get(user, id)));
    }

    private CheckedPlan checked(StoredPlan plan) {
        return new CheckedPlan(plan.id(), plan.issuerUnitId(), plan.status(), plan.plan(),
                matching.of(plan.id(), plan.plan()), bases.links(plan.id(), plan.plan().bases().size()));
    }

    /**
     * How the plan's assignment headings were matched to units (what a person sees to confirm or pick), for a user
     * who may see the plan.
     */
    @Transactional(readOnly = true)
    public List<AssignmentMatch> assignments(CurrentUser user, long id) {
        StoredPlan plan = get(user, id);
        return matching.of(id, plan.plan());
    }

    /**
     * A person's choice of the units an assignment heading means (an empty list: it names no unit of the system). Only
     * on a draft, by its writer, carrying the version it replaces; the plan's version moves on.
     *
     * @throws Problem 400 {@code PLAN_ASSIGNMENT_UNKNOWN} for an index the plan does not have, 400
     *                 {@code PLAN_UNIT_UNKNOWN} for a unit that does not exist or is closed
     */
    @Transactional
    public List<AssignmentMatch> confirmUnits(CurrentUser user, long id, int index, List<Long> unitIds, Long version) {
        StoredPlan current = writable(user, id);
        if (current.status() != PlanStatus.DRAFT) {
            throw Problem.conflict("PLAN_NOT_DRAFT", "Kế hoạch đã ban hành, không sửa trực tiếp được.");
        }
        List<Long> chosen = checkedPick(current.plan(), index, unitIds);
        long expected = version(null, version);
        if (expected != current.version() || !plans.touch(id, expected, user.id(), now())) {
            throw stale();
        }
        return matching.confirm(id, current.plan(), index, chosen, user.id());
    }

    /** Every unit the matches assign, in assignment order. */
    static List<PlanIssued.AssignedUnit> assignedUnits(List<AssignmentMatch> matches) {
        List<PlanIssued.AssignedUnit> out = new ArrayList<>();
        for (AssignmentMatch m : matches) {
            if (!m.resolved()) {
                continue;
            }
            for (long unitId : m.unitIds()) {
                out.add(new PlanIssued.AssignedUnit(unitId, m.index(),
                        m.role() == null ? vn.lantoa.planformat.Role.LEAD : m.role()));
            }
        }
        return out;
    }

    /**
     * An issued (or closed) plan as stored, for other modules reacting to {@link PlanIssued}: no user is acting, so
     * no access check — never hand its result to a user without one.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<StoredPlan> issued(long id) {
        return plans.byId(id).filter(p -> p.status() != PlanStatus.DRAFT);
    }

    /** The plans the user may see, filtered. */
    @Transactional(readOnly = true)
    public List<PlanSummary> list(CurrentUser user, PlanStatus status, String query, int limit) {
        return list(user, status, query, null, null, limit);
    }

    /**
     * The plans the user may see, filtered in the database: by status, words of the symbol and title, an event's name
     * and a phase's label or title (all without diacritics).
     */
    @Transactional(readOnly = true)
    public List<PlanSummary> list(CurrentUser user, PlanStatus status, String query, String event, String phase,
            int limit) {
        return list(user, status, query, null, event, phase, limit);
    }

    /** The same, also filtered by the issuing unit (null: any). */
    @Transactional(readOnly = true)
    public List<PlanSummary> list(CurrentUser user, PlanStatus status, String query, Long issuerUnitId, String event,
            String phase, int limit) {
        if (user.isSystemAdministrator()) {
            return List.of();
        }
        List<Long> ancestors = PlanAccess.unitIds(user.unitPath());
        return plans.visible(user.unitPath(), ancestors, status, query, issuerUnitId, event, phase,
                Math.min(Math.max(1, limit), MAX_LIST));
    }

    /** The units whose plans the user may see (the choices of the issuer filter). */
    @Transactional(readOnly = true)
    public List<Long> issuers(CurrentUser user) {
        if (user.isSystemAdministrator()) {
            return List.of();
        }
        return plans.visibleIssuers(user.unitPath(), PlanAccess.unitIds(user.unitPath()), MAX_LIST);
    }

    /** What an issued plan needs and this one lacks, each with its JSON pointer and a Vietnamese name. */
    static List<Map<String, Object>> missingForIssue(Plan plan) {
        List<Map<String, Object>> missing = new ArrayList<>();
        DocumentHeader d = plan.document();
        need(missing, d.number(), "/document/number", "number");
        need(missing, d.symbol(), "/document/symbol", "symbol");
        need(missing, d.issuedOn() == null ? null : d.issuedOn().toString(), "/document/issuedOn", "issuedOn");
        need(missing, d.issuer(), "/document/issuer", "issuer");
        need(missing, d.title(), "/document/title", "title");
        need(missing, d.signer() == null ? null : d.signer().name(), "/document/signer/name", "signer");
        if (plan.assignments().isEmpty()) {
            need(missing, null, "/assignments", "assignments");
        }
        return missing;
    }

    private static void need(List<Map<String, Object>> missing, String value, String pointer, String name) {
        if (value == null || value.isBlank()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("pointer", pointer);
            m.put("detail", PlanMessages.get("plan.missing." + name));
            missing.add(m);
        }
    }

    private StoredPlan writable(CurrentUser user, long id) {
        StoredPlan plan = get(user, id);
        if (!PlanAccess.mayWrite(user, plan.issuerUnitId())) {
            throw forbidden();
        }
        return plan;
    }

    private static long version(Long fromBody, Long fromHeader) {
        if (fromBody == null && fromHeader == null) {
            throw Problem.badRequest("PLAN_VERSION_REQUIRED", "Thiếu phiên bản (version) của kế hoạch đang sửa: hãy tải lại "
                    + "kế hoạch rồi gửi kèm phiên bản (If-Match hoặc trường version).");
        }
        if (fromBody != null && fromHeader != null && !fromBody.equals(fromHeader)) {
            throw Problem.badRequest("PLAN_VERSION_MISMATCH", "Phiên bản trong If-Match ({0}) khác trường version ({1}).",
                    fromHeader, fromBody);
        }
        return fromBody != null ? fromBody : fromHeader;
    }

    private Instant now() {
        return clock.instant();
    }

    static Problem notFound() {
        return Problem.notFound("PLAN_NOT_FOUND", "Không tìm thấy kế hoạch.");
    }

    private static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    private static Problem stale() {
        return Problem.conflict("STALE_VERSION",
                "Dữ liệu đã được người khác sửa trước bạn. Hãy tải lại để xem bản mới nhất.");
    }

    private static Problem duplicate(String symbol) {
        return Problem.conflict("PLAN_DUPLICATE_SYMBOL", "Đơn vị đã ban hành một kế hoạch số {0}.", symbol);
    }
}
