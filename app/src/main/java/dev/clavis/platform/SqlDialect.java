package dev.clavis.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;
import javax.sql.DataSource;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * Where Clavis's SQL differs between the databases it runs on (H2 and PostgreSQL), told once from the
 * data source instead of by each module that locks rows.
 *
 * @param postgres whether the database is PostgreSQL, else H2
 */
public record SqlDialect(boolean postgres) {

    public static SqlDialect of(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection()) {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            return new SqlDialect(product.contains("postgres"));
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Could not tell which database " + dataSource + " is", e);
        }
    }

    /**
     * {@code for update} of the rows of one table of a join (its alias), not of the others'. H2 takes only
     * the first table's locks anyway, and has no {@code of}.
     */
    public String forUpdateOf(String alias) {
        return postgres ? "for update of " + alias : "for update";
    }

    /**
     * Whether Clavis locks with {@code for update skip locked}: on PostgreSQL. H2 (2.2 on) accepts the clause
     * too, but Clavis runs there as a single embedded instance, and its claims and db-scheduler's polling were
     * built and measured without it.
     */
    public boolean skipLocked() {
        return postgres;
    }

    /** {@code for update}, passing over rows other transactions hold where the database can. */
    public String forUpdateSkippingLocked() {
        return skipLocked() ? "for update skip locked" : "for update";
    }
}
