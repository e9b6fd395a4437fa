package vn.lantoa;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
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

    private ConfigurableApplicationContext start() {
        // "embedded" names no profile file: only application.yml applies, as for a newcomer's first start.
        return new SpringApplicationBuilder(LanToaApplication.class)
                .run("--spring.profiles.active=embedded", "--server.port=0", "--lantoa.data-dir=" + dataDir);
    }
}
