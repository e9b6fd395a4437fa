package vn.lantoa.organization;

import java.util.concurrent.ThreadLocalRandom;

/** A person acting on the tree in tests, as the account module's principal will. */
public record TestActor(long unitId, UnitAuthority unitAuthority) implements UnitActor {

    public static TestActor admin() {
        return new TestActor(0, UnitAuthority.ALL);
    }

    public static TestActor unitAdmin(Unit unit) {
        return new TestActor(unit.id(), UnitAuthority.SUBTREE);
    }

    public static TestActor reader(Unit unit) {
        return new TestActor(unit.id(), UnitAuthority.NONE);
    }

    /**
     * A word of ten random letters, to give the units of one test names no other test (nor the demo) uses: the
     * database is shared.
     */
    public static String token() {
        StringBuilder token = new StringBuilder("zq");
        for (int i = 0; i < 8; i++) {
            token.append((char) ('a' + ThreadLocalRandom.current().nextInt(26)));
        }
        return token.toString();
    }
}
