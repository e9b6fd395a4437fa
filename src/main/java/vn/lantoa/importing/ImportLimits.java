package vn.lantoa.importing;

import java.time.Duration;

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
 * @param timeout           wall-clock time for reading and parsing one file
 * @param workers           files read at the same time
 * @param queue             files waiting for a worker; one more is refused as busy
 */
public record ImportLimits(long maxBytes, int maxChars, int maxZipEntries, long maxEntryBytes, double maxInflateRatio,
        int maxXmlDepth, int maxPdfPages, Duration timeout, int workers, int queue) {

    /** The limits of the application and the command line. */
    public static final ImportLimits DEFAULT = new ImportLimits(20L * 1024 * 1024, 2_000_000, 1_000,
            64L * 1024 * 1024, 100, 200, 300, Duration.ofSeconds(10), 2, 4);

    public ImportLimits withTimeout(Duration newTimeout) {
        return new ImportLimits(maxBytes, maxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, newTimeout, workers, queue);
    }

    public ImportLimits withMaxChars(int newMaxChars) {
        return new ImportLimits(maxBytes, newMaxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, timeout, workers, queue);
    }

    public ImportLimits withPool(int newWorkers, int newQueue) {
        return new ImportLimits(maxBytes, maxChars, maxZipEntries, maxEntryBytes, maxInflateRatio, maxXmlDepth,
                maxPdfPages, timeout, newWorkers, newQueue);
    }
}
