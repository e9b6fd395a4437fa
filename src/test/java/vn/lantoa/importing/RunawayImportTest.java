package vn.lantoa.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.lantoa.shared.Problem;

/**
 * F-14 (runaway parser): a PDF whose one page takes seconds to process is cancelled at the timeout, the worker's CPU
 * stops within a second of the cancel, and imports beyond the workers and the queue are refused as busy (503).
 */
class RunawayImportTest {

    @TempDir
    Path dir;

    @Test
    void aRunawayImportIsCancelledItsThreadStopsAndTheQueueOverflowsAsBusy() throws Exception {
        // 15 MB of text operators (under the page-content cap), millions of glyphs (the glyph cap is raised here)
        byte[] slow = HostileFiles.flateBomb("BT /F1 12 Tf 70 700 Td (KE HOACH TUYEN TRUYEN DAI HOI) Tj ET\n", 15L * 1024 * 1024);
        Path file = dir.resolve("cham.pdf");
        Files.write(file, slow);
        ImportLimits limits = ImportLimits.DEFAULT.withMaxChars(500_000_000).withTimeout(Duration.ofSeconds(2)).withPool(1, 2);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        try (PlanImporter importer = new PlanImporter(limits, text -> null)) {
            ExecutorService clients = Executors.newFixedThreadPool(6);
            List<Future<String>> answers = new ArrayList<>();
            long start = System.nanoTime();
            for (int i = 0; i < 6; i++) {
                answers.add(clients.submit(() -> {
                    try {
                        importer.readFile(file, "cham.pdf");
                        return "OK";
                    } catch (Problem p) {
                        return p.status() + " " + p.code();
                    }
                }));
                Thread.sleep(50);
            }
            List<String> codes = new ArrayList<>();
            for (Future<String> answer : answers) {
                codes.add(answer.get());
            }
            clients.shutdown();
            assertThat(codes).contains("503 IMPORT_BUSY", "422 DOC_TIMEOUT");
            assertThat(codes).allMatch(c -> c.equals("503 IMPORT_BUSY") || c.equals("422 DOC_TIMEOUT"));
            assertThat((System.nanoTime() - start) / 1_000_000).isLessThan(10_000);

            // within a second of the last cancel, the worker does no more work
            Thread.sleep(1000);
            long cpu1 = workerCpu(threads);
            Thread.sleep(500);
            long cpu2 = workerCpu(threads);
            assertThat(cpu2 - cpu1).as("worker CPU after the cancel (ns)").isLessThan(50_000_000L);
        }
    }

    private static long workerCpu(ThreadMXBean threads) {
        long total = 0;
        for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (info != null && info.getThreadName().startsWith("lantoa-import-")) {
                long cpu = threads.getThreadCpuTime(info.getThreadId());
                total += Math.max(0, cpu);
            }
        }
        return total;
    }
}
