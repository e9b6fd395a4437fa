package vn.lantoa.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.event.EventManagement;
import vn.lantoa.event.EventRecord;
import vn.lantoa.event.EventTimes;
import vn.lantoa.event.PlanTimes;
import vn.lantoa.event.PlanToResolve;
import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.PlanStatus;
import vn.lantoa.plan.PlanSummary;
import vn.lantoa.plan.StoredPlan;

/**
 * Lịch của đơn vị: the calendar of a user's unit (or its subtree), computed at each read from the plans and events.
 * Which plans and which tasks: see the module's package-info.
 */
@Service
public class Schedule {

    /** At most this many plans on one calendar. */
    static final int MAX_PLANS = 200;

    private final PlanManagement plans;
    private final EventManagement events;
    private final EventTimes times;
    private final IndexedPlans index;
    private final Units units;

    Schedule(PlanManagement plans, EventManagement events, EventTimes times, IndexedPlans index, Units units) {
        this.plans = plans;
        this.events = events;
        this.times = times;
        this.index = index;
        this.units = units;
    }

    /** The user's calendar from {@code from} to {@code to}; with {@code subtree}, of the units below too. */
    @Transactional(readOnly = true)
    public CalendarSheet forUser(CurrentUser user, LocalDate from, LocalDate to, boolean subtree) {
        Unit unit = units.get(user.unitId());
        List<PlanSummary> visible = plans.list(user, null, null, PlanManagement.MAX_LIST).stream()
                .filter(p -> p.status() != PlanStatus.CLOSED).toList();
        Map<Long, Unit> issuers = issuers(visible.stream().map(PlanSummary::issuerUnitId).toList());
        List<StoredPlan> stored = new ArrayList<>();
        for (PlanSummary summary : visible) {
            Unit issuer = issuers.get(summary.issuerUnitId());
            if (issuer != null && concerns(unit, issuer, subtree) && stored.size() < MAX_PLANS) {
                stored.add(plans.get(user, summary.id()));
            }
        }
        return sheet(unit, subtree, stored, events.list(user, subtree, null, null, EventManagement.MAX_LIST), from, to);
    }

    /**
     * The calendar of a unit as its feed shows it: the issued plans of its issuer chain (and subtree), no drafts. No
     * user is acting: the caller has checked the feed's secret.
     */
    @Transactional(readOnly = true)
    CalendarSheet forUnit(long unitId, boolean subtree, LocalDate from, LocalDate to) {
        Optional<Unit> found = units.byId(unitId);
        if (found.isEmpty()) {
            return new CalendarSheet(from, to, List.of(), List.of());
        }
        Unit unit = found.get();
        Set<Long> issuerIds = new LinkedHashSet<>(units.ancestors(unit.id()).stream().map(Unit::id).toList());
        issuerIds.add(unit.id());
        if (subtree) {
            units.subtree(unit.id()).forEach(u -> issuerIds.add(u.id()));
        }
        List<StoredPlan> stored = new ArrayList<>();
        for (IndexedPlans.Row row : index.issuedBy(issuerIds)) {
            if (stored.size() >= MAX_PLANS) {
                break;
            }
            plans.issued(row.planId()).filter(p -> p.status() == PlanStatus.ISSUED).ifPresent(stored::add);
        }
        return sheet(unit, subtree, stored, events.visibleToUnit(unit.id(), subtree), from, to);
    }

