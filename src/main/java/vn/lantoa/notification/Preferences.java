package vn.lantoa.notification;

/**
 * What a user chooses to receive (defaults: everything in the app, nothing by e-mail).
 *
 * @param email       where e-mail goes (the account has no address of its own), or null
 * @param byEmail     whether to send e-mail as well
 * @param reminders   reminders before due dates
 * @param overdue     notices of overdue tasks of the own unit
 * @param escalations notices of overdue tasks of the units below
 * @param version     optimistic-locking version (0 before the first save)
 * @param changes     notices that a date the unit's tasks or phases depend on has moved (an event rescheduled); null
 *                    (a client that does not know it yet) means yes
 */
public record Preferences(String email, boolean byEmail, boolean reminders, boolean overdue, boolean escalations,
        long version, Boolean changes) {

    static final Preferences DEFAULT = new Preferences(null, false, true, true, true, 0, true);

    public Preferences {
        changes = changes == null || changes;
    }

    public Preferences(String email, boolean byEmail, boolean reminders, boolean overdue, boolean escalations,
            long version) {
        this(email, byEmail, reminders, overdue, escalations, version, true);
    }

    boolean wants(String kind) {
        return switch (kind) {
            case "REMINDER" -> reminders;
            case "OVERDUE" -> overdue;
            case "RESCHEDULED" -> changes;
            default -> escalations;
        };
    }
}
