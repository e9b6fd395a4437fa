package vn.lantoa.reporting;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.lantoa.plan.PlanManagement;
import vn.lantoa.plan.StoredPlan;

/**
 * The reporting periods of an issued plan: the scheme its reporting duties state ({@link ReportingRegimes}), or, when
 * the plan states none, the quarters of Nghị định 09/2019 (cut off on the 14th) — the regime of State reporting,
 * which keeps every plan reportable. Read on every recorded activity, so kept in memory per plan and revision.
 */
@Component
public class PlanPeriods {

    /** The scheme of a plan that states no periodic reporting. */
    public static final PeriodScheme DEFAULT = PeriodScheme.decree09(PeriodKind.QUARTER);

    private record Cached(int revision, PeriodScheme scheme, Optional<ReportingRegime> regime) {
    }

    private final PlanManagement plans;
    private final Map<Long, Cached> cache = new ConcurrentHashMap<>();

    PlanPeriods(PlanManagement plans) {
        this.plans = plans;
    }

    /** The periods of an issued plan (DEFAULT when it is not issued or states none). */
    public PeriodScheme scheme(long planId) {
        return load(planId).scheme();
    }

    /** The plan's regime, when it states a reporting duty. */
    public Optional<ReportingRegime> regime(long planId) {
        return load(planId).regime();
    }

    /** The scheme of a plan already loaded. */
    public PeriodScheme scheme(StoredPlan plan) {
        return cached(plan).scheme();
    }

    private Cached load(long planId) {
        Cached c = cache.get(planId);
        if (c != null) {
            return c;
        }
        return plans.issued(planId).map(this::cached)
                .orElseGet(() -> new Cached(0, DEFAULT, Optional.empty()));
    }

    private Cached cached(StoredPlan plan) {
        Cached c = cache.get(plan.id());
        if (c != null && c.revision() == plan.revision()) {
            return c;
        }
        Optional<ReportingRegime> regime = ReportingRegimes.fromPlan(plan.plan());
        PeriodScheme scheme = regime.map(ReportingRegime::scheme).filter(s -> s != null).orElse(DEFAULT);
        Cached fresh = new Cached(plan.revision(), scheme, regime);
        if (plan.status() != vn.lantoa.plan.PlanStatus.DRAFT) {
            cache.put(plan.id(), fresh);
        }
        return fresh;
    }

    /** Forgets a plan (a new revision was issued). */
    public void forget(long planId) {
        cache.remove(planId);
    }
}
