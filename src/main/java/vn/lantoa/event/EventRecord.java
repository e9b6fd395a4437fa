package vn.lantoa.event;

import java.time.Instant;
import java.time.LocalDate;

import vn.lantoa.calendar.Anniversary;

/**
 * Sự kiện: an event that plans' times are tied to, as the system keeps it. Its dates may be unknown (null) when it is
 * first recorded; setting them moves every time tied to it (they are computed when read, never stored).
 *
 * @param id          stable identifier
 * @param ownerUnitId the unit whose event it is (its subtree sees it, its officers edit it); null for a national one
 *                    (the usual anniversaries), which only the system administrator edits
 * @param name        the full name ("Đại hội đại biểu Đảng bộ thành phố lần thứ XIV, nhiệm kỳ 2025 – 2030")
 * @param kind        congress, anniversary or other
 * @param level       a congress's level, when known
 * @param ordinal     a congress's ordinal (lần thứ XIV → 14), when known
 * @param start       the first day (khai mạc), or null while unknown
 * @param end         the last day (bế mạc), or null while unknown
 * @param baseDate    an anniversary's base date (03/02/1930), null for other kinds
 * @param version     optimistic-locking version: a change must carry it
 */
public record EventRecord(long id, Long ownerUnitId, String name, EventKind kind, CongressLevel level, Integer ordinal,
        LocalDate start, LocalDate end, LocalDate baseDate, long version, Instant updatedAt) {

    /** An anniversary as the calendar module computes it; null for other kinds. */
    public Anniversary anniversary() {
        return kind == EventKind.ANNIVERSARY && baseDate != null ? new Anniversary(name, baseDate) : null;
    }

    /** Whether its dates are both known. */
    public boolean scheduled() {
        return start != null && end != null;
    }
}
