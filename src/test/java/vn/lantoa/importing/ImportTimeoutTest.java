package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lantoa.planformat.Plan;
import vn.lantoa.shared.Problem;

/**
 * The import timeout counts the CPU time of the worker thread, so that a thread starved by a loaded machine is not
 * refused, while a hard wall-clock cap still bounds a file that holds its worker without computing; both are
 * configurable ({@code lantoa.import.timeout}, {@code lantoa.import.wall-clock-cap}).
 */
class ImportTimeoutTest {

    private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

    @TempDir
    Path dir;

    private Path plan() throws Exception {
        Path file = dir.resolve("ke-hoach.txt");
        Files.writeString(file, "KẾ HOẠCH\nTuyên truyền kỷ niệm ngày thành lập\n", StandardCharsets.UTF_8);
        return file;
    }

    @Test
    void aWorkerThatWaitsLongerThanTheCpuBudgetWithoutComputingIsNotRefused() throws Exception {
        // a thread that gets no CPU for 1.2 s (as on a machine where six builds share two cores) spends almost none
        ImportLimits limits = ImportLimits.DEFAULT.withTimeout(Duration.ofMillis(400)).withWallClockCap(Duration.ofSeconds(20));
        Path file = plan();
        PlanParser.parse(new DocumentReader(limits).read(file, "ke-hoach.txt")); // classes loaded outside the budget
        try (PlanImporter importer = new PlanImporter(limits, text -> {
            sleep(1200);
            return PlanParser.parse(text);
        })) {
            Plan plan = importer.importFile(file, "ke-hoach.txt");
            assertThat(plan.document().kind()).isEqualTo("KH");
        }
    }

    @Test
    void aWorkerThatComputesPastItsCpuBudgetIsCancelledAndItsThreadStops() throws Exception {
        ImportLimits limits = ImportLimits.DEFAULT.withTimeout(Duration.ofMillis(300)).withWallClockCap(Duration.ofSeconds(30));
        AtomicLong worker = new AtomicLong(-1);
        Path file = plan();
        try (PlanImporter importer = new PlanImporter(limits, text -> {
            worker.set(Thread.currentThread().getId());
            burnUntilInterrupted();
            return null;
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> importer.importFile(file, "ke-hoach.txt")).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.code()).isEqualTo("DOC_TIMEOUT"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            // 300 ms of CPU: well before the 30 s cap, even when the thread gets a fraction of a core
            assertThat(ms).isLessThan(15_000);
            assertThat(THREADS.getThreadCpuTime(worker.get())).as("CPU spent by the worker (ns)").isGreaterThanOrEqualTo(300_000_000L);
            Thread.sleep(300);
            long cpu1 = Math.max(0, THREADS.getThreadCpuTime(worker.get()));
            Thread.sleep(500);
            long cpu2 = Math.max(0, THREADS.getThreadCpuTime(worker.get()));
            assertThat(cpu2 - cpu1).as("worker CPU after the cancel (ns)").isLessThan(50_000_000L);
        }
    }

    @Test
    void theWallClockCapBoundsAWorkerThatHoldsWithoutComputing() throws Exception {
        // a reader blocked in I/O or a lock spends no CPU: the cap stops it all the same
        ImportLimits limits = ImportLimits.DEFAULT.withTimeout(Duration.ofSeconds(30)).withWallClockCap(Duration.ofMillis(800));
        Path file = plan();
        try (PlanImporter importer = new PlanImporter(limits, text -> {
            sleep(60_000);
            return null;
        })) {
            long start = System.nanoTime();
            assertThatThrownBy(() -> importer.importFile(file, "ke-hoach.txt")).isInstanceOfSatisfying(Problem.class,
                    p -> assertThat(p.code()).isEqualTo("DOC_TIMEOUT"));
            long ms = (System.nanoTime() - start) / 1_000_000;
            assertThat(ms).isBetween(700L, 5_000L);
            // the worker was interrupted, so the pool takes the next file at once
            assertThat(waitIdle(importer)).isTrue();
        }
    }

    @Test
    void theLimitsComeFromTheProperties() {
        ImportLimits none = ImportLimits.configured(Map.<String, String>of()::get);
        assertThat(none).isEqualTo(ImportLimits.DEFAULT);
        assertThat(none.timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(none.wallClockCap()).isEqualTo(Duration.ofSeconds(10));

        ImportLimits longer = ImportLimits.configured(Map.of("lantoa.import.timeout", "8s")::get);
        assertThat(longer.timeout()).isEqualTo(Duration.ofSeconds(8));
        assertThat(longer.wallClockCap()).as("the cap grows with the budget").isEqualTo(Duration.ofSeconds(16));

        ImportLimits shorter = ImportLimits.configured(Map.of("lantoa.import.timeout", "1500ms")::get);
        assertThat(shorter.timeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(shorter.wallClockCap()).as("never below the default cap").isEqualTo(Duration.ofSeconds(10));

        ImportLimits both = ImportLimits.configured(Map.of("lantoa.import.timeout", "PT3S",
                "lantoa.import.wall-clock-cap", "1m")::get);
        assertThat(both.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(both.wallClockCap()).isEqualTo(Duration.ofMinutes(1));

        assertThat(ImportLimits.configured(Map.of("lantoa.import.timeout", "250")::get).timeout())
                .as("a bare number is milliseconds, as Spring Boot reads durations").isEqualTo(Duration.ofMillis(250));
        assertThat(ImportLimits.configured(Map.of("lantoa.import.wall-clock-cap", " 20 s ")::get).wallClockCap())
                .isEqualTo(Duration.ofSeconds(20));

        for (String bad : new String[] {"0", "-5s", "soon", "10 phút"}) {
            assertThatThrownBy(() -> ImportLimits.configured(Map.of("lantoa.import.timeout", bad)::get))
                    .as(bad).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lantoa.import.timeout");
        }
    }

    private static boolean waitIdle(PlanImporter importer) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            if (importer.active() == 0) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ReadInterrupted();
        }
    }

    private static void burnUntilInterrupted() {
        long x = 0;
        while (!Thread.currentThread().isInterrupted()) {
            for (int i = 0; i < 100_000; i++) {
                x += i ^ (x >>> 3);
            }
        }
        if (x == 42) {
            System.out.println(x);
        }
        throw new ReadInterrupted();
    }
}
