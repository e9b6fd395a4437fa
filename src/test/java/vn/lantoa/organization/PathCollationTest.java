package vn.lantoa.organization;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * PERFORMANCE.md §3.9 trap 1: on PostgreSQL the unit path must compare bytewise (COLLATE "C") and the subtree range
 * {@code path >= ? and path < ?} must be an index range condition even in a generic plan (how JDBC runs it); on H2 the
 * migration must run without a collation clause. Each database checks its own side.
 */
@SpringBootTest
class PathCollationTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    TransactionTemplate transactions;

    private boolean postgres() throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            return c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgresql");
        }
    }

    @Test
    void thePlaceholderFollowsTheDatabase() throws SQLException {
        String collation = OrganizationConfiguration.pathCollation(dataSource);
        if (postgres()) {
            assertThat(collation).isEqualTo("collate \"C\"");
        } else {
            assertThat(collation).isEmpty();
        }
        assertThat(OrganizationConfiguration.pathCollation(null)).isEmpty();
    }

    @Test
    void onPostgresqlThePathIsBytewiseAndTheSubtreeRangeUsesTheIndex() throws SQLException {
        if (!postgres()) {
            // H2 compares strings by code point: nothing to declare, and the range form is all it needs
            assertThat(jdbc.queryForObject("select count(*) from unit where path >= '/' and path < '0'", Long.class))
                    .isEqualTo(jdbc.queryForObject("select count(*) from unit", Long.class));
            return;
        }
        assertThat(jdbc.queryForObject("""
                select collation_name from information_schema.columns
                where table_name = 'unit' and column_name = 'path'""", String.class)).isEqualTo("C");

        List<String> plan = transactions.execute(status -> {
            jdbc.execute("set local enable_seqscan = off");
            jdbc.execute("set local plan_cache_mode = force_generic_plan");
            jdbc.execute("prepare lantoa_subtree(varchar, varchar) as "
                    + "select id from unit where path >= $1 and path < $2");
            try {
                return jdbc.queryForList("explain execute lantoa_subtree('/1/', '/10')", String.class);
            } finally {
                jdbc.execute("deallocate lantoa_subtree");
            }
        });
        String text = String.join("\n", plan);
        assertThat(text).contains("unit_path_idx").doesNotContain("Seq Scan");
        assertThat(text).containsPattern("Index Cond: .*path.*>= \\(?\\$1.*path.*< \\(?\\$2");
    }
}
