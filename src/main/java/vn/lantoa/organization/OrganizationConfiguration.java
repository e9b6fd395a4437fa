package vn.lantoa.organization;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Database settings of the organization module. */
@Configuration(proxyBeanMethods = false)
class OrganizationConfiguration {

    /** The Flyway placeholder that gives unit paths a bytewise collation. */
    static final String PATH_COLLATION = "pathCollation";

    /**
     * Sets {@code ${pathCollation}} for the unit migration: {@code COLLATE "C"} on PostgreSQL, so that path ranges
     * compare bytes and use the plain btree index (PERFORMANCE.md §3.9, trap 1); nothing on H2, which compares
     * strings by code point already and knows no collation "C".
     */
    @Bean
    FlywayConfigurationCustomizer organizationPathCollation(ObjectProvider<DataSource> applicationDataSource) {
        return configuration -> {
            DataSource dataSource = configuration.getDataSource() != null ? configuration.getDataSource()
                    : applicationDataSource.getIfAvailable();
            Map<String, String> placeholders = new HashMap<>(configuration.getPlaceholders());
            placeholders.put(PATH_COLLATION, pathCollation(dataSource));
            configuration.placeholders(placeholders);
        };
    }

    static String pathCollation(DataSource dataSource) {
        if (dataSource == null) {
            return "";
        }
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName();
            return product != null && product.toLowerCase(Locale.ROOT).contains("postgresql") ? "collate \"C\"" : "";
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot tell which database holds the unit tree", e);
        }
    }
}
