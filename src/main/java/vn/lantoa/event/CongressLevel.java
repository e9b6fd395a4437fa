package vn.lantoa.event;

/**
 * Cấp đại hội: the level of the body whose congress it is, as the words of its name say it ("toàn quốc", "tỉnh",
 * "thành phố", "phường", "cơ sở", "Đảng bộ Khối").
 */
public enum CongressLevel {
    /** Toàn quốc. */
    NATIONAL,
    /** Tỉnh, thành phố trực thuộc trung ương. */
    PROVINCE,
    /** Huyện, quận, thị xã, thành phố thuộc tỉnh. */
    CITY,
    /** Xã, phường, thị trấn, đặc khu. */
    COMMUNE,
    /** Cơ sở, chi bộ. */
    GRASSROOTS,
    /** Đảng bộ Khối (cơ quan, doanh nghiệp). */
    BLOCK
}