    /**
     * The issued plans whose times are tied to this event now, with the units they assign: whom to tell when the event
     * moves ({@link vn.lantoa.event.EventRescheduled}). No user is acting. The candidates are the plans issued in the
     * event's owner's subtree (every plan for a national event), since a plan's events are matched among those of its
     * issuer and the units above it.
     */
    @Transactional(readOnly = true)
    public List<AffectedPlan> tiedTo(long eventId) {
        Optional<EventRecord> event = events.find(eventId);
        if (event.isEmpty()) {
            return List.of();
        }
        Long owner = event.get().ownerUnitId();
        List<IndexedPlans.Row> rows = owner == null ? index.all()
                : index.issuedBy(units.subtree(owner).stream().map(Unit::id).toList());
        List<PlanToResolve> batch = new ArrayList<>();
        for (IndexedPlans.Row row : rows) {
            plans.issued(row.planId()).filter(p -> p.status() == PlanStatus.ISSUED)
                    .ifPresent(p -> batch.add(new PlanToResolve(p.id(), p.plan(), p.issuerUnitId())));
        }
        Map<Long, PlanTimes> resolved = times.resolveAll(batch);
        Map<Long, Map<Long, Set<Integer>>> assigned = index.assigned(resolved.keySet());
        List<AffectedPlan> out = new ArrayList<>();
        for (PlanToResolve p : batch) {
            PlanTimes t = resolved.get(p.planId());
            Set<String> names = new HashSet<>();
            t.events().stream().filter(d -> Long.valueOf(eventId).equals(d.eventId())).forEach(d -> names.add(d.name()));
            List<String> pointers = t.times().stream()
                    .filter(r -> r.written() instanceof vn.lantoa.planformat.TimeRef.Relative rel
                            && names.contains(rel.event()))
                    .map(vn.lantoa.event.ResolvedTime::pointer).toList();
            if (!pointers.isEmpty()) {
                out.add(new AffectedPlan(p.planId(), p.issuerUnitId(),
                        List.copyOf(assigned.getOrDefault(p.planId(), Map.of()).keySet()), pointers));
            }
        }
        return out;
    }

    private CalendarSheet sheet(Unit unit, boolean subtree, List<StoredPlan> stored, List<EventRecord> eventList,
            LocalDate from, LocalDate to) {
        Map<Long, Map<Long, Set<Integer>>> assigned = index.assigned(stored.stream().map(StoredPlan::id).toList());
        Map<Long, Unit> issuers = issuers(stored.stream().map(StoredPlan::issuerUnitId).toList());
        Map<Long, Unit> assignedUnits = new HashMap<>();
        List<PlanSource> sources = new ArrayList<>();
        for (StoredPlan plan : stored) {
            Unit issuer = issuers.get(plan.issuerUnitId());
            Set<Integer> shown = null; // all
            Map<Long, Set<Integer>> byUnit = assigned.get(plan.id());
            if (issuer != null && !(unit.contains(issuer) && (subtree || issuer.id() == unit.id())) && byUnit != null) {
                shown = new HashSet<>();
                for (var e : byUnit.entrySet()) {
                    Unit u = assignedUnits.computeIfAbsent(e.getKey(), id -> units.byId(id).orElse(null));
                    if (u != null && (u.id() == unit.id() || subtree && unit.contains(u))) {
                        shown.addAll(e.getValue());
                    }
                }
            }
            sources.add(new PlanSource(plan.id(), PlanSource.label(plan.id(), plan.plan()), plan.issuerUnitId(),
                    plan.plan(), shown, plan.status() == PlanStatus.DRAFT));
        }
        Map<Long, PlanTimes> resolved = times.resolveAll(sources.stream()
                .map(s -> new PlanToResolve(s.id(), s.plan(), s.issuerUnitId())).toList());
        return CalendarBuilder.build(sources, resolved, eventList, from, to);
    }

    /** Whether a plan of this issuer belongs on the unit's calendar: issued above it or by it, or below on request. */
    private static boolean concerns(Unit unit, Unit issuer, boolean subtree) {
        return issuer.contains(unit) || subtree && unit.contains(issuer);
    }

    private Map<Long, Unit> issuers(Collection<Long> ids) {
        Map<Long, Unit> out = new HashMap<>();
        for (Long id : new HashSet<>(ids)) {
            units.byId(id).ifPresent(u -> out.put(id, u));
        }
        return out;
    }
}
