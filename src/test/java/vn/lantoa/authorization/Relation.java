package vn.lantoa.authorization;

/**
 * Where the target of an action stands relative to the actor's unit U (RELIABILITY.md §(a), "Relations"), on the
 * fixture tree:
 *
 * <pre>
 * P0 province                     ANCESTOR
 * └─ C0 city                      PARENT
 *    ├─ U   (the actors' unit)    SELF
 *    │   ├─ W1                    CHILD
 *    │   │   └─ G1                GRANDCHILD
 *    │   ├─ W2                    (a second child: where moves and merges go)
 *    │   └─ W9 (closed)           CLOSED
 *    └─ S                         SIBLING
 *        └─ S1                    COUSIN
 * P9 another province             OTHER
 * </pre>
 *
 * {@link #ME} is the actor's own account (for actions on users), {@link #NONE} an action without a target ("-" in
 * the policy file).
 */
enum Relation {
    SELF, CHILD, GRANDCHILD, PARENT, ANCESTOR, SIBLING, COUSIN, OTHER, CLOSED, ME, NONE;

    /** The relations of a unit of the fixture tree, in the order of the policy file. */
    static final Relation[] UNITS = {SELF, CHILD, GRANDCHILD, PARENT, ANCESTOR, SIBLING, COUSIN, OTHER, CLOSED};

    static Relation parse(String text) {
        return "-".equals(text) ? NONE : valueOf(text);
    }

    String label() {
        return this == NONE ? "-" : name();
    }

    /**
     * Whether a new unit can stand in this relation without changing the tree around U: a new leaf beside the
     * fixture's unit. SELF, PARENT and ANCESTOR are U and the units above it; only a fresh copy of the whole chain
     * can stand in for them.
     */
    boolean hasFreshUnit() {
        return this != SELF && this != PARENT && this != ANCESTOR && this != ME && this != NONE;
    }
}
