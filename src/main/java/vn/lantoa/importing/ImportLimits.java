package vn.lantoa.importing;

import java.time.Duration;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Giới hạn khi đọc tệp: how much of a file the importer is willing to read, and for how long. Every limit is a
 * refusal with its own code (see {@link ImportRejected}), never an out-of-memory error or a hung thread.
 *
 * @param maxBytes          the file itself (20 MB, as the upload limit)
 * @param maxChars          the text read out of it: a plan is 10–100 thousand characters, so two million is generous
 * @param maxZipEntries     entries in a DOCX package (a Word document has 10–30)
 * @param maxEntryBytes     inflated size of one package part
 * @param maxInflateRatio   inflated ÷ compressed size of a part above which it is a zip bomb (text XML deflates 5–20×)
 * @param maxXmlDepth       element nesting of a DOCX part (tables nested 3,000 deep are not a document)
 * @param maxPdfPages       pages of a PDF read at most; the page count the file claims is not trusted
 * @param timeout           CPU time the worker thread may spend reading and parsing one file (ThreadMXBean), so that
 *                          a loaded machine, where a thread gets a fraction of a core, does not refuse a normal file;
 *                          property {@code lantoa.import.timeout}
 * @param wallClockCap      hard wall-clock bound from the file's submission (queue wait included) to its answer,
 *                          whatever the CPU says: a hostile file never holds a client longer; property
 *                          {@code lantoa.import.wall-clock-cap}
 * @param workers           files read at the same time
 * @param queue             files waiting for a worker; one more is refused as busy
 */
public record ImportLimits(long maxBytes, int maxChars, int maxZipEntries, long maxEntryBytes, double maxInflateRatio,
        int maxXmlDepth, int maxPdfPages, Duration timeout, Duration wallClockCap, int workers, int queue) {

    /** Property names of the configurable limits (Spring environment, or system properties for the command line). */
    public static final String TIMEOUT_PROPERTY = "lantoa.import.timeout";
    public static final String WALL_CLOCK_CAP_PROPERTY = "lantoa.import.wall-clock-cap";

    /**
     * The limits of the application and the command line: 5 s of CPU (a seed PDF takes 20–50 ms of it, a 300-page
     * one well under a second), and never more than 10 s on the clock (RELIABILITY B-DOC-24).
     */
    public static final ImportLimits DEFAULT = new ImportLimits(20L * 1024 * 1024, 2_000_000, 1_000,
            64L * 1024 * 1024, 100, 200, 300, Duration.ofSeconds(5), Duration.ofSeconds(10), 2, 4);

    public ImportLimits {
        if (timeout.isNegative() || timeout.isZero() || wallClockCap.isNegative() || wallClockCap.isZero()) {
            throw new IllegalArgumentException("import timeouts must be positive: " + timeout + ", " + wallClockCap);
        }
    }

    /** Another CPU budget, the wall-clock cap twice as long. */
    public ImportLimits withTimeout(Duration newTimeout) {
        return new ImportLimits(maxBytes, maxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, newTimeout, newTimeout.multipliedBy(2), workers, queue);
    }

    public ImportLimits withWallClockCap(Duration newCap) {
        return new ImportLimits(maxBytes, maxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, timeout, newCap, workers, queue);
    }

    /**
     * The default limits with the timeouts the properties set, if they do ({@code lantoa.import.timeout=8s},
     * {@code lantoa.import.wall-clock-cap=20s}; units ms, s, m or an ISO-8601 duration; a bare number is
     * milliseconds, as Spring Boot reads durations). A timeout set alone brings the cap to at least twice it.
     *
     * @throws IllegalArgumentException on a value that is not a positive duration (the application does not start)
     */
    public static ImportLimits configured(Function<String, String> properties) {
        ImportLimits limits = DEFAULT;
        Duration timeout = duration(properties.apply(TIMEOUT_PROPERTY), TIMEOUT_PROPERTY);
        Duration cap = duration(properties.apply(WALL_CLOCK_CAP_PROPERTY), WALL_CLOCK_CAP_PROPERTY);
        if (timeout != null) {
            Duration twice = timeout.multipliedBy(2);
            limits = limits.withTimeout(timeout)
                    .withWallClockCap(twice.compareTo(DEFAULT.wallClockCap) > 0 ? twice : DEFAULT.wallClockCap);
        }
        if (cap != null) {
            limits = limits.withWallClockCap(cap);
        }
        return limits;
    }

    private static final Pattern SIMPLE_DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    static Duration duration(String value, String property) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip().toLowerCase(Locale.ROOT);
        Duration d;
        Matcher m = SIMPLE_DURATION.matcher(v);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "ms" : m.group(2);
            d = switch (unit) {
                case "s" -> Duration.ofSeconds(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofMillis(n);
            };
        } else {
            try {
                d = Duration.parse(value.strip());
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(property + " is not a duration: " + value);
            }
        }
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(property + " must be positive: " + value);
        }
        return d;
    }

    public ImportLimits withMaxChars(int newMaxChars) {
        return new ImportLimits(maxBytes, newMaxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, timeout, wallClockCap, workers, queue);
    }

    public ImportLimits withPool(int newWorkers, int newQueue) {
        return new ImportLimits(maxBytes, maxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, timeout, wallClockCap, newWorkers, newQueue);
    }
}
