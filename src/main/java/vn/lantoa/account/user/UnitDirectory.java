package vn.lantoa.account.user;

import java.util.List;
import java.util.Optional;

import vn.lantoa.organization.Unit;

/** What the account module asks of the unit tree (answered by the organization module's {@code Units}). */
public interface UnitDirectory {

    Optional<Unit> find(long id);

    /** Units with this short name, open or closed (exact, or else equal without accents and case). */
    List<Unit> findByShortName(String shortName);

    /** The unit and every unit below it, open or closed, in path order. */
    List<Unit> subtree(long unitId);

    /** Every unit of every tree, in path order. */
    List<Unit> all();
}
