package vn.lantoa.event;

import java.time.LocalDate;

/**
 * What a plan's event name stands for when its times are resolved: the matched event record (if any) and the dates in
 * force now — the record's, or, for an event not (yet) recorded, the dates written in the plan itself.
 *
 * @param name    the event's name as the plan writes it
 * @param eventId the matched event record, or null when none matches
 * @param start   the first day (khai mạc), or null while unknown
 * @param end     the last day (bế mạc), or null while unknown
 * @param caption for an anniversary, "95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)"
 */
public record EventDates(String name, Long eventId, LocalDate start, LocalDate end, String caption) {

    /** The day of an edge, or null while unknown. */
    LocalDate edge(vn.lantoa.planformat.TimeRef.Edge edge) {
        return edge == vn.lantoa.planformat.TimeRef.Edge.START ? start : end;
    }
}
