package vn.lantoa.notification;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.lantoa.account.CurrentUser;
import vn.lantoa.cascade.ZaloText;
import vn.lantoa.shared.Problem;

/**
 * The in-app list: the notifications addressed to the user's unit in the last {@link #DAYS} days, of the kinds the
 * user wants, newest first, with the unread count (per user: every user of a unit reads on their own), and each
 * user's preferences.
 */
@Service
public class Notifications {

    /** Notifications older than this are not listed nor counted. */
    static final int DAYS = 90;

    /** At most this many in a list. */
    public static final int MAX_LIST = 100;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]{1,255}\\.[^@\\s]{2,}$");

    /** The columns {@link #map} reads, and the joins that give them. */
    static final String COLUMNS = """
            select n.id, n.kind, n.stage, n.subject_unit, su.name as unit_name, t.id as task_id,
                   coalesce(pt.text, n.detail) as text, t.plan_id, cp.symbol, n.due_on, pt.due_text, n.created_at,
                   n.unit_id""";

    /** A task's notices join their task; an event's notice (item_type EVENT) carries its text in {@code detail}. */
    static final String FROM = """
            from notification n
            left join task t on n.item_type = 'TASK' and t.id = n.item_id
            left join cascade_plan_task pt on pt.plan_id = t.plan_id and pt.assignment_index = t.assignment_index
                                          and pt.task_index = t.task_index
            left join cascade_plan cp on cp.plan_id = t.plan_id
            join unit su on su.id = n.subject_unit
            """;

    private final JdbcClient jdbc;
    private final Clock clock;
    private final String baseUrl;

    Notifications(JdbcClient jdbc, Clock clock, @Value("${lantoa.notification.base-url:}") String baseUrl) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.baseUrl = baseUrl == null ? "" : baseUrl.replaceAll("/+$", "");
    }

    /** The user's notifications, newest first. */
    @Transactional(readOnly = true)
    public List<Notification> list(CurrentUser user, boolean unreadOnly, String linkBase) {
        Preferences prefs = preferences(user);
        String base = linkBase != null ? linkBase : baseUrl;
        return jdbc.sql(COLUMNS + ", r.read_at " + FROM + """
                left join notification_read r on r.notification_id = n.id and r.user_id = :user
                where n.unit_id = :unit and n.created_at >= :since and n.kind in (:kinds)
                """ + (unreadOnly ? " and r.notification_id is null" : "") + """
                 order by n.created_at desc, n.id desc limit""" + " " + MAX_LIST)
                .param("user", user.id()).param("unit", user.unitId()).param("since", since())
                .param("kinds", kinds(prefs))
                .query((rs, i) -> map(rs, base, isRead(rs))).list();
    }

    /** How many the user has not read. */
    @Transactional(readOnly = true)
    public long unread(CurrentUser user) {
        if (user.isSystemAdministrator()) {
            return 0;
        }
        Preferences prefs = preferences(user);
        return jdbc.sql("""
                select count(*) from notification n
                where n.unit_id = :unit and n.created_at >= :since and n.kind in (:kinds)
                  and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :user)
                """).param("unit", user.unitId()).param("since", since()).param("kinds", kinds(prefs))
                .param("user", user.id()).query(Long.class).single();
    }

    /** Marks one notification of the user's unit read (404 {@code NOTIFICATION_NOT_FOUND} for another's). */
    @Transactional
    public void markRead(CurrentUser user, long id) {
        long mine = jdbc.sql("select count(*) from notification where id = :id and unit_id = :unit").param("id", id)
                .param("unit", user.unitId()).query(Long.class).single();
        if (mine == 0) {
            throw Problem.notFound("NOTIFICATION_NOT_FOUND", "Không tìm thấy thông báo.");
        }
        jdbc.sql("""
                insert into notification_read (notification_id, user_id, read_at) values (:id, :user, :at)
                on conflict do nothing""").param("id", id).param("user", user.id()).param("at", now()).update();
    }

    /** Marks every notification of the user's unit read; returns how many were unread. */
    @Transactional
    public int markAllRead(CurrentUser user) {
        return jdbc.sql("""
                insert into notification_read (notification_id, user_id, read_at)
                select n.id, :user, :at from notification n
                where n.unit_id = :unit and n.created_at >= :since
                  and not exists (select 1 from notification_read r where r.notification_id = n.id and r.user_id = :user)
                """).param("user", user.id()).param("at", now()).param("unit", user.unitId()).param("since", since())
                .update();
    }

    /** The user's preferences (the defaults before the first save). */
    @Transactional(readOnly = true)
    public Preferences preferences(CurrentUser user) {
        return jdbc.sql("select email, by_email, reminders, overdue, escalations, version, changes "
                + "from notification_preference where user_id = :user").param("user", user.id())
                .query((rs, i) -> new Preferences(rs.getString(1), rs.getBoolean(2), rs.getBoolean(3),
                        rs.getBoolean(4), rs.getBoolean(5), rs.getLong(6), rs.getBoolean(7))).optional()
                .orElse(Preferences.DEFAULT);
    }

    /**
     * Saves the user's preferences. 400 {@code NOTIFICATION_EMAIL} for an address that is not one (or e-mail asked
     * without an address); 409 {@code STALE_VERSION} when {@code version} is not the stored one.
     */
    @Transactional
    public Preferences save(CurrentUser user, Preferences wanted) {
        String email = wanted.email() == null || wanted.email().isBlank() ? null
                : wanted.email().strip().toLowerCase(Locale.ROOT);
        if (email != null && (email.length() > 320 || !EMAIL.matcher(email).matches())
                || email == null && wanted.byEmail()) {
            throw Problem.badRequest("NOTIFICATION_EMAIL", "Địa chỉ thư điện tử không hợp lệ.");
        }
        Preferences stored = preferences(user);
        if (wanted.version() != stored.version()) {
            throw Problem.conflict("STALE_VERSION", "Dữ liệu đã được người khác thay đổi. Hãy tải lại trang.");
        }
        int updated = stored.version() == 0 && !exists(user) ? jdbc.sql("""
                insert into notification_preference (user_id, email, by_email, reminders, overdue, escalations, changes,
                                                     version)
                values (:user, :email, :byEmail, :reminders, :overdue, :escalations, :changes, 1)
                on conflict do nothing""").param("changes", wanted.changes())
                .param("user", user.id()).param("email", email).param("byEmail", wanted.byEmail())
                .param("reminders", wanted.reminders()).param("overdue", wanted.overdue())
                .param("escalations", wanted.escalations()).update()
                : jdbc.sql("""
                        update notification_preference set email = :email, by_email = :byEmail,
                               reminders = :reminders, overdue = :overdue, escalations = :escalations,
                               changes = :changes, version = version + 1
                        where user_id = :user and version = :version""").param("user", user.id())
                        .param("email", email).param("byEmail", wanted.byEmail())
                        .param("reminders", wanted.reminders()).param("overdue", wanted.overdue())
                        .param("escalations", wanted.escalations()).param("changes", wanted.changes())
                        .param("version", wanted.version()).update();
        if (updated == 0) {
            throw Problem.conflict("STALE_VERSION", "Dữ liệu đã được người khác thay đổi. Hãy tải lại trang.");
        }
        return preferences(user);
    }

    private boolean exists(CurrentUser user) {
        return jdbc.sql("select count(*) from notification_preference where user_id = :user").param("user", user.id())
                .query(Long.class).single() > 0;
    }

    static List<String> kinds(Preferences prefs) {
        List<String> kinds = new java.util.ArrayList<>();
        if (prefs.reminders()) {
            kinds.add("REMINDER");
        }
        if (prefs.overdue()) {
            kinds.add("OVERDUE");
        }
        if (prefs.escalations()) {
            kinds.add("ESCALATION");
        }
        if (prefs.changes()) {
            kinds.add("RESCHEDULED");
        }
        if (kinds.isEmpty()) {
            kinds.add("NONE"); // an IN list may not be empty
        }
        return kinds;
    }

    private static boolean isRead(ResultSet rs) throws SQLException {
        return rs.getObject("read_at") != null;
    }

    static Notification map(ResultSet rs, String base, boolean read) throws SQLException {
        LocalDate due = rs.getObject("due_on", LocalDate.class);
        String link = base + "/tasks?unit=" + rs.getLong("subject_unit");
        OffsetDateTime created = rs.getObject("created_at", OffsetDateTime.class);
        if (rs.getString("kind").equals("RESCHEDULED")) {
            String text = rs.getString("text");
            return new Notification(rs.getLong("id"), "RESCHEDULED", rs.getString("stage"), rs.getLong("subject_unit"),
                    rs.getString("unit_name"), 0, text, 0, null, due, created.toInstant(), read,
                    "[" + rs.getString("unit_name") + "] " + text + "\n" + link);
        }
        return new Notification(rs.getLong("id"), rs.getString("kind"), rs.getString("stage"),
                rs.getLong("subject_unit"), rs.getString("unit_name"), rs.getLong("task_id"), rs.getString("text"),
                rs.getLong("plan_id"), rs.getString("symbol"), due, created.toInstant(), read,
                ZaloText.task(rs.getString("unit_name"), rs.getString("symbol"), rs.getString("text"), due,
                        rs.getString("due_text"), link));
    }

    private OffsetDateTime since() {
        return OffsetDateTime.ofInstant(clock.instant().minus(DAYS, ChronoUnit.DAYS), ZoneOffset.UTC);
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
