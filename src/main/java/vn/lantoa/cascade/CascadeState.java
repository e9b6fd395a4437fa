package vn.lantoa.cascade;

/** Where an assigned unit stands with the plan it was asked to implement. */
public enum CascadeState {
    /** Đã ban hành đúng hạn. */
    ON_TIME("on_time"),
    /** Ban hành muộn: its plan bears a date after the due date. */
    LATE("late"),
    /** Đang dự thảo. */
    DRAFT("draft"),
    /** Chưa xây dựng kế hoạch. */
    MISSING("missing"),
    /** Không được giao xây dựng kế hoạch (only other tasks). */
    NOT_ASKED("not_asked");

    private final String column;

    CascadeState(String column) {
        this.column = column;
    }

    /** The counter column of {@code cascade_count} for this state (a fixed name, never user input). */
    String column() {
        return column;
    }
}
