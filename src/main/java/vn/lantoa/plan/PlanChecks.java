package vn.lantoa.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;

/**
 * Runs every {@link PlanCheck} bean over a plan, the plan module's own first: blocking findings before warnings, each
 * group in the order the checks gave them.
 */
@Service
class PlanChecks {

    private final ObjectProvider<PlanCheck> checks;

    PlanChecks(ObjectProvider<PlanCheck> checks) {
        this.checks = checks;
    }

    List<PlanFinding> run(CheckedPlan plan) {
        List<PlanFinding> out = new ArrayList<>();
        checks.orderedStream().sorted(Comparator.comparing(c -> c instanceof PlanRules ? 0 : 1))
                .forEach(c -> out.addAll(c.check(plan)));
        out.sort(Comparator.comparing(f -> f.blocking() ? 0 : 1));
        return out;
    }
}
