package vn.lantoa.audit.internal;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import vn.lantoa.shared.MultiRowInsert;

/** The {@code audit_entry} table. Insert only: the trail is never updated. */
@Repository
public class AuditEntries {

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    AuditEntries(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** Rows per multi-row insert: a group commit's entries go in one statement, a bulk entry's in a few. */
    private static final int ROWS_PER_STATEMENT = 64;

    /**
     * Inserts the rows in their order, up to {@value #ROWS_PER_STATEMENT} in one multi-row statement: the database
     * runs one statement for a group of recordings, not one per entry.
     */
    public void insertAll(List<NewEntry> entries) {
        for (MultiRowInsert.Statement statement : MultiRowInsert.of("insert into audit_entry (occurred_at, user_id, "
                + "username, unit_id, action, object_type, object_id, outcome, source_ip, request_id, details) values",
                "(?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", "", entries, ROWS_PER_STATEMENT, e -> new Object[] {
                    OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC), e.userId(), e.username(), e.unitId(),
                    e.action(), e.objectType(), e.objectId(), e.outcome(), e.sourceIp(), e.requestId(), e.details()})) {
            template.update(statement.sql(), statement.args());
        }
    }

    /** A row to insert. */
    public record NewEntry(Instant occurredAt, Long userId, String username, Long unitId, String action,
            String objectType, String objectId, String outcome, String sourceIp, String requestId, String details) {
    }

    public void insert(NewEntry e) {
        jdbc.sql("""
                insert into audit_entry (occurred_at, user_id, username, unit_id, action, object_type, object_id,
                                         outcome, source_ip, request_id, details)
                values (:at, :userId, :username, :unitId, :action, :objectType, :objectId,
                        :outcome, :sourceIp, :requestId, :details)
                """)
                .param("at", OffsetDateTime.ofInstant(e.occurredAt(), ZoneOffset.UTC))
                .param("userId", e.userId())
                .param("username", e.username())
                .param("unitId", e.unitId())
                .param("action", e.action())
                .param("objectType", e.objectType())
                .param("objectId", e.objectId())
                .param("outcome", e.outcome())
                .param("sourceIp", e.sourceIp())
                .param("requestId", e.requestId())
                .param("details", e.details())
                .update();
    }
}
