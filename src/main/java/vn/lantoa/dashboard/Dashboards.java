package vn.lantoa.dashboard;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.springframework.stereotype.Service;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.activity.ActivityFigures;
import vn.lantoa.activity.Indicator;
import vn.lantoa.activity.Indicators;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.cascade.CascadeLevel;
import vn.lantoa.cascade.CascadeNode;
import vn.lantoa.cascade.CascadeState;
import vn.lantoa.cascade.CascadeView;
import vn.lantoa.cascade.TaskManagement;
import vn.lantoa.cascade.UnitTask;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;
import vn.lantoa.planformat.Phase;
import vn.lantoa.reporting.ActivityTotals;
import vn.lantoa.reporting.Completion;
import vn.lantoa.reporting.ReportStates;
import vn.lantoa.shared.Problem;

/**
 * Computes a {@link Dashboard} for the acting user from the public read models of the cascade (plans issued down the
 * tree, tasks), reporting (reports' states, live totals per period) and activity (sums per month, phase and unit)
 * modules. Nothing is stored; every figure is read when asked.
 */
@Service
public class Dashboards {

    /** Deadlines within this many days are "coming". */
    public static final int COMING_DAYS = 30;
    /** At most this many months on the time chart (the latest ones). */
    public static final int MAX_MONTHS = 36;
    /** At most this many child units read for tasks. */
    static final int MAX_TASK_UNITS = 100;

    static final String COUNT_NAME = "Số hoạt động";

    private final PlanManagement plans;
    private final Units units;
    private final CascadeView cascade;
    private final TaskManagement tasks;
    private final ReportStates reportStates;
    private final ActivityTotals totals;
    private final ActivityFigures figures;
    private final Indicators indicators;
    private final Clock clock;

    Dashboards(PlanManagement plans, Units units, CascadeView cascade, TaskManagement tasks,
            ReportStates reportStates, ActivityTotals totals, ActivityFigures figures, Indicators indicators,
            Clock clock) {
        this.plans = plans;
        this.units = units;
        this.cascade = cascade;
        this.tasks = tasks;
        this.reportStates = reportStates;
        this.totals = totals;
        this.figures = figures;
        this.indicators = indicators;
        this.clock = clock;
    }

    /**
     * The dashboard of a plan for a unit: the given one, or by default the user's own unit (or the plan's issuer when
     * the user's unit is above it). The plan must be visible (404 {@code PLAN_NOT_FOUND}); the unit must be in the
     * user's subtree and in the issuer's (404 {@code DASHBOARD_UNIT_NOT_FOUND}).
     */
    public Dashboard of(CurrentUser user, long planId, Long unitId) {
        StoredPlan plan = plans.get(user, planId);
        Unit issuer = units.get(plan.issuerUnitId());
        Unit unit = unit(user, issuer, unitId);
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, Deadline.VIETNAM);
        Map<String, Indicator> catalogue = new HashMap<>();
        indicators.all().forEach(i -> catalogue.put(i.code(), i));

        Dashboard.Cascade planCascade = cascade(user, plan, unit);
        Map<Long, String> planStates = new HashMap<>();
        planCascade.units().forEach(u -> planStates.put(u.unitId(), u.state()));

        LocalDate from = plan.plan().document() != null && plan.plan().document().issuedOn() != null
                ? plan.plan().document().issuedOn() : LocalDate.ofInstant(plan.createdAt(), Deadline.VIETNAM);
        List<ReportStates.PeriodStates> states = reportStates.of(user, plan.id(), unit.id(), from,
                today.isBefore(from) ? from : today, now);
        long[] all = new long[4];
        List<Dashboard.Period> periods = new ArrayList<>();
        List<Dashboard.Due> deadlines = new ArrayList<>();
        Map<Long, ReportStates.UnitState> latest = new HashMap<>();
        for (ReportStates.PeriodStates p : states) {
            long[] counts = new long[4];
            for (ReportStates.UnitState s : p.children()) {
                counts[s.completion().ordinal()]++;
                all[s.completion().ordinal()]++;
                if (p.period().due() == null || !p.period().due().isAfter(today) || !latest.containsKey(s.unitId())) {
                    latest.put(s.unitId(), s);
                }
            }
            List<ReportStates.UnitState> everyone = new ArrayList<>(p.children());
            everyone.add(0, p.own());
            for (ReportStates.UnitState s : everyone) {
                if (!s.completion().done() && s.due() != null && !s.due().isAfter(today.plusDays(COMING_DAYS))) {
                    deadlines.add(new Dashboard.Due("REPORT", s.unitId(), s.unitName(), p.period().label(), s.due(),
                            s.completion() == Completion.OVERDUE));
                }
            }
            periods.add(new Dashboard.Period(p.period().id(), p.period().label(), p.period().from(), p.period().to(),
                    p.own().due(), p.own().completion().words(), compliance(counts),
                    named(totals.subtree(plan.id(), p.period().id(), unit.id()).stream()
                            .map(f -> new ActivityFigures.Sum("", f.channel(), f.indicator(), f.quantity())).toList(),
                            catalogue)));
        }

