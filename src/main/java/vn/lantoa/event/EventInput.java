package vn.lantoa.event;

import java.time.LocalDate;

/**
 * What a person sends to record or change an event. Level and ordinal may be left out: they are read from the name.
 *
 * @param ownerUnitId the owning unit on creation (default: the user's unit; null with {@code national} for a national
 *                    event); a change cannot move an event to another unit
 * @param version     on a change, the version it replaces
 */
public record EventInput(String name, EventKind kind, Long ownerUnitId, Boolean national, CongressLevel level,
        Integer ordinal, LocalDate start, LocalDate end, LocalDate baseDate, Long version) {
}
