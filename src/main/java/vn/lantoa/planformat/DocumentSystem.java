package vn.lantoa.planformat;

/**
 * Which rules of form a document follows: the Party's (Hướng dẫn 36-HD/VPTW: symbol {@code 354-KH/TU}) or the
 * State's (Nghị định 30/2020/NĐ-CP: symbol {@code 15/KH-UBND}).
 */
public enum DocumentSystem {
    PARTY, STATE;

    /** The value in JSON: {@code party}, {@code state}. */
    public String json() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** The constant for a JSON value, or null when it is none of them. */
    public static DocumentSystem fromJson(String value) {
        return Enums.fromJson(DocumentSystem.class, value);
    }
}
