package vn.lantoa.shared;

import java.sql.SQLException;

/**
 * Bound SQL arrays ({@code unnest(?)}, {@code bigint array} columns) have a size limit on H2: 65,536 elements
 * ("Value too long for column ARRAY", H2's {@code Constants.MAX_ARRAY_CARDINALITY}). PostgreSQL has none. A set-based
 * write of more elements than that (a plan assigning every unit of a large tree) goes as several statements of at most
 * {@link #MAX_ELEMENTS} each, in the same transaction, on both databases alike.
 */
public final class SqlArrays {

    /** The most elements one bound array may carry on every database Lan Tỏa runs on (H2's limit). */
    public static final int MAX_ELEMENTS = 65_536;

    private SqlArrays() {
    }

    /** A write of the elements {@code from} (inclusive) to {@code to} (exclusive); returns the rows it wrote. */
    @FunctionalInterface
    public interface Chunk {
        int write(int part, int from, int to) throws SQLException;
    }

    /**
     * Writes {@code size} elements in chunks of at most {@link #MAX_ELEMENTS} (part 0, 1, …; none when size is 0);
     * returns the rows written in all.
     */
    public static int inChunks(int size, Chunk chunk) throws SQLException {
        int written = 0;
        for (int part = 0, from = 0; from < size; part++, from += MAX_ELEMENTS) {
            written += chunk.write(part, from, Math.min(size, from + MAX_ELEMENTS));
        }
        return written;
    }
}
