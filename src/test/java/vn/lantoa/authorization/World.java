package vn.lantoa.authorization;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import vn.lantoa.account.Role;
import vn.lantoa.organization.Unit;

/**
 * A tree of units standing in the {@link Relation}s to U, the users acting at U (one per role), and an officer
 * ("resident") in each unit, the target of the actions on users. The matrix's fixture is one world; a write that
 * must succeed on U or a unit above it (which would change every later cell) gets a fresh world of its own.
 */
final class World {

    final String token;
    final Map<Relation, Unit> units;
    /** W2, a second child of U: where moves and merges go when the target does not contain it; null in a fresh world. */
    final Unit inside;
    final Map<Relation, Account> residents;
    final Map<Role, Account> actors;
    /** The paths of the world's roots (P0 and P9): everything the world holds lies below them. */
    final List<String> rootPaths;
    /** The id of an API token of the resident in each relation (empty in a fresh world). */
    final Map<Relation, Long> tokens = new EnumMap<>(Relation.class);
    /** A draft plan issued by the unit in each relation (empty in a fresh world). */
    final Map<Relation, Long> drafts = new EnumMap<>(Relation.class);
    /** An issued plan of the unit in each relation (empty in a fresh world). */
    final Map<Relation, Long> issued = new EnumMap<>(Relation.class);
    /** An event (its congress) owned by the unit in each relation (empty in a fresh world). */
    final Map<Relation, Long> events = new EnumMap<>(Relation.class);
    /** An open activity task given to the unit in each relation (empty in a fresh world). */
    final Map<Relation, Long> tasks = new EnumMap<>(Relation.class);

    World(String token, Map<Relation, Unit> units, Unit inside, Map<Relation, Account> residents,
            Map<Role, Account> actors) {
        this.token = token;
        this.units = new EnumMap<>(units);
        this.inside = inside;
        this.residents = new EnumMap<>(Relation.class);
        this.residents.putAll(residents);
        this.actors = new EnumMap<>(Role.class);
        this.actors.putAll(actors);
        this.rootPaths = List.of(units.get(Relation.ANCESTOR).path(), units.get(Relation.OTHER).path());
    }

    Unit unit(Relation relation) {
        Unit unit = units.get(relation);
        if (unit == null) {
            throw new IllegalArgumentException("no unit in relation " + relation);
        }
        return unit;
    }

    Account actor(Role role) {
        return actors.get(role);
    }

    Account resident(Relation relation) {
        Account resident = residents.get(relation);
        if (resident == null) {
            throw new IllegalArgumentException("no resident in relation " + relation);
        }
        return resident;
    }

    /**
     * Where a move or a merge of {@code target} goes: W2, inside U's subtree (a destination every administrator of U
     * may use), unless the target contains W2; then the other province P9.
     */
    Unit destinationFor(Unit target) {
        return inside != null && !target.contains(inside) ? inside : unit(Relation.OTHER);
    }
}
