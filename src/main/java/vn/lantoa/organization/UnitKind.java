package vn.lantoa.organization;

/** Loại đơn vị. */
public enum UnitKind {
    /** Cấp ủy: Tỉnh ủy, Thành ủy, Đảng ủy phường, Đảng ủy Khối. */
    PARTY_COMMITTEE,
    /** Ban của cấp ủy: Ban Tuyên giáo và Dân vận, Ban Tổ chức, Văn phòng. */
    PARTY_BOARD,
    /** Ủy ban nhân dân. */
    PEOPLES_COMMITTEE,
    /** Cơ quan chuyên môn: Sở, Phòng Văn hóa – Xã hội. */
    SPECIALISED_OFFICE,
    /** Công an. */
    POLICE,
    /** Ủy ban Mặt trận Tổ quốc. */
    FATHERLAND_FRONT,
    /** Đoàn thể: Hội LHPN, Đoàn TNCS, Hội Nông dân, Hội CCB, Công đoàn. */
    MASS_ORGANIZATION,
    /** Trường học. */
    SCHOOL,
    /** Tổ dân phố, thôn, khu dân cư. */
    RESIDENTIAL_GROUP,
    /** Chi bộ. */
    PARTY_CELL,
    OTHER;

    /** The system a unit of this kind usually belongs to, when a form or a file does not say. */
    public UnitSystem defaultSystem() {
        return switch (this) {
            case PARTY_COMMITTEE, PARTY_BOARD, PARTY_CELL -> UnitSystem.PARTY;
            case PEOPLES_COMMITTEE, SPECIALISED_OFFICE, POLICE, SCHOOL, RESIDENTIAL_GROUP -> UnitSystem.STATE;
            case FATHERLAND_FRONT, MASS_ORGANIZATION -> UnitSystem.FRONT;
            case OTHER -> UnitSystem.OTHER;
        };
    }
}
