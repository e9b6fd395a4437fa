package vn.lantoa.planformat;

/** How often a report is due. */
public enum Frequency {
    ONCE, MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY,
    /** Đột xuất. */
    AD_HOC,
    /** "Thường xuyên và định kỳ". */
    REGULAR;

    public String json() {
        return Enums.json(this);
    }

    public static Frequency fromJson(String value) {
        return Enums.fromJson(Frequency.class, value);
    }
}
