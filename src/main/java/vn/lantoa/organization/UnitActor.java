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

    /**
     * The application itself, acting on the whole tree: loading the demo organization, a command-line bulk load.
     * Never the principal of a web request.
     */
    static UnitActor system() {
        return SystemActor.INSTANCE;
    }

    /** The actor behind {@link UnitActor#system()}. */
    enum SystemActor implements UnitActor {
        INSTANCE;

        @Override
        public long unitId() {
            return 0;
        }

        @Override
        public UnitAuthority unitAuthority() {
            return UnitAuthority.ALL;
        }
    }

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
