package vn.lantoa.planformat;

/** What a task asks for. */
public enum TaskKind {
    /** Issue its own plan ("xây dựng kế hoạch"). */
    PLAN,
    /** Send a report. */
    REPORT,
    /** Carry something out. */
    ACTIVITY,
    /** Work with another unit that leads ("phối hợp"). */
    COORDINATE,
    OTHER;

    public String json() {
        return Enums.json(this);
    }

    public static TaskKind fromJson(String value) {
        return Enums.fromJson(TaskKind.class, value);
    }
}
