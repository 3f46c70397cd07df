package dev.clavis.grant.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The difference between what grants say and what the directory (as last synced and as confirmed
 * since) has: grants whose membership is missing, and memberships of groups Clavis manages that no
 * grant in effect explains.
 */
@Component
class Drift {

    private final NamedParameterJdbcTemplate jdbc;
    private final CatalogService catalog;

    Drift(NamedParameterJdbcTemplate jdbc, CatalogService catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    record Missing(UUID grantId, UUID personId, String email, String group) {}

    /** @param exclusiveRoles the roles whose groups are Clavis's alone: such a membership is removed */
    record Unexplained(UUID personId, String email, String group, List<String> roles, boolean exclusive) {}

    record Report(List<Missing> missing, List<Unexplained> unexplained) {}

    Report report() {
        List<Missing> missing = jdbc.query("""
                        select g.id as grant_id, g.person_id, p.email, m.group_name
                        from access_grant g
                        join grant_membership m on m.grant_id = g.id
                        join person p on p.id = g.person_id
                        where g.status = 'ACTIVE' and m.state = 'PRESENT' and not exists (
                          select 1 from group_membership gm join directory_group dg on dg.id = gm.group_id
                          where dg.name = m.group_name and gm.person_id = g.person_id)
                        order by p.email, m.group_name""",
                (rs, n) -> new Missing(rs.getObject("grant_id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("email"), rs.getString("group_name")));
        Map<String, List<Role>> managed = managedGroups();
        List<Unexplained> unexplained = new ArrayList<>();
        if (!managed.isEmpty()) {
            jdbc.query("""
                            select p.id, p.email, dg.name
                            from group_membership gm
                            join directory_group dg on dg.id = gm.group_id
                            join person p on p.id = gm.person_id
                            where dg.name in (:groups) and not exists (
                              select 1 from access_grant g join grant_membership m on m.grant_id = g.id
                              where g.person_id = gm.person_id and m.group_name = dg.name
                                and g.status in ('PENDING', 'ACTIVE'))
                            order by dg.name, p.email""",
                    Map.of("groups", List.copyOf(managed.keySet())),
                    rs -> {
                        String group = rs.getString("name");
                        List<Role> roles = managed.get(group);
                        unexplained.add(new Unexplained(rs.getObject("id", UUID.class), rs.getString("email"), group,
                                roles.stream().map(r -> r.ref().toString()).toList(), roles.stream().allMatch(Role::exclusive)));
                    });
        }
        return new Report(missing, unexplained);
    }

    /** Each group a catalog role maps to, with the roles that map to it. */
    private Map<String, List<Role>> managedGroups() {
        Map<String, List<Role>> managed = new HashMap<>();
        for (App app : catalog.current().apps()) {
            for (Role role : app.roles()) {
                role.groups().forEach(group -> managed.computeIfAbsent(group, g -> new ArrayList<>()).add(role));
            }
        }
        return managed;
    }
}
