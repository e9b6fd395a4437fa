package vn.lantoa.schedule;

import java.util.Set;

import vn.lantoa.planformat.Plan;

/**
 * A plan a calendar shows.
 *
 * @param id           the plan's id
 * @param label        its symbol, or its title when it has none
 * @param issuerUnitId its issuer
 * @param plan         its content
 * @param assignments  the indexes of the assignments whose tasks' dues to show; null for all
 * @param draft        whether it is a draft
 */
record PlanSource(long id, String label, long issuerUnitId, Plan plan, Set<Integer> assignments, boolean draft) {

    static String label(long id, Plan plan) {
        var d = plan.document();
        if (d.symbol() != null && !d.symbol().isBlank()) {
            return d.symbol();
        }
        return d.title() == null || d.title().isBlank() ? "#" + id : d.title();
    }
}
