package dev.clavis.directory.internal;

import dev.clavis.directory.Group;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

final class GroupRows {

    static final String SELECT = """
            select g.id, g.external_id, g.name, g.description,
                   (select count(*) from group_membership m where m.group_id = g.id) as member_count
            from directory_group g
            """;

    private GroupRows() {}

    static Group map(ResultSet rs, int row) throws SQLException {
        return new Group(
                rs.getObject("id", UUID.class),
                rs.getString("external_id"),
                rs.getString("name"),
                rs.getString("description"),
                rs.getInt("member_count"));
    }
}
