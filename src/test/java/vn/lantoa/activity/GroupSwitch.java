package vn.lantoa.activity;

/** For the recording benchmark only: each recording in a transaction of its own (the group commit's baseline). */
public final class GroupSwitch {

    private GroupSwitch() {
    }

    public static void grouped(ActivityManagement activities, boolean on) {
        activities.grouped = on;
    }
}
