package dev.clavis.directory.internal;

import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** How a person is read from the database: the manager is resolved from its external id by a join. */
final class PersonRows {

    static final String SELECT = """
            select p.id, p.external_id, p.email, p.display_name, p.department, p.title, m.id as manager_id,
                   p.employee_type, p.status, p.last_login_at
            from person p left join person m on m.external_id = p.manager_external_id
            """;

    private PersonRows() {}

    static Person map(ResultSet rs, int row) throws SQLException {
        return new Person(
                rs.getObject("id", UUID.class),
                rs.getString("external_id"),
                rs.getString("email"),
                rs.getString("display_name"),
                rs.getString("department"),
                rs.getString("title"),
                rs.getObject("manager_id", UUID.class),
                rs.getString("employee_type"),
                PersonStatus.valueOf(rs.getString("status")),
                instant(rs.getObject("last_login_at", OffsetDateTime.class)));
    }

    private static java.time.@Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }
}
