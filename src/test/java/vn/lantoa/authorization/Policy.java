package vn.lantoa.authorization;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import vn.lantoa.account.Role;

/**
 * The authorisation policy, read from {@code authorization/authorization-policy.csv}: the source of truth and the
 * documentation of who may do what (ASVS V8.1.1). Lines starting with '#' are comments.
 */
final class Policy {

    static final String RESOURCE = "/authorization/authorization-policy.csv";

    /** One row: what {@code role} at U gets for {@code action} on a target in {@code relation}. */
    record Row(long line, Role role, Relation relation, String action, Outcome expected, String code) {

        @Override
        public String toString() {
            return role + " " + relation.label() + " " + action + " -> " + expected.label()
                    + (code.isEmpty() ? "" : " " + code) + " (line " + line + ")";
        }
    }

    private static List<Row> rows;

    private Policy() {
    }

    static synchronized List<Row> rows() {
        if (rows == null) {
            rows = read();
        }
        return rows;
    }

    private static List<Row> read() {
        CSVFormat format = CSVFormat.DEFAULT.builder().setCommentMarker('#').setHeader().setSkipHeaderRecord(true)
                .setIgnoreSurroundingSpaces(true).setIgnoreEmptyLines(true).get();
        try (Reader in = new InputStreamReader(
                Objects.requireNonNull(Policy.class.getResourceAsStream(RESOURCE), RESOURCE), StandardCharsets.UTF_8)) {
            List<Row> result = new ArrayList<>();
            CSVParser parser = format.parse(in);
            for (CSVRecord record : parser) {
                result.add(new Row(parser.getCurrentLineNumber(), Role.valueOf(record.get("role")),
                        Relation.parse(record.get("relation")), record.get("action"),
                        Outcome.parse(record.get("expected")), record.get("code")));
            }
            return List.copyOf(result);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
