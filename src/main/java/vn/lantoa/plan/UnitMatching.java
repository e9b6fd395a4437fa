package vn.lantoa.plan;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Service;

import vn.lantoa.organization.Unit;
import vn.lantoa.organization.Units;
import vn.lantoa.planformat.Assignment;
import vn.lantoa.planformat.Plan;
import vn.lantoa.shared.VietnameseText;

/**
 * Keeps a plan's assignment headings matched to units ({@link UnitMatcher}): after every save of a draft, a heading
 * that a person has not confirmed, or whose text changed, is matched again; a person's choice stays while the
 * heading's text (folded) stays the same.
 */
@Service
class UnitMatching {

    private final Units units;
    private final PlanAssignments stored;
    private final Clock clock;

    UnitMatching(Units units, PlanAssignments stored, Clock clock) {
        this.units = units;
        this.stored = stored;
        this.clock = clock;
    }

    /** The matcher for plans of this issuer: the open units of its grandparent's subtree. */
    UnitMatcher matcher(long issuerUnitId) {
        Unit issuer = units.get(issuerUnitId);
        List<Unit> ancestors = units.ancestors(issuerUnitId);
        Unit root = ancestors.isEmpty() ? issuer : ancestors.get(Math.max(0, ancestors.size() - 2));
        List<Unit> scope = units.subtree(root.id()).stream().filter(u -> !u.closed()).toList();
        return new UnitMatcher(new UnitMatcher.Scope(issuer, ancestors, scope));
    }

    /** Matches the plan's headings again, keeping what a person confirmed for an unchanged heading. */
    List<AssignmentMatch> refresh(long planId, long issuerUnitId, Plan plan) {
        Map<Integer, AssignmentMatch> before = new HashMap<>();
        for (AssignmentMatch m : stored.of(planId, plan)) {
            before.put(m.index(), m);
        }
        Map<Integer, Long> confirmers = stored.confirmers(planId);
        UnitMatcher matcher = null;
        List<AssignmentMatch> now = new ArrayList<>();
        for (int i = 0; i < plan.assignments().size(); i++) {
            Assignment a = plan.assignments().get(i);
            AssignmentMatch old = before.get(i);
            if (old != null && old.confirmed() && same(old.heading(), a.unit())) {
                now.add(new AssignmentMatch(i, a.unit(), a.role(), old.state(), true, old.unitIds(),
                        old.candidates()));
                continue;
            }
            if (matcher == null) {
                matcher = matcher(issuerUnitId);
            }
            now.add(matcher.match(i, a.unit(), a.role()));
        }
        stored.replace(planId, now, confirmers, clock.instant());
        return now;
    }

    /** A person's choice of units for one heading (empty: not a unit of the system). */
    List<AssignmentMatch> confirm(long planId, Plan plan, int index, List<Long> unitIds, long userId) {
        List<AssignmentMatch> now = new ArrayList<>();
        Map<Integer, Long> confirmers = stored.confirmers(planId);
        for (AssignmentMatch m : stored.of(planId, plan)) {
            now.add(m.index() == index ? m.confirm(unitIds) : m);
        }
        confirmers.put(index, userId);
        stored.replace(planId, now, confirmers, clock.instant());
        return now;
    }

    List<AssignmentMatch> of(long planId, Plan plan) {
        return stored.of(planId, plan);
    }

    private static boolean same(String a, String b) {
        return VietnameseText.fold(a).equals(VietnameseText.fold(b));
    }
}
