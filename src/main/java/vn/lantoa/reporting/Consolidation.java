package vn.lantoa.reporting;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Tổng hợp: a unit's view of its subtree for a plan and a period. The figures of accepted reports and, apart, those
 * recorded but not yet in an accepted report; per child unit (drill down by asking again with the child's id) and
 * per level; the children that have not reported, and those that reported late.
 *
 * @param live           every activity recorded in the subtree (live totals)
 * @param own            the unit's own activities
 * @param accepted       the sum of the children's accepted reports
 * @param notYetReported recorded in the children's subtrees but in no accepted report: live − own − accepted
 * @param levels         the own activities of the units at each depth of the subtree: depth → figures
 * @param notReported    children whose report is not submitted (none, draft, returned)
 * @param late           children whose report was submitted after its deadline
 */
public record Consolidation(long planId, long unitId, String unitName, ReportingPeriod period, Report ownReport,
        List<Line> live, List<Line> own, List<Line> accepted, List<Line> notYetReported, List<Child> children,
        Map<Integer, List<Line>> levels, List<Long> notReported, List<Long> late) {

    /**
     * A figure: channel, indicator ("" = activities), names, quantity. A child's lines in the short form (numbers of
     * activities per channel) carry no names: they are left out of the JSON.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Line(String channel, String indicator, String name, String unitLabel, long quantity) {
    }

    /** A child unit: its report and its subtree's figures. */
    public record Child(long unitId, String unitName, Report.ChildReport report, List<Line> live,
            List<Line> accepted) {
    }
}
