package vn.lantoa.shared;

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

    /** How many chunks of at most {@link #MAX_ELEMENTS} a list of {@code size} elements makes (0 for none). */
    public static int chunks(int size) {
        return (size + MAX_ELEMENTS - 1) / MAX_ELEMENTS;
    }

    /** The first element (inclusive) of chunk {@code chunk}. */
    public static int from(int chunk) {
        return chunk * MAX_ELEMENTS;
    }

    /** The end (exclusive) of chunk {@code chunk} of a list of {@code size} elements. */
    public static int to(int chunk, int size) {
        return Math.min(size, (chunk + 1) * MAX_ELEMENTS);
    }
}
