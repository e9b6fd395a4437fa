package vn.lantoa.event.web;

import java.time.Instant;
import java.time.LocalDate;

import vn.lantoa.calendar.Anniversary;
import vn.lantoa.event.CongressLevel;
import vn.lantoa.event.EventKind;
import vn.lantoa.event.EventRecord;

/**
 * An event as the API answers it; an anniversary also with its day, count of years and caption in the year asked for
 * ("95 năm Ngày thành lập Đảng Cộng sản Việt Nam (03/02/1930 – 03/02/2025)").
 */
record EventView(long id, String name, EventKind kind, Long ownerUnitId, CongressLevel level, Integer ordinal,
        LocalDate start, LocalDate end, LocalDate baseDate, Occurrence anniversary, long version, Instant updatedAt) {

    /** An anniversary in one year. */
    record Occurrence(int year, LocalDate date, int years, boolean round, String caption) {
    }

    static EventView of(EventRecord e, int year) {
        Anniversary a = e.anniversary();
        Occurrence o = a == null || a.yearsIn(year) <= 0 ? null
                : new Occurrence(year, a.in(year), a.yearsIn(year), a.isRoundIn(year), a.caption(year));
        return new EventView(e.id(), e.name(), e.kind(), e.ownerUnitId(), e.level(), e.ordinal(), e.start(), e.end(),
                e.baseDate(), o, e.version(), e.updatedAt());
    }
}
