package vn.lantoa.authorization;

/** What a cell of the matrix expects (RELIABILITY.md §(a), "Outcomes"). */
enum Outcome {
    /** 2xx (a page: 2xx or a redirect that reports no error) and the effect is in the database. */
    OK(200),
    /** A list answers 200 without the target (the target is outside the actor's scope). */
    FILTERED(200),
    /** Visible, but the action is not the actor's to take. */
    FORBIDDEN(403),
    /** Invisible: exactly as if the target did not exist. */
    NOT_FOUND(404),
    /** A state conflict (a closed unit, a unit with open children). */
    CONFLICT(409);

    final int status;

    Outcome(int status) {
        this.status = status;
    }

    static Outcome parse(String text) {
        return switch (text) {
            case "OK" -> OK;
            case "FILTERED" -> FILTERED;
            case "403" -> FORBIDDEN;
            case "404" -> NOT_FOUND;
            case "409" -> CONFLICT;
            default -> throw new IllegalArgumentException("unknown outcome " + text);
        };
    }

    String label() {
        return this == OK || this == FILTERED ? name() : String.valueOf(status);
    }

    boolean refusal() {
        return status >= 400;
    }
}
