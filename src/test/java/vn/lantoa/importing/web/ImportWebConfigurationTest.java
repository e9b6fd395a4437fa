package vn.lantoa.importing.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import vn.lantoa.importing.ImportLimits;
import vn.lantoa.importing.PlanImporter;

/** The application's importer takes its timeouts from {@code lantoa.import.*}; a bad value stops the start. */
class ImportWebConfigurationTest {

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withUserConfiguration(ImportWebConfiguration.class);

    @Test
    void defaultsWithoutProperties() {
        runner.run(context -> assertThat(context.getBean(PlanImporter.class).limits()).isEqualTo(ImportLimits.DEFAULT));
    }

    @Test
    void timeoutsFromProperties() {
        runner.withPropertyValues("lantoa.import.timeout=7s", "lantoa.import.wall-clock-cap=25s").run(context -> {
            ImportLimits limits = context.getBean(PlanImporter.class).limits();
            assertThat(limits.timeout()).isEqualTo(Duration.ofSeconds(7));
            assertThat(limits.wallClockCap()).isEqualTo(Duration.ofSeconds(25));
        });
    }

    @Test
    void aBadValueStopsTheStart() {
        runner.withPropertyValues("lantoa.import.timeout=bientai").run(context -> assertThat(context).hasFailed());
    }
}
