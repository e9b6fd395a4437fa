package vn.lantoa.authorization;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * An action of the matrix: what it is called in the policy file, what its target is, the HTTP calls that perform it
 * (one through the API, usually one through a page), how to prepare a fresh target, and how to see its effect.
 */
record Action(String name, Target target, List<Probe> probes, Consumer<Ctx> prepare, Consumer<Ctx> effect) {

    /** What the action acts on, which decides the relations it has rows for and how its target is chosen. */
    enum Target {
        /** No target: a page or a list of one's own ("-" in the policy file). */
        NONE,
        /** Reads a unit of the fixture. */
        UNIT,
        /** Creates something under a unit of the fixture (a child, imported units): never changes that unit. */
        UNIT_PARENT,
        /** Changes a unit: a fresh unit in the relation when the write must succeed. */
        UNIT_CHANGE,
        /** Reads a user (an officer of the relation's unit, or the actor: ME). */
        USER,
        /** Creates a user in a unit of the fixture. */
        USER_UNIT,
        /** Changes a user: a fresh officer of the relation's unit when the write must succeed. */
        USER_CHANGE,
        /** Changes the actor's own account: a fresh actor when the write must succeed. */
        OWN,
        /** A draft plan issued by the relation's unit: a fresh draft when a write must succeed. */
        PLAN_DRAFT,
        /** An issued plan of the relation's unit. */
        PLAN_ISSUED,
        /** An API token of the relation's officer, or of the actor (ME): a fresh one of the actor's. */
        TOKEN,
        /** An event owned by the relation's unit: a fresh one when a write must succeed. */
        EVENT,
        /** An issued plan of the relation's unit, worked on (activities recorded for it); the plan does not change. */
        PLAN_WORK,
        /** An activity of the relation's unit, with a photo (ExecutionActions). */
        ACTIVITY,
        /** An open activity task given to the relation's unit: a fresh one when a write must succeed. */
        TASK,
        /** The relation's unit's report on its issued plan, a draft: a fresh one when a write must succeed. */
        REPORT,
        /** The same, submitted (to be returned or accepted by its parent). */
        REPORT_SUBMITTED;

        Set<Relation> relations() {
            return switch (this) {
                case NONE, OWN -> EnumSet.of(Relation.NONE);
                case UNIT, UNIT_PARENT, UNIT_CHANGE, USER_UNIT, PLAN_DRAFT, PLAN_ISSUED, EVENT, PLAN_WORK,
                        ACTIVITY, TASK, REPORT, REPORT_SUBMITTED ->
                        EnumSet.of(Relation.UNITS[0], Relation.UNITS);
                case USER, USER_CHANGE, TOKEN -> EnumSet.of(Relation.ME, Relation.UNITS);
            };
        }
    }

    /** Whether the action changes something (one of its calls is not a GET). */
    boolean writes() {
        return probes.stream().anyMatch(Probe::writes);
    }

    @Override
    public String toString() {
        return name;
    }
}
