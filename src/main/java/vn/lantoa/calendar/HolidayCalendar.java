package vn.lantoa.calendar;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.shared.Problem;

/**
 * Lịch nghỉ lễ: the public holidays the administrator keeps, as {@link Holidays} for the deadline arithmetic. Read
 * often and changed a few times a year, so it is held in memory: reloaded after a change made here, and at least
 * every minute so that a change made through another application instance is seen too.
 */
@Service
public class HolidayCalendar implements Holidays {

    /** Ngày nghỉ lễ. */
    public record Holiday(LocalDate day, String name) {
    }

    private final JdbcClient jdbc;
    private static final long RELOAD_AFTER_NANOS = 60_000_000_000L;

    private volatile Map<LocalDate, String> byDay;
    private volatile long loadedAt;

    HolidayCalendar(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<String> holidayOn(LocalDate date) {
        return Optional.ofNullable(days().get(date));
    }

    /** The holidays of a year, in order. */
    public List<Holiday> inYear(int year) {
        return jdbc.sql("select holiday_date, name from holiday where holiday_date >= :from and holiday_date < :to order by holiday_date")
                .param("from", LocalDate.of(year, 1, 1)).param("to", LocalDate.of(year + 1, 1, 1))
                .query((rs, n) -> new Holiday(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"))).list();
    }

    /** Adds a holiday, or renames the one on that day. */
    @Transactional
    public Holiday put(LocalDate day, String name) {
        String clean = name == null ? "" : vn.lantoa.shared.VietnameseText.nfc(name.strip());
        if (clean.isEmpty() || clean.length() > 200) {
            throw Problem.badRequest("HOLIDAY_NAME", "Tên ngày nghỉ không được để trống và không quá 200 ký tự.");
        }
        int updated = jdbc.sql("update holiday set name = :name where holiday_date = :day").param("name", clean)
                .param("day", day).update();
        if (updated == 0) {
            jdbc.sql("insert into holiday (holiday_date, name) values (:day, :name)").param("day", day).param("name", clean)
                    .update();
        }
        byDay = null;
        return new Holiday(day, clean);
    }

    /** Removes the holiday on a day (a day that turned out to be a working day). */
    @Transactional
    public void remove(LocalDate day) {
        if (jdbc.sql("delete from holiday where holiday_date = :day").param("day", day).update() == 0) {
            throw Problem.notFound("HOLIDAY_NOT_FOUND", "Ngày {0} không có trong lịch nghỉ lễ.", day);
        }
        byDay = null;
    }

    private Map<LocalDate, String> days() {
        Map<LocalDate, String> days = byDay;
        if (days == null || System.nanoTime() - loadedAt > RELOAD_AFTER_NANOS) {
            Map<LocalDate, String> loaded = new ConcurrentHashMap<>();
            jdbc.sql("select holiday_date, name from holiday")
                    .query(rs -> {
                        loaded.put(rs.getObject("holiday_date", LocalDate.class), rs.getString("name"));
                    });
            byDay = days = Map.copyOf(loaded);
            loadedAt = System.nanoTime();
        }
        return days;
    }
}
