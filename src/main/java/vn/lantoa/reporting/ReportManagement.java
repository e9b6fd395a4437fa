package vn.lantoa.reporting;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.account.Role;
import vn.lantoa.activity.Activities;
import vn.lantoa.activity.Activity;
import vn.lantoa.activity.Indicator;
import vn.lantoa.activity.Indicators;
import vn.lantoa.audit.AuditEvent;
import vn.lantoa.audit.AuditLog;
import vn.lantoa.audit.AuditOutcome;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.HolidayCalendar;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.shared.Problem;
import vn.lantoa.shared.VietnameseText;

/**
 * Reports and consolidation for the acting user.
 *
 * <p><b>Who.</b> A unit's report is read in the unit's subtree (the unit and every unit above it in the user's
 * chain); it is written and submitted by the unit's own OFFICER or UNIT_ADMIN; it is returned or accepted by the
 * OFFICER or UNIT_ADMIN of the receiving body, the unit's parent. A report the user may not see is 404
 * {@code REPORT_NOT_FOUND}; a visible one that is not theirs to change is 403 {@code FORBIDDEN}; a state that does
 * not allow the change is 409.
 *
 * <p><b>Figures.</b> A draft's figures are live: the unit's own activities in the period (from the live totals) plus
 * the figures of its children's accepted reports. Submitting freezes them. A unit's report on a plan thus
 * consolidates its subtree's accepted reports, and goes up to its parent in turn.
 */
@Service
public class ReportManagement {

    static final String COUNT_NAME = "Số hoạt động";

