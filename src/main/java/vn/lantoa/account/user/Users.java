package vn.lantoa.account.user;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

import vn.lantoa.account.Role;

/** The {@code app_user} table. Plain SQL; every update of a user's profile checks the version it replaces. */
@Repository
public class Users {

    static final String COLUMNS = """
            id, username, display_name, unit_id, role, password_hash, password_change_required, enabled,
            failed_logins, lock_count, locked_until, session_epoch, last_login_at, password_changed_at, created_at,
            version""";

    private final JdbcClient jdbc;

    Users(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserRecord> findById(long id) {
        return jdbc.sql("select " + COLUMNS + " from app_user where id = :id").param("id", id)
                .query(Users::map).optional();
    }

    public Optional<UserRecord> findByUsername(String username) {
        return jdbc.sql("select " + COLUMNS + " from app_user where username = :username")
                .param("username", username).query(Users::map).optional();
    }

    /** The users of the given units, by user name. */
    public List<UserRecord> findByUnits(Collection<Long> unitIds) {
        if (unitIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from app_user where unit_id in (:units) order by username")
                .param("units", unitIds).query(Users::map).list();
    }

    public List<UserRecord> findAll() {
        return jdbc.sql("select " + COLUMNS + " from app_user order by username").query(Users::map).list();
    }

    public long count() {
        return jdbc.sql("select count(*) from app_user").query(Long.class).single();
    }

    public boolean existsByUsername(String username) {
        return jdbc.sql("select count(*) from app_user where username = :username").param("username", username)
                .query(Long.class).single() > 0;
    }

    /** Inserts a user; returns the new id. */
    public long insert(String username, String displayName, long unitId, Role role, String passwordHash,
            boolean passwordChangeRequired, Instant now) {
        KeyHolder keys = new GeneratedKeyHolder();
        jdbc.sql("""
                insert into app_user (username, display_name, unit_id, role, password_hash, password_change_required,
                                      enabled, password_changed_at, created_at, updated_at)
                values (:username, :displayName, :unitId, :role, :hash, :mustChange, true, :now, :now, :now)
                """)
                .param("username", username).param("displayName", displayName).param("unitId", unitId)
                .param("role", role.name()).param("hash", passwordHash).param("mustChange", passwordChangeRequired)
                .param("now", utc(now))
                .update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Changes name, unit and role if the row still has {@code version}; false when it does not (stale). */
    public boolean updateProfile(long id, long version, String displayName, long unitId, Role role, Instant now) {
        return jdbc.sql("""
                update app_user set display_name = :displayName, unit_id = :unitId, role = :role,
                       updated_at = :now, version = version + 1
                where id = :id and version = :version
                """)
                .param("displayName", displayName).param("unitId", unitId).param("role", role.name())
                .param("now", utc(now)).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Sets a new password hash; {@code mustChange} marks a one-time password. Clears the lock. */
    public void updatePassword(long id, String passwordHash, boolean mustChange, Instant now) {
        jdbc.sql("""
                update app_user set password_hash = :hash, password_change_required = :mustChange,
                       password_changed_at = :now, failed_logins = 0, locked_until = null,
                       updated_at = :now, version = version + 1
                where id = :id
                """)
                .param("hash", passwordHash).param("mustChange", mustChange).param("now", utc(now)).param("id", id)
                .update();
    }

    /** Enables or disables; disabling also ends every session (raises the epoch). */
    public boolean updateEnabled(long id, long version, boolean enabled, Instant now) {
        return jdbc.sql("""
                update app_user set enabled = :enabled,
                       session_epoch = session_epoch + :bump,
                       updated_at = :now, version = version + 1
                where id = :id and version = :version
                """)
                .param("enabled", enabled).param("bump", enabled ? 0 : 1).param("now", utc(now)).param("id", id).param("version", version)
                .update() == 1;
    }

    /** Ends every session of the user: sessions carry the epoch they were opened in. */
    public void endSessions(long id) {
        jdbc.sql("update app_user set session_epoch = session_epoch + 1 where id = :id").param("id", id).update();
    }

    /** Records a successful login: counters cleared, lock lifted. */
    public void recordLogin(long id, Instant now) {
        jdbc.sql("""
                update app_user set failed_logins = 0, lock_count = 0, locked_until = null, last_login_at = :now
                where id = :id
                """).param("now", utc(now)).param("id", id).update();
    }

    /** Counts one more failed login, atomically; returns the new count. */
    public int countFailure(long id) {
        jdbc.sql("update app_user set failed_logins = failed_logins + 1 where id = :id").param("id", id).update();
        return jdbc.sql("select failed_logins from app_user where id = :id").param("id", id).query(Integer.class)
                .single();
    }

    /**
     * Locks the account until the given instant if it has at least {@code failures} failed logins counted (only one
     * of several concurrent failing attempts locks it); the count restarts and the lock count grows.
     */
    public boolean lock(long id, int failures, Instant until) {
        return jdbc.sql("""
                update app_user set failed_logins = 0, lock_count = lock_count + 1, locked_until = :until
                where id = :id and failed_logins >= :failures
                """).param("until", utc(until)).param("id", id).param("failures", failures).update() == 1;
    }

    /** Lifts a temporary lock at once (an administrator's unlock). */
    public void unlock(long id) {
        jdbc.sql("update app_user set failed_logins = 0, locked_until = null where id = :id").param("id", id).update();
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static UserRecord map(ResultSet rs, int row) throws SQLException {
        return new UserRecord(rs.getLong("id"), rs.getString("username"), rs.getString("display_name"),
                rs.getLong("unit_id"), Role.valueOf(rs.getString("role")), rs.getString("password_hash"),
                rs.getBoolean("password_change_required"), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                rs.getInt("lock_count"), instant(rs, "locked_until"), rs.getInt("session_epoch"),
                instant(rs, "last_login_at"), instant(rs, "password_changed_at"), instant(rs, "created_at"),
                rs.getLong("version"));
    }
}
