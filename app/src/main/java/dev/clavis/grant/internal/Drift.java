package dev.clavis.grant.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.grant.DriftReport;
import dev.clavis.grant.DriftReport.Missing;
import dev.clavis.grant.DriftReport.Unexplained;
import dev.clavis.grant.DriftReports;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.UUID;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The difference between what grants say and what the directory (as last synced and as confirmed
 * since) has: grants whose membership is missing, and memberships of groups Clavis manages that no
 * grant in effect explains.
 */
@Component
class Drift implements DriftReports {

    private static final String MISSING = """
            from access_grant g
            join grant_membership m on m.grant_id = g.id
            join person p on p.id = g.person_id
            where g.status = 'ACTIVE' and m.state = 'PRESENT' and not exists (
              select 1 from group_membership gm join directory_group dg on dg.id = gm.group_id
              where dg.name = m.group_name and gm.person_id = g.person_id)""";

    private static final String UNEXPLAINED = """
            from group_membership gm
            join directory_group dg on dg.id = gm.group_id
            join person p on p.id = gm.person_id
            where dg.name in (:groups) and not exists (
              select 1 from access_grant g join grant_membership m on m.grant_id = g.id
              where g.person_id = gm.person_id and m.group_name = dg.name
                and g.status in ('PENDING', 'ACTIVE'))""";

    private final NamedParameterJdbcTemplate jdbc;
    private final CatalogService catalog;

    Drift(NamedParameterJdbcTemplate jdbc, CatalogService catalog) {
        this.jdbc = jdbc;
        this.catalog = catalog;
    }

    record Report(List<Missing> missing, List<Unexplained> unexplained) {}

    /** All of it, for reconciliation and the API. */
    Report report() {
        Map<String, List<Role>> managed = managedGroups();
        return new Report(missing(OptionalInt.empty()), unexplained(managed, " order by dg.name, p.email"));
    }

    /**
     * Counts stop at {@link DriftReport#COUNT_LIMIT}: past it, how many more is not worth reading every
     * membership of the largest groups on each view. Unexplained memberships come in the primary key's
     * order (group, person), so the first rows are read off the index rather than sorted out of all of them.
     */
    @Override
    public DriftReport report(int limit) {
        Map<String, List<Role>> managed = managedGroups();
        var groups = Map.of("groups", List.copyOf(managed.keySet()));
        long unexplainedCount = managed.isEmpty() ? 0 : count("select 1 " + UNEXPLAINED, groups);
        List<Unexplained> unexplained = managed.isEmpty() ? List.of()
                : unexplained(managed, " order by gm.group_id, gm.person_id" + fetchFirst(OptionalInt.of(limit)));
        return new DriftReport(missing(OptionalInt.of(limit)), count("select 1 " + MISSING, Map.of()), unexplained,
                unexplainedCount);
    }

    private long count(String rows, Map<String, ?> params) {
        return jdbc.queryForObject("select count(*) from (" + rows + " fetch first " + DriftReport.COUNT_LIMIT + " rows only) counted",
                params, Long.class);
    }

    private List<Missing> missing(OptionalInt limit) {
        return jdbc.query("select g.id as grant_id, g.person_id, p.email, m.group_name " + MISSING
                        + " order by p.email, m.group_name" + fetchFirst(limit),
                (rs, n) -> new Missing(rs.getObject("grant_id", UUID.class), rs.getObject("person_id", UUID.class),
                        rs.getString("email"), rs.getString("group_name")));
    }

    private List<Unexplained> unexplained(Map<String, List<Role>> managed, String order) {
        List<Unexplained> unexplained = new ArrayList<>();
        if (managed.isEmpty()) {
            return unexplained;
        }
        jdbc.query("select p.id, p.email, dg.name " + UNEXPLAINED + order,
                Map.of("groups", List.copyOf(managed.keySet())),
                rs -> {
                    String group = rs.getString("name");
                    List<Role> roles = managed.get(group);
                    unexplained.add(new Unexplained(rs.getObject("id", UUID.class), rs.getString("email"), group,
                            roles.stream().map(r -> r.ref().toString()).toList(), roles.stream().allMatch(Role::exclusive)));
                });
        return unexplained;
    }

    private static String fetchFirst(OptionalInt limit) {
        return limit.isPresent() ? " fetch first " + Math.max(1, limit.getAsInt()) + " rows only" : "";
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
