package vn.lantoa.shared;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Function;

/**
 * Rows inserted as {@code insert … values (…), (…), …}: one statement runs for many rows (the database executes it
 * once), up to a number of rows per statement so that the bound parameters stay few enough for every driver.
 * Plain SQL text and arguments; the caller runs each statement.
 */
public final class MultiRowInsert {

    private MultiRowInsert() {
    }

    /** One statement and its arguments, in row order. */
    public record Statement(String sql, Object[] args) {
    }

    /**
     * The statements inserting {@code rows}: {@code head} ({@code insert into t (…) values}), {@code row} once per row
     * ({@code (?, ?, 'OPEN')}), then {@code tail} ({@code ""} or {@code " on conflict do nothing"}); {@code values}
     * gives a row's arguments for the row's placeholders.
     */
    public static <T> List<Statement> of(String head, String row, String tail, List<T> rows, int rowsPerStatement,
            Function<T, Object[]> values) {
        List<Statement> statements = new ArrayList<>();
        for (int from = 0; from < rows.size(); from += rowsPerStatement) {
            List<T> chunk = rows.subList(from, Math.min(rows.size(), from + rowsPerStatement));
            StringBuilder sql = new StringBuilder(head).append(' ');
            List<Object> args = new ArrayList<>();
            for (int i = 0; i < chunk.size(); i++) {
                sql.append(i == 0 ? "" : ", ").append(row);
                Collections.addAll(args, values.apply(chunk.get(i)));
            }
            statements.add(new Statement(sql.append(tail).toString(), args.toArray()));
        }
        return statements;
    }
}
