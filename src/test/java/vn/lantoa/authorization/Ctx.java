package vn.lantoa.authorization;

import java.util.HashMap;
import java.util.Map;

import vn.lantoa.organization.Unit;

/** What one probe of one cell acts on: the actor, the target unit or user, fresh names, values read before. */
final class Ctx {

    final AuthorizationFixture fixture;
    final World world;
    final Account actor;
    final Relation relation;
    /** The target unit; for a creation, the unit the new unit or user goes into. */
    Unit unit;
    /** Where a move or merge goes. */
    Unit destination;
    /** The target user. */
    Account user;
    /** The target plan. */
    long plan;
    /** The target activity and its evidence (a photo). */
    long activity;
    long evidence;
    /** The target report. */
    long report;
    /** The target API token. */
    long token;
    /** The target event. */
    long event;
    /** The target task. */
    long task;
    /** The name (unit) or user name of what a creation creates. */
    String fresh;
    /** Values of the target read before the call, for the effect check. */
    final Map<String, Object> before = new HashMap<>();

    Ctx(AuthorizationFixture fixture, World world, Account actor, Relation relation) {
        this.fixture = fixture;
        this.world = world;
        this.actor = actor;
        this.relation = relation;
    }

    long unitId() {
        return unit.id();
    }

    long userId() {
        return user.id();
    }

    Object before(String key) {
        return before.get(key);
    }
}
