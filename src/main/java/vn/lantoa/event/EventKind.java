package vn.lantoa.event;

/** What kind of event: a congress (đại hội) at a level, an anniversary (ngày kỷ niệm), or something else. */
public enum EventKind {
    /** Đại hội: has an opening (khai mạc) and a closing (bế mạc), a level and usually an ordinal (lần thứ XIV). */
    CONGRESS,
    /** Ngày kỷ niệm: one day a year, counted from its base date (03/02/1930). */
    ANNIVERSARY,
    /** Any other event a plan's times are tied to. */
    OTHER
}
