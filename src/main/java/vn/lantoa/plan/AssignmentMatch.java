package vn.lantoa.plan;

import java.util.List;

import vn.lantoa.planformat.Role;

/**
 * How one assignment heading of a plan ("Ủy ban nhân dân thành phố", "UBND các xã, phường") was matched to units of
 * the organization tree. A heading is matched once, when the plan is created or saved; a person confirms or picks
 * the units of a heading that could not be matched (or that was matched wrongly), and that choice is kept as long
 * as the heading's text stays the same.
 *
 * @param index      the assignment's index in the plan's {@code assignments}
 * @param heading    the heading as written
 * @param role       lead, requested or standing, as the plan says
 * @param state      how it was matched
 * @param confirmed  whether a person chose or confirmed the units
 * @param unitIds    the units the heading means (empty when unmatched or ambiguous and not yet picked)
 * @param candidates units a person may pick from (several equally good matches, or the nearest names)
 */
public record AssignmentMatch(int index, String heading, Role role, State state, boolean confirmed,
        List<Long> unitIds, List<Long> candidates) {

    public AssignmentMatch {
        unitIds = List.copyOf(unitIds);
        candidates = List.copyOf(candidates);
    }

    /** Trạng thái đối chiếu đơn vị. */
    public enum State {
        /** Exactly one unit has this name near the issuer. */
        MATCHED,
        /** The heading names a group ("UBND các xã, phường"): the set of units it means under the issuer. */
        GROUP,
        /** Several units fit equally well: a person picks. */
        AMBIGUOUS,
        /** No unit fits: a person picks, or says that it is not a unit of the system. */
        UNMATCHED
    }

    /** Whether the heading's units are known: matched, resolved as a group, or chosen by a person. */
    public boolean resolved() {
        return confirmed || state == State.MATCHED || state == State.GROUP;
    }

    AssignmentMatch confirm(List<Long> units) {
        return new AssignmentMatch(index, heading, role, state, true, units, candidates);
    }
}
