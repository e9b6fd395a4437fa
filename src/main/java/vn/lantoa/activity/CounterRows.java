package vn.lantoa.activity;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Writing live counter rows (the activity totals of the reporting module, the dashboards' trends): on PostgreSQL a
 * transaction's rows go as one {@code insert … select … from unnest(…) … on conflict do update} statement whatever
 * their number, the arrays bound column by column. H2 has no {@code do update}; its callers keep a JDBC batch of
 * updates there.
 */
public final class CounterRows {

    private CounterRows() {
    }

    /**
     * The slot of a top-level counter row that this thread's transactions move. A row is locked until its transaction
     * commits (a WAL flush: milliseconds), so the hot rows of the country and the provinces are spread over slots.
     * All the rows of one transaction take the same slot, the thread's: a transaction that moves many activities'
     * counters (a group of recordings, a bulk entry) then locks one slot of each hot row, not all of them, and the
     * writers working at the same time (threads created one after another: consecutive ids) lock different slots.
     * Reads sum the slots.
     */
    @SuppressWarnings("deprecation") // Thread.threadId() is Java 19+
    public static int slotOfThisThread(int slots) {
        return (int) (Thread.currentThread().getId() % slots);
    }

    /**
     * Runs an upsert whose parameters are one array per column: column i of the rows bound as an array of
     * {@code types[i]} ({@code bigint}, {@code int}, {@code boolean}, {@code varchar}). Returns the rows written.
     */
    public static int upsert(JdbcTemplate template, String sql, List<Object[]> rows, String... types) {
        if (rows.isEmpty()) {
            return 0;
        }
        Integer written = template.execute((ConnectionCallback<Integer>) c -> {
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                List<Array> arrays = new ArrayList<>();
                try {
                    for (int col = 0; col < types.length; col++) {
                        Array array = c.createArrayOf(types[col], column(rows, col, types[col]));
                        arrays.add(array);
                        ps.setArray(col + 1, array);
                    }
                    return ps.executeUpdate();
                } finally {
                    for (Array a : arrays) {
                        a.free();
                    }
                }
            }
        });
        return written == null ? 0 : written;
    }

    /** Column {@code col} of the rows, typed so that the driver binds each element as its SQL type. */
    private static Object[] column(List<Object[]> rows, int col, String type) {
        Object[] values = switch (type) {
            case "bigint" -> new Long[rows.size()];
            case "int" -> new Integer[rows.size()];
            case "boolean" -> new Boolean[rows.size()];
            default -> new String[rows.size()];
        };
        for (int r = 0; r < rows.size(); r++) {
            values[r] = rows.get(r)[col];
        }
        return values;
    }
}
