package vn.lantoa.notification;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionalEventListener;

import vn.lantoa.event.EventRescheduled;
import vn.lantoa.schedule.AffectedPlan;
import vn.lantoa.schedule.Schedule;

/**
 * Đổi ngày sự kiện: when an event's dates are set or changed, every unit whose plans' phases or tasks depend on it
 * (the units the affected issued plans assign, and their issuers) is told, in the app and by e-mail as each user
 * chose, once per unit and move: the notice's key holds the move (old and new dates), so a redelivered event adds
 * nothing, and a later move is a new notice. After commit, in its own transaction: a failure here never undoes the
 * change of the event, and the dues it moved are already committed when the notice is read.
 */
@Service
public class EventNotices {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EventNotices.class);

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Schedule schedule;
    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final Clock clock;

    EventNotices(Schedule schedule, JdbcClient jdbc, JdbcTemplate template, Clock clock) {
        this.schedule = schedule;
        this.jdbc = jdbc;
        this.template = template;
        this.clock = clock;
    }

    @TransactionalEventListener(fallbackExecution = true)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void on(EventRescheduled event) {
        try {
            notify(event);
        } catch (RuntimeException e) {
            // the event's change is committed: a failed notice must not turn the officer's save into an error
            LOG.warn("event {} moved: notifying the units concerned failed: {}", event.eventId(), e.toString());
        }
    }

    /** Tells the units concerned; returns how many notices were made (0 for a redelivered move). */
    @Transactional
    public int notify(EventRescheduled event) {
        List<AffectedPlan> affected = schedule.tiedTo(event.eventId());
        if (affected.isEmpty()) {
            return 0;
        }
        Map<Long, List<Long>> plansOfUnit = new LinkedHashMap<>();
        for (AffectedPlan plan : affected) {
            Set<Long> units = new LinkedHashSet<>(plan.assignedUnits());
            units.add(plan.issuerUnitId());
            units.forEach(u -> plansOfUnit.computeIfAbsent(u, k -> new ArrayList<>()).add(plan.planId()));
        }
        Map<Long, String> symbols = new LinkedHashMap<>();
        List<Long> ids = affected.stream().map(AffectedPlan::planId).distinct().toList();
        for (int from = 0; from < ids.size(); from += 1_000) {
            jdbc.sql("select plan_id, symbol from cascade_plan where plan_id in (:ids)")
                    .param("ids", ids.subList(from, Math.min(ids.size(), from + 1_000)))
                    .query(rs -> {
                        symbols.put(rs.getLong(1), rs.getString(2));
                    });
        }
        String move = "M" + key(event.oldStart()) + key(event.oldEnd()) + ">" + key(event.newStart())
                + key(event.newEnd());
        OffsetDateTime now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        List<Object[]> rows = new ArrayList<>();
        for (var e : plansOfUnit.entrySet()) {
            List<String> names = e.getValue().stream().map(id -> symbols.getOrDefault(id, "#" + id))
                    .map(s -> s == null ? "" : s).distinct().limit(10).toList();
            String detail = text(event, names);
            rows.add(new Object[] {e.getKey(), event.eventId(), e.getKey(),
                    event.newStart() == null ? null : java.sql.Date.valueOf(event.newStart()), now, move, detail});
        }
        int[][] counts = template.batchUpdate("""
                insert into notification (unit_id, item_type, item_id, stage, kind, subject_unit, due_on, created_at,
                                          occasion, detail)
                values (?, 'EVENT', ?, 'M', 'RESCHEDULED', ?, ?, ?, ?, ?) on conflict do nothing""", rows, 500,
                (ps, r) -> {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setLong(3, (Long) r[2]);
                    ps.setObject(4, r[3], java.sql.Types.DATE);
                    ps.setObject(5, r[4]);
                    ps.setString(6, (String) r[5]);
                    ps.setString(7, (String) r[6]);
                });
        int made = 0;
        for (int[] batch : counts) {
            for (int n : batch) {
                made += Math.max(0, n);
            }
        }
        return made;
    }

    /** "Sự kiện «Đại hội …» đổi ngày: 20/09/2025 – 22/09/2025 → 01/10/2025 – 03/10/2025. Kế hoạch: 354-KH/TU." */
    static String text(EventRescheduled event, List<String> plans) {
        String text = "Sự kiện «" + event.name() + "» đổi ngày: " + dates(event.oldStart(), event.oldEnd()) + " → "
                + dates(event.newStart(), event.newEnd()) + ". Các hạn, giai đoạn theo sự kiện đã được cập nhật. "
                + "Kế hoạch: " + String.join(", ", plans) + ".";
        return text.length() <= 4000 ? text : text.substring(0, 3999) + "…";
    }

    private static String dates(LocalDate start, LocalDate end) {
        if (start == null && end == null) {
            return "chưa xác định";
        }
        if (end == null || end.equals(start)) {
            return start == null ? DAY.format(end) : DAY.format(start);
        }
        return (start == null ? "?" : DAY.format(start)) + " – " + DAY.format(end);
    }

    private static String key(LocalDate date) {
        return date == null ? "-" : date.toString().replace("-", "");
    }
}