    private final Reports reports;
    private final ActivityTotals totals;
    private final ReportCounts counts;
    private final PlanPeriods periods;
    private final PlanManagement plans;
    private final Units units;
    private final Activities activities;
    private final Indicators indicators;
    private final Deadlines deadlines;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportManagement(Reports reports, ActivityTotals totals, ReportCounts counts, PlanPeriods periods, PlanManagement plans, Units units,
            Activities activities, Indicators indicators, HolidayCalendar holidays, AuditLog audit,
            ApplicationEventPublisher events, Clock clock) {
        this.reports = reports;
        this.totals = totals;
        this.counts = counts;
        this.periods = periods;
        this.plans = plans;
        this.units = units;
        this.activities = activities;
        this.indicators = indicators;
        this.deadlines = new Deadlines(holidays);
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    // ---------------------------------------------------------------------------------------------------- reading

    /**
     * The report of a unit (the user's own when null) on a plan for a period (the current one when null). The user's
     * own unit's draft is created on first reading when the user may write it; others see a draft that is not saved
     * (id null) until the unit saves one.
     */
    @Transactional
    public Report find(CurrentUser user, long planId, Long unitId, String periodId) {
        StoredPlan plan = plans.get(user, planId);
        Unit unit = visibleUnit(user, unitId == null ? user.unitId() : unitId);
        Unit issuer = units.get(plan.issuerUnitId());
        if (!unit.path().startsWith(issuer.path())) {
            throw notFound(); // the unit takes no part in the plan
        }
        ReportingPeriod period = period(plan, periodId);
        Optional<Reports.Row> row = reports.find(plan.id(), unit.id(), period.id());
        if (row.isEmpty() && unit.id() == user.unitId() && mayWrite(user) && !unit.closed()) {
            // "on conflict do nothing": when another request created it first, this reads theirs
            reports.insert(plan.id(), unit.id(), unit.path(), period, due(plan, unit, period), user.id(),
                    clock.instant());
            row = reports.find(plan.id(), unit.id(), period.id());
        }
        Family family = family(plan.id(), unit, period);
        return row.map(r -> view(r, false, plan, unit, period, family))
                .orElseGet(() -> unsaved(plan, unit, period, family));
    }

    /** One report with every saved version. */
    @Transactional(readOnly = true)
    public Report get(CurrentUser user, long id) {
        return view(visible(user, id), true);
    }

    // ---------------------------------------------------------------------------------------------------- writing

    /**
     * Saves the free-text sections of a draft or returned report. {@code version} must be the version the officer
     * read: when someone saved first, 409 {@code STALE_VERSION}, nothing is overwritten, and the answer carries the
     * saved texts ({@code current}) beside the sent ones ({@code yours}) so that nothing typed is lost.
     */
    @Transactional
    public Report save(CurrentUser user, long id, Long version, String results, String shortcomings,
            String proposals) {
        Reports.Row row = writable(user, id);
        if (version == null) {
            throw Problem.badRequest("REPORT_VERSION_REQUIRED",
                    "Cần gửi kèm phiên bản báo cáo đang sửa (If-Match hoặc version).");
        }
        editable(row);
        String r = text(results);
        String s = text(shortcomings);
        String p = text(proposals);
        if (!reports.saveTexts(id, version, r, s, p, user.id(), clock.instant())) {
            Reports.Row current = reports.byId(id).orElseThrow();
            editable(current);
            Map<String, Object> conflict = new LinkedHashMap<>();
            conflict.put("current", texts(current.version(), current.results(), current.shortcomings(),
                    current.proposals()));
            conflict.put("yours", texts(version, r, s, p));
            conflict.put("updatedAt", current.updatedAt().toString());
            throw new Problem(409, "STALE_VERSION", "Báo cáo đã được người khác sửa lúc {0}. Hãy xem bản đã lưu và "
                    + "gộp nội dung của bạn vào rồi lưu lại.", conflict, TimeText.dateTime(current.updatedAt()));
        }
        return view(reports.byId(id).orElseThrow(), false);
    }

    /**
     * Submits a draft or returned report: freezes its figures, records when and whether on time, and publishes
     * {@link ReportSubmitted}. With an {@code Idempotency-Key}, a repeated request (double click, retry) answers the
     * first one's result and submits nothing more; without one, a second submit of a submitted report is 409
     * {@code REPORT_ALREADY_SUBMITTED}.
     */
    @Transactional
    public Report submit(CurrentUser user, long id, String idempotencyKey) {
        Reports.Row row = writable(user, id);
        String key = idempotencyKey == null || idempotencyKey.isBlank() ? null : idempotencyKey.strip();
        if (key != null && key.length() > 200) {
            throw Problem.badRequest("IDEMPOTENCY_KEY_INVALID", "Khóa Idempotency-Key dài tối đa 200 ký tự.");
        }
        if (key != null && reports.submissionWithKey(id, key).isPresent()) {
            return view(row, false); // the same request again: its result, nothing more
        }
        if (row.status() != Report.Status.DRAFT && row.status() != Report.Status.RETURNED) {
            throw alreadySubmitted();
        }
        StoredPlan plan = plans.issued(row.planId()).orElseThrow(ReportManagement::notFound);
        Unit unit = units.get(row.unitId());
        ReportingPeriod period = periods.scheme(plan).period(row.periodId());
        Instant now = clock.instant();
        LocalDate due = row.due();
        boolean onTime = due == null || deadlines.before(due, Deadlines.Reading.STRICT).isOnTime(now);
        Map<String, long[]> figures = figures(plan.id(), unit, period);
        if (!reports.submit(id, onTime, user.id(), now)) {
            // another submit got there first, under the row lock: the same key is that request's twin
            if (key != null && reports.submissionWithKey(id, key).isPresent()) {
                return view(reports.byId(id).orElseThrow(), false);
            }
            throw alreadySubmitted();
        }
        counts.moved(row.planId(), row.periodId(), row.unitPath(), row.status(), row.onTime(),
                Report.Status.SUBMITTED, onTime);
        Reports.Row submitted = reports.byId(id).orElseThrow();
        try {
            reports.recordSubmission(id, submitted.revision(), key, user.id(), now, onTime);
        } catch (DuplicateKeyException e) {
            throw alreadySubmitted();
        }
        reports.freeze(id, submitted.revision(), figures);
        events.publishEvent(new ReportSubmitted(id, row.planId(), row.unitId(), row.periodId(), submitted.revision(),
                now, onTime));
        audit.record(AuditEvent.of("REPORT_SUBMITTED", AuditOutcome.OK).object("report", id)
                .details("plan=" + row.planId() + " period=" + row.periodId() + " revision=" + submitted.revision()
                        + " onTime=" + onTime));
        return view(submitted, false);
    }

    /** The receiving body returns a submitted report with a comment; the unit corrects and resubmits it. */
    @Transactional
    public Report returnReport(CurrentUser user, long id, String comment, Long version) {
        String why = text(comment);
        Reports.Row row = reviewable(user, id);
        if (why == null) {
            throw Problem.badRequest("REPORT_COMMENT_REQUIRED", "Hãy ghi lý do trả lại báo cáo.");
        }
        return review(user, row, Report.Status.RETURNED, why, version);
    }

    /** The receiving body accepts a submitted report: its figures count in the receiver's consolidation. */
    @Transactional
    public Report accept(CurrentUser user, long id, String comment, Long version) {
        return review(user, reviewable(user, id), Report.Status.ACCEPTED, text(comment), version);
    }

    private Report review(CurrentUser user, Reports.Row row, Report.Status to, String comment, Long version) {
        if (row.status() != Report.Status.SUBMITTED) {
            throw Problem.conflict("REPORT_NOT_SUBMITTED", "Báo cáo chưa gửi hoặc đã được xử lý.");
        }
        if (!reports.review(row.id(), to, comment, version, user.id(), clock.instant())) {
            Reports.Row now = reports.byId(row.id()).orElseThrow();
            if (now.status() != Report.Status.SUBMITTED) {
                throw Problem.conflict("REPORT_NOT_SUBMITTED", "Báo cáo chưa gửi hoặc đã được xử lý.");
            }
            throw new Problem(409, "STALE_VERSION", "Báo cáo đã thay đổi, hãy tải lại.");
        }
        counts.moved(row.planId(), row.periodId(), row.unitPath(), row.status(), row.onTime(), to, row.onTime());
        audit.record(AuditEvent.of(to == Report.Status.ACCEPTED ? "REPORT_ACCEPTED" : "REPORT_RETURNED",
                AuditOutcome.OK).object("report", row.id()));
        return view(reports.byId(row.id()).orElseThrow(), false);
    }

    // ------------------------------------------------------------------------------------------------ consolidation

    /** The consolidation of a unit's subtree (the user's own unit when null) for a plan and a period. */
    @Transactional(readOnly = true)
    public Consolidation consolidation(CurrentUser user, long planId, Long unitId, String periodId) {
        return consolidation(user, planId, unitId, periodId, true);
    }

    /**
     * The consolidation; with {@code childDetail} false, each child's figures are its numbers of activities per
     * channel only (a province has about a hundred children with dozens of indicators each: the page and the
     * dashboard show counts; every indicator of a child stays one drill-down away, and in the full form and exports).
     * The unit's own totals, accepted and not-yet-reported figures and levels are complete either way.
     */
    @Transactional(readOnly = true)
    public Consolidation consolidation(CurrentUser user, long planId, Long unitId, String periodId,
            boolean childDetail) {
        StoredPlan plan = plans.get(user, planId);
        Unit unit = visibleUnit(user, unitId == null ? user.unitId() : unitId);
        ReportingPeriod period = period(plan, periodId);
        Map<String, Long> live = map(totals.subtree(plan.id(), period.id(), unit.id()));
        Map<String, Long> own = map(totals.own(plan.id(), period.id(), unit.id()));
        Map<Long, List<ActivityTotals.Figure>> perChild = totals.perChild(plan.id(), period.id(), unit.id(),
                !childDetail);
        Family family = family(plan.id(), unit, period); // read once: the own report below shows them too
        List<Unit> children = family.children().stream().filter(c -> !c.closed()
                || perChild.containsKey(c.id())).toList();
        Map<Long, Reports.Row> childReports = family.rows();
        Map<String, Long> accepted = new TreeMap<>();
        List<Consolidation.Child> rows = new ArrayList<>();
        List<Long> notReported = new ArrayList<>();
        List<Long> late = new ArrayList<>();
        Instant now = clock.instant();
        Map<Long, Integer> acceptedRevisions = new HashMap<>();
        family.accepted().values().forEach(r -> acceptedRevisions.put(r.id(), r.revision()));
        Map<Long, Map<String, long[]>> frozen = reports.frozen(acceptedRevisions); // one query, not one per child
        Map<String, Indicator> catalogue = catalogue();
        for (Unit child : children) {
            Reports.Row r = childReports.get(child.id());
            Map<String, Long> childAccepted = new TreeMap<>();
            if (r != null && r.status() == Report.Status.ACCEPTED) {
                frozen.getOrDefault(r.id(), Map.of()).forEach((k, q) -> childAccepted.put(k, q[0]));
                childAccepted.forEach((k, q) -> accepted.merge(k, q, Long::sum));
            }
            if (r == null || r.status() == Report.Status.DRAFT || r.status() == Report.Status.RETURNED) {
                notReported.add(child.id());
            }
            if (r != null && Boolean.FALSE.equals(r.onTime())) {
                late.add(child.id());
            }
            Map<String, Long> shownAccepted = childAccepted;
            if (!childDetail) {
                shownAccepted = new TreeMap<>(childAccepted);
                shownAccepted.keySet().removeIf(k -> !k.endsWith("/" + ActivityTotals.COUNT));
            }
            // the short form's lines are numbers of activities: no name to repeat on each (a hundred children)
            Map<String, Indicator> names = childDetail ? catalogue : null;
            rows.add(new Consolidation.Child(child.id(), child.name(), childReport(plan, child, period, r, now),
                    lines(map(perChild.getOrDefault(child.id(), List.of())), names), lines(shownAccepted, names)));
        }
        Map<String, Long> notYet = new TreeMap<>(live);
        own.forEach((k, q) -> notYet.merge(k, -q, Long::sum));
        accepted.forEach((k, q) -> notYet.merge(k, -q, Long::sum));
        notYet.values().removeIf(q -> q <= 0);
        Map<Integer, List<Consolidation.Line>> levels = new TreeMap<>();
        totals.perLevel(plan.id(), period.id(), unit.path()).forEach((depth, f) -> levels.put(depth,
                lines(map(f), catalogue)));
        Report ownReport = reports.find(plan.id(), unit.id(), period.id())
                .map(r -> view(r, false, plan, unit, period, family))
                .orElseGet(() -> unsaved(plan, unit, period, family));
        return new Consolidation(plan.id(), unit.id(), unit.name(), period, ownReport, lines(live, catalogue),
                lines(own, catalogue), lines(accepted, catalogue), lines(notYet, catalogue), rows, levels, notReported,
                late);
    }

    /**
     * Who reported (on time, late), was accepted or returned, against the units expected, per level of a unit's subtree
     * (the user's own unit when null) and per child unit, for a plan and a period.
     */
    @Transactional(readOnly = true)
    public ReportCounts.Completeness completeness(CurrentUser user, long planId, Long unitId, String periodId) {
        StoredPlan plan = plans.get(user, planId);
        Unit unit = visibleUnit(user, unitId == null ? user.unitId() : unitId);
        ReportingPeriod period = period(plan, periodId);
        return counts.completeness(plan.id(), period.id(), unit.id(), unit.path());
    }

    // ---------------------------------------------------------------------------------------------------- internals

    /** The report's figures now: own activities (live) + the children's accepted reports; key → {total, own}. */
    private Map<String, long[]> figures(long planId, Unit unit, ReportingPeriod period) {
        return figures(planId, unit, period, family(planId, unit, period).accepted());
    }

    private Map<String, long[]> figures(long planId, Unit unit, ReportingPeriod period,
            Map<Long, Reports.Row> accepted) {
        Map<String, long[]> figures = new TreeMap<>();
        map(totals.own(planId, period.id(), unit.id())).forEach((k, q) -> figures.put(k, new long[] {q, q}));
        Map<Long, Integer> revisions = new HashMap<>();
        accepted.values().forEach(r -> revisions.put(r.id(), r.revision()));
        reports.frozen(revisions).values().forEach(frozen -> frozen.forEach((k, q) -> figures // one query
                .computeIfAbsent(k, x -> new long[2])[0] += q[0]));
        figures.values().removeIf(q -> q[0] == 0);
        return figures;
    }

    /** A unit's children (in their order) and their reports of a period, read once per answer. */
    private record Family(List<Unit> children, Map<Long, Reports.Row> rows) {

        /** The accepted reports, in the children's order: child id → report. */
        Map<Long, Reports.Row> accepted() {
            Map<Long, Reports.Row> result = new LinkedHashMap<>();
            for (Unit child : children) {
                Reports.Row r = rows.get(child.id());
                if (r != null && r.status() == Report.Status.ACCEPTED) {
                    result.put(child.id(), r);
                }
            }
            return result;
        }
    }

    private Family family(long planId, Unit unit, ReportingPeriod period) {
        List<Unit> children = units.children(unit.id());
        return new Family(children, reports.ofUnits(planId, period.id(), children.stream().map(Unit::id).toList()));
    }

    private Report view(Reports.Row row, boolean withVersions) {
        StoredPlan plan = plans.issued(row.planId()).orElseThrow(ReportManagement::notFound);
        Unit unit = units.get(row.unitId());
        ReportingPeriod period = periods.scheme(plan).period(row.periodId());
        return view(row, withVersions, plan, unit, period, family(plan.id(), unit, period));
    }

    /** The report of {@code row}, whose plan, unit, period and the unit's children with their reports are given. */
    private Report view(Reports.Row row, boolean withVersions, StoredPlan plan, Unit unit, ReportingPeriod period,
            Family family) {
        boolean frozen = row.status() == Report.Status.SUBMITTED || row.status() == Report.Status.ACCEPTED;
        Map<Long, Reports.Row> accepted = family.accepted();
        Map<String, long[]> figures = frozen ? reports.frozen(row.id(), row.revision())
                : figures(plan.id(), unit, period, accepted);
        List<Activity> own = activities.ofUnit(plan.id(), unit.id(), period.from(), period.to());
        Instant now = clock.instant();
        List<Report.ChildReport> children = childReports(plan, period, family, now);
        Completion completion = completion(row.due(), row, now);
        return new Report(row.id(), plan.id(), unit.id(), unit.name(), period.id(), period.labelWithDays(),
                period.from(), period.to(), row.due(), row.status(), completion, completion.words(), row.version(),
                row.revision(), unit.parentId(), row.results(), row.shortcomings(), row.proposals(),
                row.submittedAt(), row.onTime(), row.reviewComment(), row.reviewedAt(),
                figureList(figures, own, accepted), notable(own), children,
                withVersions ? reports.versions(row.id()) : List.of());
    }

    private Report unsaved(StoredPlan plan, Unit unit, ReportingPeriod period, Family family) {
        Map<Long, Reports.Row> accepted = family.accepted();
        Map<String, long[]> figures = figures(plan.id(), unit, period, accepted);
        List<Activity> own = activities.ofUnit(plan.id(), unit.id(), period.from(), period.to());
        LocalDate due = due(plan, unit, period);
        Completion completion = completion(due, null, clock.instant());
        Instant now = clock.instant();
        List<Report.ChildReport> children = childReports(plan, period, family, now);
        return new Report(null, plan.id(), unit.id(), unit.name(), period.id(), period.labelWithDays(), period.from(),
                period.to(), due, Report.Status.DRAFT, completion, completion.words(), 0, 0, unit.parentId(), null,
                null, null, null, null, null, null, figureList(figures, own, accepted), notable(own), children,
                List.of());
    }

    private List<Report.ChildReport> childReports(StoredPlan plan, ReportingPeriod period, Family family,
            Instant now) {
        List<Report.ChildReport> children = new ArrayList<>();
        for (Unit child : family.children()) {
            if (!child.closed() || family.rows().containsKey(child.id())) {
                children.add(childReport(plan, child, period, family.rows().get(child.id()), now));
            }
        }
        return children;
    }

    private Report.ChildReport childReport(StoredPlan plan, Unit child, ReportingPeriod period, Reports.Row r,
            Instant now) {
        LocalDate due = r != null ? r.due() : due(plan, child, period);
        Completion c = completion(due, r, now);
        return new Report.ChildReport(child.id(), child.name(), r == null ? null : r.id(),
                r == null ? null : r.status(), c.words(), r == null ? null : r.submittedAt(),
                r == null ? null : r.onTime());
    }

    private Completion completion(LocalDate due, Reports.Row row, Instant now) {
        Deadline deadline = due == null ? null : deadlines.before(due, Deadlines.Reading.STRICT);
        boolean done = row != null && (row.status() == Report.Status.SUBMITTED
                || row.status() == Report.Status.ACCEPTED);
        return Completion.of(deadline, done ? row.submittedAt() : null, now);
    }

    private List<Report.Figure> figureList(Map<String, long[]> figures, List<Activity> own,
            Map<Long, Reports.Row> accepted) {
        Map<String, Indicator> catalogue = catalogue();
        List<Report.Figure> list = new ArrayList<>();
        List<Long> sources = new ArrayList<>(accepted.values().stream().map(Reports.Row::id).toList());
        Map<String, List<Activity>> byChannel = new HashMap<>();
        own.forEach(a -> byChannel.computeIfAbsent(a.channel().json(), k -> new ArrayList<>()).add(a));
        figures.forEach((key, q) -> {
            int slash = key.indexOf('/');
            String channel = key.substring(0, slash);
            String code = key.substring(slash + 1);
            List<Long> ids = byChannel.getOrDefault(channel, List.of()).stream().filter(a -> code.isEmpty()
                    || a.outputs().getOrDefault(code, 0L) > 0).map(Activity::id).toList();
            Indicator indicator = catalogue.get(code);
            list.add(new Report.Figure(channel, code, code.isEmpty() ? COUNT_NAME : indicator == null ? code
                    : indicator.name(), code.isEmpty() ? "hoạt động" : indicator == null ? "" : indicator.unitLabel(),
                    q[0], q[1], q[0] - q[1], ids, q[0] > q[1] ? sources : List.of()));
        });
        return list;
    }

    private static List<Report.Notable> notable(List<Activity> own) {
        return own.stream().filter(Activity::notable)
                .map(a -> new Report.Notable(a.id(), a.title(), a.startsOn(), a.place())).toList();
    }

    private Map<String, Indicator> catalogue() {
        Map<String, Indicator> catalogue = new HashMap<>();
        indicators.all().forEach(i -> catalogue.put(i.code(), i));
        return catalogue;
    }

    /** Figures as lines, each with its indicator's name and unit label (null catalogue: without them). */
    private static List<Consolidation.Line> lines(Map<String, Long> figures, Map<String, Indicator> catalogue) {
        List<Consolidation.Line> lines = new ArrayList<>();
        figures.forEach((key, q) -> {
            if (q == 0) {
                return;
            }
            int slash = key.indexOf('/');
            String code = key.substring(slash + 1);
            if (catalogue == null) {
                lines.add(new Consolidation.Line(key.substring(0, slash), code, null, null, q));
                return;
            }
            Indicator indicator = catalogue.get(code);
            lines.add(new Consolidation.Line(key.substring(0, slash), code, code.isEmpty() ? COUNT_NAME
                    : indicator == null ? code : indicator.name(), code.isEmpty() ? "hoạt động"
                            : indicator == null ? "" : indicator.unitLabel(), q));
        });
        return lines;
    }

    private static Map<String, Long> map(List<ActivityTotals.Figure> figures) {
        Map<String, Long> map = new TreeMap<>();
        figures.forEach(f -> map.merge(f.channel() + "/" + f.indicator(), f.quantity(), Long::sum));
        map.values().removeIf(q -> q == 0);
        return map;
    }

    /** The units' due date; the plan's issuer (the standing body consolidating) has the consolidation's. */
    static LocalDate due(StoredPlan plan, Unit unit, ReportingPeriod period) {
        if (unit.id() == plan.issuerUnitId() && period.consolidationDue() != null) {
            return period.consolidationDue();
        }
        return period.due();
    }

    private ReportingPeriod period(StoredPlan plan, String periodId) {
        PeriodScheme scheme = periods.scheme(plan);
        if (periodId == null || periodId.isBlank()) {
            LocalDate today = LocalDate.now(clock.withZone(Deadline.VIETNAM));
            return scheme.containing(today).orElseGet(() -> scheme.between(today, today.plusYears(1)).stream()
                    .findFirst().orElseThrow(() -> Problem.notFound("PERIOD_NOT_FOUND",
                            "Kế hoạch không có kỳ báo cáo {0}.", today.toString())));
        }
        return scheme.period(periodId);
    }

    private Unit visibleUnit(CurrentUser user, long unitId) {
        return units.byId(unitId).filter(user::isInSubtree).orElseThrow(ReportManagement::notFound);
    }

    private Reports.Row visible(CurrentUser user, long id) {
        if (user.isSystemAdministrator()) {
            throw notFound();
        }
        return reports.byId(id).filter(r -> user.isInSubtree(r.unitPath())).orElseThrow(ReportManagement::notFound);
    }

    private Reports.Row writable(CurrentUser user, long id) {
        Reports.Row row = visible(user, id);
        if (row.unitId() != user.unitId() || !mayWrite(user)) {
            throw forbidden();
        }
        return row;
    }

    private Reports.Row reviewable(CurrentUser user, long id) {
        Reports.Row row = visible(user, id);
        Unit unit = units.get(row.unitId());
        if (unit.parentId() == null || unit.parentId() != user.unitId() || !mayWrite(user)) {
            throw forbidden();
        }
        return row;
    }

    private static void editable(Reports.Row row) {
        if (row.status() != Report.Status.DRAFT && row.status() != Report.Status.RETURNED) {
            throw Problem.conflict("REPORT_NOT_EDITABLE", "Báo cáo đã gửi, không sửa được (trừ khi bị trả lại).");
        }
    }

    static boolean mayWrite(CurrentUser user) {
        return user.role() == Role.OFFICER || user.role() == Role.UNIT_ADMIN;
    }

    private static Map<String, Object> texts(long version, String results, String shortcomings, String proposals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("version", version);
        m.put("results", results);
        m.put("shortcomings", shortcomings);
        m.put("proposals", proposals);
        return m;
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String s = VietnameseText.nfc(value).replaceAll("[\\p{Cc}&&[^\\n\\t]]|\\p{Cf}", "").strip();
        if (s.isEmpty()) {
            return null;
        }
        return s.length() > 20_000 ? s.substring(0, 20_000) : s;
    }

    static Problem notFound() {
        return Problem.notFound("REPORT_NOT_FOUND", "Không tìm thấy báo cáo.");
    }

    private static Problem forbidden() {
        return Problem.forbidden("FORBIDDEN", "Bạn không có quyền thực hiện thao tác này.");
    }

    private static Problem alreadySubmitted() {
        return Problem.conflict("REPORT_ALREADY_SUBMITTED", "Báo cáo đã được gửi.");
    }

    /** Dates and times as officials write them, in Vietnam's time. */
    static final class TimeText {
        private static final java.time.format.DateTimeFormatter AT = java.time.format.DateTimeFormatter
                .ofPattern("HH:mm dd/MM/yyyy").withZone(Deadline.VIETNAM);

        static String dateTime(Instant instant) {
            return AT.format(instant);
        }
    }
}
