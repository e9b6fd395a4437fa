package vn.lantoa.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.calendar.Deadline;
import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.HolidayCalendar;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;

/**
 * Tình hình báo cáo: where the reports of a unit and of its direct children stand, period by period, against their
 * deadlines (the words of {@link Completion}). A read model for dashboards; the same rule as the report pages (a
 * report is done once submitted or accepted; the deadline is read strictly, off days moved).
 */
@Service
public class ReportStates {

    /** At most this many periods in one answer (the latest ones). */
    public static final int MAX_PERIODS = 36;

    private final Reports reports;
    private final PlanPeriods periods;
    private final PlanManagement plans;
    private final Units units;
    private final Deadlines deadlines;

    ReportStates(Reports reports, PlanPeriods periods, PlanManagement plans, Units units, HolidayCalendar holidays) {
        this.reports = reports;
        this.periods = periods;
        this.plans = plans;
        this.units = units;
        this.deadlines = new Deadlines(holidays);
    }

    /**
     * One unit's report for one period.
     *
     * @param reportId    the report, or null when the unit has not opened one
     * @param status      its status, or null when there is none
     * @param due         the date it is due as written, or null
     * @param completion  where it stands
     * @param submittedAt when it was last submitted, or null
     */
    public record UnitState(long unitId, String unitName, Long reportId, Report.Status status, LocalDate due,
            Completion completion, Instant submittedAt) {
    }

    /** A period with the unit's own report and its children's. */
    public record PeriodStates(ReportingPeriod period, UnitState own, List<UnitState> children) {
    }

    /**
     * The periods of the plan whose days meet {@code [from, to]} (at most {@link #MAX_PERIODS}, the latest), with the
     * state of the unit's report and of each open child's. The plan must be visible to the user (404
     * {@code PLAN_NOT_FOUND}), the unit in the user's subtree and in the plan's issuer's (404
     * {@code REPORT_NOT_FOUND}).
     */
    @Transactional(readOnly = true)
    public List<PeriodStates> of(CurrentUser user, long planId, long unitId, LocalDate from, LocalDate to,
            Instant now) {
        StoredPlan plan = plans.get(user, planId);
        Unit unit = units.byId(unitId).filter(user::isInSubtree).orElseThrow(ReportManagement::notFound);
        Unit issuer = units.get(plan.issuerUnitId());
        if (!unit.path().startsWith(issuer.path()) || user.isSystemAdministrator()) {
            throw ReportManagement.notFound();
        }
        List<ReportingPeriod> list = periods.scheme(plan).between(from, to);
        if (list.size() > MAX_PERIODS) {
            list = list.subList(list.size() - MAX_PERIODS, list.size());
        }
        List<Unit> children = units.children(unit.id());
        List<Long> ids = new ArrayList<>();
        ids.add(unit.id());
        children.forEach(c -> ids.add(c.id()));
        List<PeriodStates> result = new ArrayList<>();
        for (ReportingPeriod period : list) {
            Map<Long, Reports.Row> rows = reports.ofUnits(plan.id(), period.id(), ids);
            List<UnitState> states = new ArrayList<>();
            for (Unit child : children) {
                if (!child.closed() || rows.containsKey(child.id())) {
                    states.add(state(plan, child, period, rows.get(child.id()), now));
                }
            }
            result.add(new PeriodStates(period, state(plan, unit, period, rows.get(unit.id()), now), states));
        }
        return result;
    }

    private UnitState state(StoredPlan plan, Unit unit, ReportingPeriod period, Reports.Row row, Instant now) {
        LocalDate due = row != null ? row.due() : ReportManagement.due(plan, unit, period);
        Deadline deadline = due == null ? null : deadlines.before(due, Deadlines.Reading.STRICT);
        boolean done = row != null && (row.status() == Report.Status.SUBMITTED
                || row.status() == Report.Status.ACCEPTED);
        Completion completion = Completion.of(deadline, done ? row.submittedAt() : null, now);
        return new UnitState(unit.id(), unit.name(), row == null ? null : row.id(), row == null ? null : row.status(),
                due, completion, row == null ? null : row.submittedAt());
    }
}
