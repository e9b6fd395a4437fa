package vn.lantoa.activity;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Which database holds the data, asked once. The writes on the recording path differ by it: PostgreSQL takes
 * {@code on conflict do update} over unnested arrays and data-modifying {@code with} clauses, and H2 takes batches. It
 * also decides how many group-commit writers to run (see {@link ActivityManagement}).
 */
@Component
public class Database {

    private final JdbcTemplate template;
    /** Null until first asked. */
    private volatile Boolean postgres;

    Database(JdbcTemplate template) {
        this.template = template;
    }

    /** Whether the database is PostgreSQL (a server); H2 otherwise, in the process. */
    public boolean postgres() {
        Boolean known = postgres;
        if (known == null) {
            known = Boolean.TRUE.equals(template.execute((ConnectionCallback<Boolean>) c -> c.getMetaData()
                    .getDatabaseProductName().equals("PostgreSQL")));
            postgres = known;
        }
        return known;
    }
}
