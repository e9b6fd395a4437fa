package vn.lantoa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

import vn.lantoa.calendar.HolidayCalendar;

/**
 * The newcomer's promise: with no database server, Lan Tỏa keeps its data on disk under the data directory
 * ({@code LANTOA_DATA_DIR}, {@code ./data} by default), loads the demo organization once, and finds everything again
 * after a restart.
 */
class EmbeddedDataDirectoryTest {

    @TempDir
    Path dataDir;

    @Test
    void dataSurvivesARestartAndTheDemoIsLoadedOnce() throws Exception {
        LocalDate marker = LocalDate.of(2039, 7, 13);
        long units;
        try (ConfigurableApplicationContext first = start()) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            units = jdbc.sql("select count(*) from unit").query(Long.class).single();
            assertThat(units).as("demo units loaded at first start").isPositive();
            first.getBean(HolidayCalendar.class).put(marker, "Ngày đánh dấu thử khởi động lại");
        }
        assertThat(Files.list(dataDir).map(p -> p.getFileName().toString())).anyMatch(n -> n.startsWith("lantoa"));

        try (ConfigurableApplicationContext second = start()) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(jdbc.sql("select count(*) from unit").query(Long.class).single())
                    .as("the demo is not loaded twice").isEqualTo(units);
            assertThat(second.getBean(HolidayCalendar.class).holidayOn(marker))
                    .contains("Ngày đánh dấu thử khởi động lại");
        }
    }

    /**
     * The pool renews its connections (Hikari's maxLifetime is 30 minutes), so the connection that ran the migrations
     * is closed while the application runs on. Check constraints must still be evaluated after that: H2 2.4.240 bound
     * a constraint's {@code IN (...)} list to the session that created it, and every insert into such a table then
     * failed with "Check constraint invalid" until a restart (h2database#4302, fixed in 2.5).
     */
    @Test
    void checkConstraintsHoldAfterThePoolRenewsTheMigratingConnection() throws Exception {
        try (ConfigurableApplicationContext app = start()) {
            HikariDataSource pool = app.getBean(DataSource.class).unwrap(HikariDataSource.class);
            pool.getHikariPoolMXBean().softEvictConnections(); // as maxLifetime does, all at once
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            long user = jdbc.sql("select min(id) from app_user").query(Long.class).single();

            assertThat(jdbc.sql("update app_user set role = role where id = :id").param("id", user).update())
                    .as("a valid row passes the role check").isEqualTo(1);
            assertThatThrownBy(() -> jdbc.sql("update app_user set role = 'NOT_A_ROLE' where id = :id")
                    .param("id", user).update())
                    .as("an invalid role is refused by the check, not by a broken constraint")
                    .isInstanceOf(DataIntegrityViolationException.class)
                    .hasMessageContaining("app_user_role_check")
                    .hasMessageNotContaining("Check constraint invalid");
        }
    }

    private ConfigurableApplicationContext start() {
        // "embedded" names no profile file: only application.yml applies, as for a newcomer's first start.
        return new SpringApplicationBuilder(LanToaApplication.class)
                .run("--spring.profiles.active=embedded", "--server.port=0", "--lantoa.data-dir=" + dataDir);
    }
}
