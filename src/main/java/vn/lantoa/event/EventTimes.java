package vn.lantoa.event;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.calendar.Deadlines;
import vn.lantoa.calendar.Deadlines.Reading;
import vn.lantoa.calendar.HolidayCalendar;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Event;
import vn.lantoa.planformat.Plan;

/**
 * Thời gian của kế hoạch: every phase bound and due time of a plan, resolved now from the current dates of its events
 * and the holiday calendar, with the legal rule of each step (Điều 147, 148 BLDS 2015). Nothing is stored: after an
 * event's dates change ({@link EventRescheduled}), asking again gives the new times.
 *
 * <p>No user is acting here (the plan module checks who may read the plan before asking): events are matched among
 * those the plan's <em>issuer</em> sees — national ones and those of the issuer and the units above it. An event name
 * that matches no record uses the dates the plan itself writes for it, if any.
 *
 * <p>How "trước ngày X" is read is a choice of the plan's issuer, kept here beside the plan ({@link #reading},
 * {@link #setReading}): the {@code lantoa.plan/1} format has no field for it.
 */
@Service
public class EventTimes {

    private final Events events;
    private final Units units;
    private final Deadlines deadlines;

    EventTimes(Events events, Units units, HolidayCalendar holidays, Clock clock) {
        this.events = events;
        this.units = units;
        this.deadlines = new Deadlines(holidays);
        this.clock = clock;
    }

    private final Clock clock;

    /** The plan's times with the strict reading (a plan not stored yet, or one whose issuer chose nothing). */
    @Transactional(readOnly = true)
    public PlanTimes resolve(Plan plan, long issuerUnitId) {
        return resolve(plan, issuerUnitId, Reading.STRICT);
    }

    /** The stored plan's times, read as its issuer chose. */
    @Transactional(readOnly = true)
    public PlanTimes resolve(long planId, Plan plan, long issuerUnitId) {
        return resolve(plan, issuerUnitId, reading(planId));
    }

    /** The plan's times, with a given reading of "trước ngày X". */
    @Transactional(readOnly = true)
    public PlanTimes resolve(Plan plan, long issuerUnitId, Reading reading) {
        List<Long> path = path(issuerUnitId);
        EventMatcher matcher = new EventMatcher(events.ownedByAnyOf(path), path);
        return resolve(plan, reading, matcher);
    }

    /**
     * Many plans at once, in three queries whatever their number (the calendar, the cascade): the events of all their
     * issuers, the readings, and the issuers' units.
     *
     * @return the times by plan id, in the order given (plans of id 0 are skipped: give them ids)
     */
    @Transactional(readOnly = true)
    public Map<Long, PlanTimes> resolveAll(Collection<PlanToResolve> plans) {
        Map<Long, List<Long>> paths = new HashMap<>();
        Set<Long> owners = new LinkedHashSet<>();
        for (PlanToResolve p : plans) {
            owners.addAll(paths.computeIfAbsent(p.issuerUnitId(), this::path));
        }
        List<EventRecord> records = events.ownedByAnyOf(owners);
        Map<Long, Reading> readings = events.readings(plans.stream().map(PlanToResolve::planId).toList());
        Map<Long, PlanTimes> times = new LinkedHashMap<>();
        Map<Long, EventMatcher> matchers = new HashMap<>();
        for (PlanToResolve p : plans) {
            EventMatcher matcher = matchers.computeIfAbsent(p.issuerUnitId(),
                    unit -> new EventMatcher(records, paths.get(unit)));
            times.put(p.planId(), resolve(p.plan(), readings.getOrDefault(p.planId(), Reading.STRICT), matcher));
        }
        return times;
    }

    /** The event record a plan's event name means for a plan of this issuer, if one fits unambiguously. */
    @Transactional(readOnly = true)
    public Optional<EventRecord> match(String eventName, long issuerUnitId) {
        List<Long> path = path(issuerUnitId);
        return Optional.ofNullable(new EventMatcher(events.ownedByAnyOf(path), path).match(eventName));
    }

    /** How the plan reads "trước ngày X": STRICT unless its issuer chose INCLUSIVE ("đến hết ngày"). */
    @Transactional(readOnly = true)
    public Reading reading(long planId) {
        return events.readings(List.of(planId)).getOrDefault(planId, Reading.STRICT);
    }

    /**
     * Records the issuer's choice of reading for a plan. The caller (the plan module) checks that the user may write
     * the plan; nothing is checked here.
     */
    @Transactional
    public void setReading(long planId, Reading reading, long userId) {
        events.putReading(planId, reading == null ? Reading.STRICT : reading, userId, clock.instant());
    }

    private PlanTimes resolve(Plan plan, Reading reading, EventMatcher matcher) {
        java.time.LocalDate issuedOn = plan.document().issuedOn();
        Map<String, Event> written = new HashMap<>();
        for (Event e : plan.events()) {
            written.putIfAbsent(e.name(), e);
        }
        return new TimeResolution(deadlines, reading, issuedOn, name -> {
            Event e = written.get(name);
            return matcher.dates(name, e == null ? null : e.start(), e == null ? null : e.end(), issuedOn);
        }).resolve(plan);
    }

    private List<Long> path(long unitId) {
        return units.byId(unitId).map(Unit::path).map(EventManagement::unitIds).orElse(List.of());
    }
}