        deadlines.addAll(taskDeadlines(user, plan, unit, planCascade, today));
        deadlines.sort(Comparator.comparing(Dashboard.Due::dueOn).thenComparing(Dashboard.Due::unitName));

        List<Unit> children = units.children(unit.id()).stream()
                .filter(c -> !c.closed() || latest.containsKey(c.id())).toList();
        Map<String, Long> perChild = figures.perChild(plan.id(), unit.path(),
                children.stream().map(Unit::path).toList());
        List<Dashboard.Child> childRows = children.stream().map(c -> new Dashboard.Child(c.id(), c.name(),
                perChild.getOrDefault(c.path(), 0L), latest.containsKey(c.id())
                        ? latest.get(c.id()).completion().words() : null, planStates.get(c.id()))).toList();

        return new Dashboard(plan.id(), plan.plan().document() == null ? null : plan.plan().document().symbol(),
                plan.plan().document() == null ? null : plan.plan().document().title(), unit.id(), unit.name(), today,
                planCascade, compliance(all), periods, months(plan.id(), unit, catalogue), phases(plan, unit),
                childRows, deadlines);
    }

    // ---------------------------------------------------------------------------------------------------- internals

    private Unit unit(CurrentUser user, Unit issuer, Long unitId) {
        if (unitId == null) {
            Unit own = units.get(user.unitId());
            return own.path().startsWith(issuer.path()) ? own : issuer;
        }
        return units.byId(unitId).filter(user::isInSubtree).filter(u -> u.path().startsWith(issuer.path()))
                .orElseThrow(() -> Problem.notFound("DASHBOARD_UNIT_NOT_FOUND",
                        "Không tìm thấy đơn vị trong phạm vi của kế hoạch này."));
    }

    private Dashboard.Cascade cascade(CurrentUser user, StoredPlan plan, Unit unit) {
        CascadeLevel level;
        try {
            level = cascade.level(user, plan.id(), unit.id() == plan.issuerUnitId() ? null : unit.id(), null, 0);
        } catch (Problem p) {
            if (p.status() != 404) {
                throw p;
            }
            return new Dashboard.Cascade(null, null, 0, 0, 0, 0, 0, 0, List.of());
        }
        List<Dashboard.CascadeUnit> rows = level.children().stream().map(n -> new Dashboard.CascadeUnit(n.unitId(),
                n.unitName(), n.state().name(), n.overdue(), n.dueOn(), n.issuedOn(), n.derivedSymbol())).toList();
        long overdue = level.children().stream().filter(CascadeNode::overdue).count();
        var c = level.levels().stream().filter(l -> l.depth() == 1).findFirst().orElse(null);
        if (c == null || level.more()) {
            // the counters when they are there; the listed rows otherwise
            return new Dashboard.Cascade(level.planId(), level.planSymbol(), state(rows, CascadeState.ON_TIME),
                    state(rows, CascadeState.LATE), state(rows, CascadeState.DRAFT), state(rows, CascadeState.MISSING),
                    state(rows, CascadeState.NOT_ASKED), overdue, rows);
        }
        return new Dashboard.Cascade(level.planId(), level.planSymbol(), c.onTime(), c.late(), c.draft(), c.missing(),
                c.notAsked(), overdue, rows);
    }

    private static long state(List<Dashboard.CascadeUnit> rows, CascadeState state) {
        return rows.stream().filter(r -> r.state().equals(state.name())).count();
    }

    private List<Dashboard.Due> taskDeadlines(CurrentUser user, StoredPlan plan, Unit unit, Dashboard.Cascade c,
            LocalDate today) {
        Set<Long> planIds = new HashSet<>();
        planIds.add(plan.id());
        if (c.planId() != null) {
            planIds.add(c.planId());
        }
        List<Unit> who = new ArrayList<>();
        who.add(unit);
        units.children(unit.id()).stream().filter(u -> !u.closed()).limit(MAX_TASK_UNITS).forEach(who::add);
        List<Dashboard.Due> due = new ArrayList<>();
        for (Unit u : who) {
            for (UnitTask t : tasks.forUnit(user, u.id())) {
                if (!"OPEN".equals(t.status()) || t.dueOn() == null || !planIds.contains(t.planId())
                        || t.dueOn().isAfter(today.plusDays(COMING_DAYS))) {
                    continue;
                }
                due.add(new Dashboard.Due("TASK", u.id(), u.name(), t.text(), t.dueOn(), t.dueOn().isBefore(today)));
            }
        }
        return due;
    }

    private List<Dashboard.Month> months(long planId, Unit unit, Map<String, Indicator> catalogue) {
        Map<String, List<ActivityFigures.Sum>> byMonth = new TreeMap<>();
        figures.perMonth(planId, unit.path()).forEach(s -> byMonth.computeIfAbsent(s.key(), k -> new ArrayList<>())
                .add(s));
        List<Dashboard.Month> months = new ArrayList<>();
        if (byMonth.isEmpty()) {
            return months;
        }
        YearMonth first = YearMonth.parse(((TreeMap<String, List<ActivityFigures.Sum>>) byMonth).firstKey());
        YearMonth last = YearMonth.parse(((TreeMap<String, List<ActivityFigures.Sum>>) byMonth).lastKey());
        if (first.plusMonths(MAX_MONTHS - 1L).isBefore(last)) {
            first = last.minusMonths(MAX_MONTHS - 1L);
        }
        for (YearMonth m = first; !m.isAfter(last); m = m.plusMonths(1)) {
            String key = m.toString();
            months.add(new Dashboard.Month(key, String.format("%02d/%d", m.getMonthValue(), m.getYear()),
                    named(byMonth.getOrDefault(key, List.of()), catalogue)));
        }
        return months;
    }

    private List<Dashboard.Phase> phases(StoredPlan plan, Unit unit) {
        Map<String, List<ActivityFigures.Sum>> byPhase = new LinkedHashMap<>();
        List<String> order = new ArrayList<>();
        flatten(plan.plan().phases(), order);
        order.forEach(label -> byPhase.put(label, new ArrayList<>()));
        List<ActivityFigures.Sum> sums = figures.perPhase(plan.id(), unit.path());
        for (ActivityFigures.Sum s : sums) {
            if (!s.key().isEmpty()) {
                byPhase.computeIfAbsent(s.key(), k -> new ArrayList<>()).add(s);
            }
        }
        List<ActivityFigures.Sum> none = sums.stream().filter(s -> s.key().isEmpty()).toList();
        if (!none.isEmpty()) {
            byPhase.put("", new ArrayList<>(none));
        }
        List<Dashboard.Phase> phases = new ArrayList<>();
        byPhase.forEach((label, list) -> phases.add(new Dashboard.Phase(label, list.stream()
                .sorted(Comparator.comparing(ActivityFigures.Sum::channel))
                .map(s -> new Dashboard.Figure(s.channel(), "", COUNT_NAME, "hoạt động", s.quantity())).toList())));
        return phases;
    }

    private static void flatten(List<Phase> phases, List<String> into) {
        if (phases == null) {
            return;
        }
        for (Phase p : phases) {
            if (p.label() != null && !p.label().isBlank() && !into.contains(p.label().strip())) {
                into.add(p.label().strip());
            }
            flatten(p.phases(), into);
        }
    }

    /** Sums of one key as figures, merged per channel and indicator, the count first within each channel. */
    private static List<Dashboard.Figure> named(List<ActivityFigures.Sum> sums, Map<String, Indicator> catalogue) {
        Map<String, Long> merged = new TreeMap<>();
        sums.forEach(s -> merged.merge(s.channel() + "/" + s.indicator(), s.quantity(), Long::sum));
        List<Dashboard.Figure> list = new ArrayList<>();
        merged.forEach((key, q) -> {
            if (q == 0) {
                return;
            }
            int slash = key.indexOf('/');
            String code = key.substring(slash + 1);
            Indicator i = catalogue.get(code);
            list.add(new Dashboard.Figure(key.substring(0, slash), code, code.isEmpty() ? COUNT_NAME
                    : i == null ? code : i.name(), code.isEmpty() ? "hoạt động" : i == null ? "" : i.unitLabel(), q));
        });
        return list;
    }

    private static Dashboard.Compliance compliance(long[] counts) {
        return new Dashboard.Compliance(counts[Completion.DONE_ON_TIME.ordinal()],
                counts[Completion.DONE_LATE.ordinal()], counts[Completion.IN_PROGRESS.ordinal()],
                counts[Completion.OVERDUE.ordinal()]);
    }
}
