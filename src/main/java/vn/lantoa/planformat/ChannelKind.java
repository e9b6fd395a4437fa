package vn.lantoa.planformat;

/** The kinds of channel (hình thức tuyên truyền) of the spec; JSON values in snake case ({@code mass_media}). */
public enum ChannelKind {
    /** Báo chí, phát thanh, truyền hình, cổng/trang thông tin điện tử, hệ thống thông tin cơ sở. */
    MASS_MEDIA,
    /** Mạng xã hội. */
    SOCIAL_MEDIA,
    /** Tuyên truyền miệng: báo cáo viên, hội nghị, sinh hoạt. */
    ORAL,
    /** Cổ động trực quan: panô, áp phích, băng rôn, LED, cờ. */
    VISUAL,
    /** Văn hóa, văn nghệ, thể dục, thể thao. */
    CULTURE_SPORTS,
    /** Triển lãm, trưng bày. */
    EXHIBITION,
    /** Cuộc thi tìm hiểu. */
    CONTEST,
    /** Phong trào thi đua, khen thưởng. */
    EMULATION,
    /** Công trình, phần việc chào mừng. */
    COMMEMORATIVE_WORK,
    /** Văn học, nghệ thuật. */
    LITERATURE_ART,
    OTHER;

    public String json() {
        return Enums.json(this);
    }

    public static ChannelKind fromJson(String value) {
        return Enums.fromJson(ChannelKind.class, value);
    }
}
