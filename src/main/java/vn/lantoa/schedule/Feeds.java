package vn.lantoa.schedule;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The iCalendar feeds (table schedule_feed): only the hash of each secret is kept. */
@Repository
class Feeds {

    /** A live feed. */
    record Feed(long id, long userId, long unitId, boolean subtree, Instant createdAt) {
    }

    private final JdbcClient jdbc;

    Feeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long userId, long unitId, boolean subtree, String tokenHash, Instant now) {
        var keys = new org.springframework.jdbc.support.GeneratedKeyHolder();
        jdbc.sql("insert into schedule_feed (user_id, unit_id, subtree, token_hash, created_at) values "
                + "(:user, :unit, :subtree, :hash, :at)").param("user", userId).param("unit", unitId)
                .param("subtree", subtree).param("hash", tokenHash).param("at", at(now)).update(keys, "id");
        return keys.getKeyAs(Number.class).longValue();
    }

    /** Revokes the user's live feeds; how many were live. */
    int revokeOf(long userId, Instant now) {
        return jdbc.sql("update schedule_feed set revoked_at = :at where user_id = :user and revoked_at is null")
                .param("at", at(now)).param("user", userId).update();
    }

    Optional<Feed> liveOf(long userId) {
        return jdbc.sql("select id, user_id, unit_id, subtree, created_at from schedule_feed where user_id = :user "
                + "and revoked_at is null order by id desc").param("user", userId).query(Feeds::map).optional();
    }

    Optional<Feed> liveByHash(String tokenHash) {
        return jdbc.sql("select id, user_id, unit_id, subtree, created_at from schedule_feed where token_hash = :hash "
                + "and revoked_at is null").param("hash", tokenHash).query(Feeds::map).optional();
    }

    private static Feed map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Feed(rs.getLong("id"), rs.getLong("user_id"), rs.getLong("unit_id"), rs.getBoolean("subtree"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static OffsetDateTime at(Instant now) {
        return OffsetDateTime.ofInstant(now, ZoneOffset.UTC);
    }
}
