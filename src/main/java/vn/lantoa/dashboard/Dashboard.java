package vn.lantoa.dashboard;

import java.time.LocalDate;
import java.util.List;

/**
 * The figures of one dashboard (the page draws them, the API returns them as they are).
 *
 * @param planId     the plan
 * @param planSymbol its number and symbol ("354-KH/TU")
 * @param planTitle  its title
 * @param unitId     the unit the dashboard is for (its subtree's figures)
 * @param unitName   its name
 * @param today      the day in Vietnam the states were computed on
 * @param cascade    the plans issued by the units the plan (or the unit's own plan implementing it) assigns
 * @param reports    the reports of the unit's children over every period so far, per state
 * @param periods    per reporting period: the reports' states and the subtree's outputs
 * @param months     per month (of the activities' first day): the subtree's outputs
 * @param phases     per phase of the plan: the number of activities per channel
 * @param children   per child unit: its subtree's activities, its latest report's state, its plan's state
 * @param deadlines  tasks and reports of the unit and its children that are overdue or due within 30 days
 */
public record Dashboard(long planId, String planSymbol, String planTitle, long unitId, String unitName,
        LocalDate today, Cascade cascade, Compliance reports, List<Period> periods, List<Month> months,
        List<Phase> phases, List<Child> children, List<Due> deadlines) {

    /** How many reports (or tasks) are in each state, in the officials' words. */
    public record Compliance(long doneOnTime, long doneLate, long inProgress, long overdue) {
        public long total() {
            return doneOnTime + doneLate + inProgress + overdue;
        }
    }

    /**
     * Plans issued down the tree: the units asked to implement the unit's plan for this cascade, per state.
     *
     * @param planId    the plan whose assignees are counted (the dashboard's plan, or the unit's own derived plan);
     *                  null when the unit has no plan in this cascade yet
     * @param overdue   units with no plan issued whose due date has passed
     * @param units     the assigned units, one level down
     */
    public record Cascade(Long planId, String planSymbol, long onTime, long late, long draft, long missing,
            long notAsked, long overdue, List<CascadeUnit> units) {
        public long total() {
            return onTime + late + draft + missing + notAsked;
        }
    }

    /** One assigned unit and where its plan stands ({@code ON_TIME}, {@code LATE}, {@code DRAFT} …). */
    public record CascadeUnit(long unitId, String unitName, String state, boolean overdue, LocalDate dueOn,
            LocalDate issuedOn, String planSymbol) {
    }

    /** One figure: a channel, an indicator ("" = the number of activities), its name and quantity. */
    public record Figure(String channel, String indicator, String name, String unitLabel, long quantity) {
    }

    /**
     * A reporting period.
     *
     * @param own      the unit's own report's state (in words)
     * @param reports  the children's reports, per state
     * @param figures  the subtree's outputs recorded in the period (live)
     */
    public record Period(String id, String label, LocalDate from, LocalDate to, LocalDate due, String own,
            Compliance reports, List<Figure> figures) {
        /** The number of activities. */
        public long activities() {
            return figures.stream().filter(f -> f.indicator().isEmpty()).mapToLong(Figure::quantity).sum();
        }
    }

    /** A month ({@code 2025-03}) and the subtree's outputs in it. */
    public record Month(String month, String label, List<Figure> figures) {
        public long activities() {
            return figures.stream().filter(f -> f.indicator().isEmpty()).mapToLong(Figure::quantity).sum();
        }
    }

    /** A phase ("" for activities that name none) and the number of activities per channel. */
    public record Phase(String label, List<Figure> figures) {
        public long activities() {
            return figures.stream().mapToLong(Figure::quantity).sum();
        }
    }

    /**
     * A child unit.
     *
     * @param activities  its subtree's activities for the plan
     * @param report      its latest due (or current) report's state in words, null when none is due
     * @param planState   its plan's state in the cascade ({@code ON_TIME} …), null when it is not assigned
     */
    public record Child(long unitId, String unitName, long activities, String report, String planState) {
    }

    /**
     * A deadline: a task or a report of the unit or a child.
     *
     * @param kind     TASK or REPORT
     * @param text     the task as written, or the period's label
     * @param overdue  past its due date and not done
     */
    public record Due(String kind, long unitId, String unitName, String text, LocalDate dueOn, boolean overdue) {
    }
}
