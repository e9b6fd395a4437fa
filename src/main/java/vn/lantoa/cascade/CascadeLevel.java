package vn.lantoa.cascade;

import java.util.List;

/**
 * One screen of the cascade view: a node (the root plan's issuer, or a unit that derived a plan), the counts below
 * it, and its children one level down (or, with a state filter, the matching units of its whole subtree).
 *
 * @param rootPlanId  the plan the view started from
 * @param planId      the plan whose assignees are listed (the node's plan); null when the node has no plan yet
 * @param planSymbol  its symbol
 * @param nodeUnitId  the unit of the node (the root plan's issuer at the top)
 * @param nodeName    its name
 * @param path        the nodes from the root plan down to this one (breadcrumb)
 * @param total       the counts over the node's whole cascade (depth 0)
 * @param levels      the counts per level below the node (depth 1 = its direct assignees)
 * @param children    the listed units
 * @param state       the state filter, or null
 * @param offset      where the list starts
 * @param more        whether more rows follow
 */
public record CascadeLevel(long rootPlanId, Long planId, String planSymbol, long nodeUnitId, String nodeName,
        List<Crumb> path, CascadeCounts total, List<CascadeCounts> levels, List<CascadeNode> children, String state,
        int offset, boolean more) {

    /** A step of the breadcrumb. */
    public record Crumb(long unitId, String unitName, Long planId, String planSymbol) {
    }
}
