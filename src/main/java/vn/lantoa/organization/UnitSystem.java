package vn.lantoa.organization;

/** Hệ thống: which legal document format a unit's documents follow, and which line of authority it sits in. */
public enum UnitSystem {
    /** Đảng: documents in the form of Hướng dẫn 36-HD/VPTW. */
    PARTY,
    /** Nhà nước: documents in the form of Nghị định 30/2020/NĐ-CP. */
    STATE,
    /** Mặt trận và đoàn thể. */
    FRONT,
    OTHER
}
