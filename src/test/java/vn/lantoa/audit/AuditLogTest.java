package vn.lantoa.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * AU-01: an entry has its time in UTC, the actor, the unit, action, object and outcome. AU-03: control characters in
 * user input do not forge lines. A refusal survives the rollback of the transaction that refused; a success does not
 * outlive its rolled-back change.
 */
@SpringBootTest
class AuditLogTest {

    @Autowired
    AuditLog audit;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    PlatformTransactionManager transactions;

    private Map<String, Object> entry(String action) {
        return jdbc.sql("select * from audit_entry where action = :a").param("a", action).query().singleRow();
    }

    private static String action() {
        return "TEST_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    }

    @Test
    void au01AnEntryHasEverythingAndItsTimeInUtc() {
        String action = action();
        Instant before = Instant.now().minusSeconds(1);
        audit.record(AuditEvent.of(action, AuditOutcome.OK).object("plan", 42).details("version 3 -> 4")
                .actor(AuditActor.of(7L, 9L, "can.bo")));
        Map<String, Object> row = entry(action);
        assertThat(row).containsEntry("user_id", 7L).containsEntry("unit_id", 9L).containsEntry("username", "can.bo")
                .containsEntry("object_type", "plan").containsEntry("object_id", "42").containsEntry("outcome", "OK")
                .containsEntry("details", "version 3 -> 4");
        OffsetDateTime at = jdbc.sql("select occurred_at from audit_entry where action = :a").param("a", action)
                .query(OffsetDateTime.class).single();
        assertThat(at.toInstant()).isBetween(before, Instant.now().plusSeconds(1));
        assertThat(at.getOffset()).isEqualTo(ZoneOffset.UTC);
    }

    @Test
    void au03ControlCharactersCannotForgeLines() {
        String action = action();
        audit.record(AuditEvent.of(action, AuditOutcome.FAILED).details("ok\r\n2026-01-01 INFO audit action=LOGIN \u001b[31m")
                .actor(AuditActor.of(null, null, "kẻ\ngian")));
        Map<String, Object> row = entry(action);
        assertThat((String) row.get("details")).doesNotContain("\r", "\n", "\u001b").contains("INFO audit");
        assertThat((String) row.get("username")).doesNotContain("\n").startsWith("kẻ");
    }

    @Test
    void aRefusalSurvivesTheRollbackAndASuccessDoesNot() {
        String refused = action();
        String done = action();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
            audit.record(AuditEvent.of(refused, AuditOutcome.DENIED).actor(AuditActor.of(1L, 1L, "x")));
            audit.record(AuditEvent.of(done, AuditOutcome.OK).actor(AuditActor.of(1L, 1L, "x")));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = :a").param("a", refused).query(Long.class)
                .single()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_entry where action = :a").param("a", done).query(Long.class)
                .single()).isZero();
    }

    @Test
    void theSuccessesOfATransactionAreAllWrittenWhenItCommitsInTheirOrder() {
        String action = action();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            for (int i = 1; i <= 5; i++) {
                audit.record(AuditEvent.of(action, AuditOutcome.OK).object("activity", i).details("n=" + i)
                        .actor(AuditActor.of((long) i, 9L, "can.bo." + i)));
            }
            // written just before the commit, as one batch: not yet here
            assertThat(jdbc.sql("select count(*) from audit_entry where action = :a").param("a", action)
                    .query(Long.class).single()).isZero();
        });
        assertThat(jdbc.sql("select object_id, user_id, username, details from audit_entry where action = :a "
                + "order by id").param("a", action).query((rs, i) -> rs.getString(1) + "|" + rs.getLong(2) + "|"
                        + rs.getString(3) + "|" + rs.getString(4)).list())
                .containsExactly("1|1|can.bo.1|n=1", "2|2|can.bo.2|n=2", "3|3|can.bo.3|n=3", "4|4|can.bo.4|n=4",
                        "5|5|can.bo.5|n=5");
    }

    @Test
    void aTransactionOfManySuccessesWritesEveryOneInOrderEvenWithoutActor() {
        String action = action();
        TransactionTemplate tx = new TransactionTemplate(transactions);
        tx.executeWithoutResult(status -> {
            for (int i = 1; i <= 150; i++) { // more than one multi-row statement holds
                AuditEvent event = AuditEvent.of(action, AuditOutcome.OK).object("activity", i);
                audit.record(i % 2 == 0 ? event.actor(AuditActor.of((long) i, 9L, "can.bo." + i)) : event);
            }
        });
        List<String> written = jdbc.sql("select object_id, user_id from audit_entry where action = :a order by id")
                .param("a", action).query((rs, i) -> rs.getString(1) + "|" + rs.getObject(2)).list();
        assertThat(written).hasSize(150);
        for (int i = 1; i <= 150; i++) {
            assertThat(written.get(i - 1)).isEqualTo(i + "|" + (i % 2 == 0 ? String.valueOf(i) : "null"));
        }
    }

    @Test
    void longValuesAreCutToTheColumns() {
        String action = action();
        audit.record(AuditEvent.of(action, AuditOutcome.OK).object("x".repeat(100), "y".repeat(300))
                .details("z".repeat(5000)).actor(AuditActor.of(null, null, "u".repeat(500))));
        Map<String, Object> row = entry(action);
        assertThat((String) row.get("details")).hasSize(2000);
        assertThat((String) row.get("object_id")).hasSize(100);
        assertThat((String) row.get("username")).hasSize(100);
    }
}
