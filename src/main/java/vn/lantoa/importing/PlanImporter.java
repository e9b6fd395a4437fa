package vn.lantoa.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.lantoa.planformat.Plan;
import vn.lantoa.planformat.Warning;
import vn.lantoa.shared.Problem;

/**
 * Nhập kế hoạch: a file becomes a {@link Plan}, safely. The upload is spooled to a temporary file (refused past the
 * size limit before it is read whole), read by {@link DocumentReader} and parsed by the plan parser on a bounded
 * pool of worker threads under a timeout: a file that takes too long (CPU time of its worker, or the wall-clock
 * cap) is cancelled (its thread interrupted, which every reader checks) and refused as {@code DOC_TIMEOUT}; when every worker is busy and the queue is full, the
 * import is refused as {@code IMPORT_BUSY}. Nothing of the file is kept: the temporary file is deleted whatever
 * happens.
 *
 * <p>Plain Java; the web endpoint and the command line each hold one instance.
 */
public final class PlanImporter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(PlanImporter.class);
    private static final AtomicInteger POOLS = new AtomicInteger();

    /** Spooled uploads are named after the process, so that what one process leaves is told from another's. */
    public static final String SPOOL_PREFIX = "lantoa-import-" + ProcessHandle.current().pid() + "-";

    private final ImportLimits limits;
    private final Function<DocumentText, Plan> parser;
    private final ThreadPoolExecutor workers;

    /**
     * @param parser what makes a plan of the text: {@code PlanParser::parse} (given by the caller, so that the
     *               reading half stands on its own)
     */
    public PlanImporter(ImportLimits limits, Function<DocumentText, Plan> parser) {
        this.limits = limits;
        this.parser = parser;
        int pool = POOLS.incrementAndGet();
        AtomicInteger threads = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(null, r, "lantoa-import-" + pool + "-" + threads.incrementAndGet(), 16L * 1024 * 1024);
            t.setDaemon(true);
            return t;
        };
        this.workers = new ThreadPoolExecutor(limits.workers(), limits.workers(), 30, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(Math.max(1, limits.queue())), factory, new ThreadPoolExecutor.AbortPolicy());
        this.workers.allowCoreThreadTimeOut(true);
    }

    public ImportLimits limits() {
        return limits;
    }

    /** A file on disk (the command line) read and parsed into a plan; the reading's warnings are the plan's too. */
    public Plan importFile(Path file, String name) {
        return run(() -> parse(new DocumentReader(limits).read(file, name)));
    }

    /** A file on disk read into text only (what the parser gets). */
    public DocumentText readFile(Path file, String name) {
        return run(() -> new DocumentReader(limits).read(file, name));
    }

    /**
     * An upload: spooled to a temporary file (at most {@link ImportLimits#maxBytes()} bytes, else
     * {@code FILE_TOO_LARGE} before the rest is read), imported, the temporary file deleted.
     */
    public Plan importStream(InputStream upload, String name) throws IOException {
        Path spooled = spool(upload);
        try {
            return importFile(spooled, name);
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    private Path spool(InputStream upload) throws IOException {
        Path file = Files.createTempFile(SPOOL_PREFIX, ".bin");
        boolean ok = false;
        try (OutputStream out = Files.newOutputStream(file)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            int n;
            while ((n = upload.read(buffer)) > 0) {
                total += n;
                if (total > limits.maxBytes()) {
                    throw ImportRejected.tooLarge(limits.maxBytes());
                }
                out.write(buffer, 0, n);
            }
            ok = true;
            return file;
        } finally {
            if (!ok) {
                Files.deleteIfExists(file);
            }
        }
    }

    private Plan parse(DocumentText text) {
        Plan plan = parser.apply(text);
        // the reading's own warnings (legacy encoding, invisible characters) belong to the plan, once each
        Set<String> present = new HashSet<>();
        for (Warning w : plan.warnings()) {
            present.add(w.code() + "|" + w.where());
        }
        List<Warning> missing = new ArrayList<>();
        for (Warning w : text.warnings()) {
            if (present.add(w.code() + "|" + w.where())) {
                missing.add(w);
            }
        }
        return missing.isEmpty() ? plan : plan.withWarnings(missing);
    }

    /** How often the waiting caller looks at the worker's CPU time. */
    private static final long POLL_NANOS = TimeUnit.MILLISECONDS.toNanos(50);
    private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

    /** The worker thread running a task and its CPU time when it began (set by the task itself). */
    private record Started(long threadId, long cpuAtStart, long wallAtStart) {
    }

    /**
     * Runs a reading on a worker under the two limits: the worker thread's CPU time ({@link ImportLimits#timeout()},
     * measured with ThreadMXBean, so that a thread that gets a tenth of a core on a loaded machine is not refused
     * for the machine's sake) and the wall-clock cap from submission ({@link ImportLimits#wallClockCap()}, queue wait
     * included), whichever comes first. When either is reached the work is cancelled (its thread interrupted) and
     * refused as {@code DOC_TIMEOUT}. Where the JVM cannot measure a thread's CPU time, the CPU budget is counted on
     * the clock from the moment the work starts.
     */
    private <T> T run(Callable<T> work) {
        long submitted = System.nanoTime();
        AtomicReference<Started> started = new AtomicReference<>();
        Future<T> future;
        try {
            future = workers.submit(() -> {
                long id = Thread.currentThread().getId();
                started.set(new Started(id, cpuTime(id), System.nanoTime()));
                return work.call();
            });
        } catch (RejectedExecutionException e) {
            throw ImportRejected.busy();
        }
        long cpuBudget = limits.timeout().toNanos();
        long wallCap = limits.wallClockCap().toNanos();
        try {
            while (true) {
                long left = wallCap - (System.nanoTime() - submitted);
                if (left <= 0) {
                    throw cancel(future, limits.wallClockCap());
                }
                try {
                    return future.get(Math.min(left, POLL_NANOS), TimeUnit.NANOSECONDS);
                } catch (TimeoutException e) {
                    Started s = started.get();
                    if (s != null && used(s) >= cpuBudget) {
                        throw cancel(future, limits.timeout());
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw cancel(future, limits.timeout());
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Problem problem) {
                throw problem;
            }
            if (cause instanceof ReadInterrupted) {
                throw ImportRejected.timeout(seconds(limits.timeout()));
            }
            if (cause instanceof OutOfMemoryError || cause instanceof StackOverflowError) {
                log.warn("Import refused: {}", cause.toString());
                throw ImportRejected.corrupt("này");
            }
            if (cause instanceof IOException) {
                throw ImportRejected.corrupt("này");
            }
            // a reader or the parser failed on an input nobody foresaw: refuse the file, keep the trace for us
            log.warn("Import failed on an unexpected input", cause);
            throw ImportRejected.corrupt("này");
        }
    }

    private static Problem cancel(Future<?> future, Duration limit) {
        future.cancel(true);
        return ImportRejected.timeout(seconds(limit));
    }

    private static long seconds(Duration limit) {
        return Math.max(1, limit.toSeconds());
    }

    /** CPU time the worker has spent on the task so far; the clock's time where the JVM cannot tell. */
    private static long used(Started s) {
        long now = cpuTime(s.threadId());
        if (now < 0 || s.cpuAtStart() < 0) {
            return System.nanoTime() - s.wallAtStart();
        }
        return now - s.cpuAtStart();
    }

    private static long cpuTime(long threadId) {
        try {
            return CPU.isThreadCpuTimeSupported() && CPU.isThreadCpuTimeEnabled() ? CPU.getThreadCpuTime(threadId) : -1;
        } catch (UnsupportedOperationException e) {
            return -1;
        }
    }

    /** Threads at work and files waiting, for tests and monitoring. */
    public int active() {
        return workers.getActiveCount() + workers.getQueue().size();
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
