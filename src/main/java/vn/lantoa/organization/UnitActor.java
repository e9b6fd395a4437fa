package vn.lantoa.organization;

/**
 * Whoever asks the organization module to read or change the tree. Implemented by the account module's
 * authenticated user, so that this module can check scope without knowing about accounts.
 */
public interface UnitActor {

    /** The unit the person acts for. */
    long unitId();

    /** How far the person may change the tree. */
    UnitAuthority unitAuthority();

    /** What a person may do to units. */
    enum UnitAuthority {
        /** Reads only. */
        NONE,
        /** Creates, renames, moves and closes units inside the own subtree, below the own unit. */
        SUBTREE,
        /** The whole tree (system administrator). */
        ALL
    }
}
