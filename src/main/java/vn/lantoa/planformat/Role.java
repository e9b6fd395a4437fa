package vn.lantoa.planformat;

/** How a unit takes part in a plan. */
public enum Role {
    /** The unit is directed: it is under the issuer. */
    LEAD,
    /** "Đề nghị …": the unit is outside the issuer's authority (the Fatherland Front, a superior's body). */
    REQUESTED,
    /** Cơ quan thường trực: the unit that follows the plan for the issuer and consolidates its reports. */
    STANDING;

    public String json() {
        return Enums.json(this);
    }

    public static Role fromJson(String value) {
        return Enums.fromJson(Role.class, value);
    }
}
