package vn.lantoa.activity;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Where evidence bytes live, content-addressed by their SHA-256, so that several application instances that share the
 * storage see the same files, and the same file uploaded twice is kept once. The default implementation is a
 * directory ({@code lantoa.evidence.dir}, {@code ${LANTOA_DATA_DIR}/evidence} by default); another (an object store)
 * implements this interface.
 *
 * <p>Writing is in two steps, so that nothing is half-saved: {@link #stage} copies an upload to a private temporary
 * file while hashing it (refusing more than a limit); the caller inspects the staged file, then either
 * {@link #keep keeps} it (an atomic move into place) or {@link #discard discards} it.
 */
public interface EvidenceStorage {

    /** An upload copied to a temporary file, with its SHA-256 (lower-case hex) and size. */
    record Staged(Path file, String sha256, long size) {
    }

    /**
     * Copies the stream to a temporary file while hashing it.
     *
     * @param maxBytes more than this many bytes → {@link TooLarge}, and nothing is left behind
     */
    Staged stage(InputStream in, long maxBytes) throws IOException;

    /**
     * Moves a staged file into place under its SHA-256 (atomically: readers never see a partial file).
     *
     * @return true when the bytes were not stored before (the caller may remove them again if its transaction fails)
     */
    boolean keep(Staged staged) throws IOException;

    /** Deletes a staged file that is not kept. Never fails. */
    void discard(Staged staged);

    /** Whether bytes with this SHA-256 are stored. */
    boolean contains(String sha256);

    /** The stored bytes. */
    InputStream open(String sha256) throws IOException;

    /** Removes stored bytes (when no evidence row refers to them any more). */
    void remove(String sha256) throws IOException;

    /** The stream was longer than allowed. */
    final class TooLarge extends IOException {
        public TooLarge(long maxBytes) {
            super("more than " + maxBytes + " bytes");
        }
    }
}
