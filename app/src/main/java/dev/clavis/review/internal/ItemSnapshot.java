package dev.clavis.review.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import dev.clavis.review.ReviewScope;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Starting a campaign: its items are written by two set-based statements (grants in effect, and
 * memberships of the covered groups that no grant explains), each reviewer chosen in the same
 * statement, then the items whose reviewer cannot review them fall back. Nothing passes through
 * Java memory but the catalog's roles and owners, however many items there are.
 */
@Component
class ItemSnapshot {

    /** Admins come after every app owner in the fallback order. */
    private static final int ADMIN_RANK = 1_000_000;

    private final NamedParameterJdbcTemplate jdbc;
    private final Directory directory;
    private final ReviewSettings settings;

    ItemSnapshot(NamedParameterJdbcTemplate jdbc, Directory directory, ReviewSettings settings) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.settings = settings;
    }

    /** How many items a snapshot took, how many reviewers they went to, and how many found none. */
    record Counts(long items, long reviewers, long unassigned) {}

    Counts take(Campaign campaign, Catalog catalog) {
        UUID id = campaign.id();
        ReviewScope scope = campaign.scope();
        Map<String, Role> roles = rolesInScope(scope, catalog);
        Map<String, @Nullable Role> groups = groupsInScope(scope, catalog, roles);
        writeScope(id, catalog, roles, groups);
        var params = new MapSqlParameterSource("campaign", id)
                .addValue("basis", campaign.reviewers().describe())
                .addValue("departments", scope.departments());
        String reviewer = reviewerColumn(campaign.reviewers());
        if (campaign.reviewers().kind() == ReviewerRule.Kind.USER) {
            params.addValue("reviewer", directory.personByEmail(campaign.reviewers().email()).map(Person::id).orElse(null));
        }
        String departments = scope.departments().isEmpty() ? "" : " and p.department in (:departments)";
        jdbc.update("""
                insert into review_item (campaign_id, person_id, grant_id, app_id, role_id, risk, source, granted_at,
                                         reviewer_id, reviewer_basis)
                select :campaign, g.person_id, g.id, g.app_id, g.role_id, g.risk, g.origin, g.granted_at, %s, :basis
                from access_grant g
                join review_scope_role s on s.campaign_id = :campaign and s.app_id = g.app_id and s.role_id = g.role_id
                join person p on p.id = g.person_id
                left join person m on m.external_id = p.manager_external_id
                where g.status = 'ACTIVE'%s""".formatted(reviewer, departments), params);
        jdbc.update("""
                insert into review_item (campaign_id, person_id, group_name, app_id, role_id, risk, source,
                                         reviewer_id, reviewer_basis)
                select :campaign, gm.person_id, s.group_name, s.app_id, s.role_id, s.risk, 'unmanaged', %s, :basis
                from review_scope_group s
                join directory_group dg on dg.name = s.group_name
                join group_membership gm on gm.group_id = dg.id
                join person p on p.id = gm.person_id
                left join person m on m.external_id = p.manager_external_id
                where s.campaign_id = :campaign%s and not exists (
                  select 1 from access_grant g join grant_membership x on x.grant_id = g.id
                  where g.person_id = gm.person_id and x.group_name = s.group_name and g.status in ('PENDING', 'ACTIVE'))""".formatted(reviewer, departments), params);
        fallBack(id, campaign.reviewers());
        return jdbc.queryForObject("""
                select count(*) as items, count(distinct reviewer_id) as reviewers, count(*) - count(reviewer_id) as unassigned
                from review_item where campaign_id = :campaign""", params,
                (rs, n) -> new Counts(rs.getLong("items"), rs.getLong("reviewers"), rs.getLong("unassigned")));
    }

    /**
     * Items whose reviewer is missing, is the person under review, or is no longer active go to the app's
     * first eligible owner, or else to the first eligible admin.
     */
    private void fallBack(UUID campaign, ReviewerRule rule) {
        String cannot = """
                (i.reviewer_id is null or i.reviewer_id = i.person_id
                 or i.reviewer_id in (select id from person where status <> 'ACTIVE'))""";
        reassignTo(campaign, "f.app_id = i.app_id", cannot, "app owner, instead of the " + rule.describe()
                + " (none, the person themselves, or no longer active)");
        reassignTo(campaign, "f.app_id is null", cannot, "admin, instead of the " + rule.describe()
                + " (none, the person themselves, or no longer active) and with no eligible app owner");
    }

    /**
     * Moves undecided items to the first in the fallback order (the app's owners, then the admins) who is
     * neither their current reviewer nor the person under review.
     */
    long escalate(UUID campaign) {
        return reassignTo(campaign, "(f.app_id = i.app_id or f.app_id is null) and (i.reviewer_id is null or f.person_id <> i.reviewer_id)",
                "i.decision is null", "escalated at the deadline: undecided by the previous reviewer");
    }

    private long reassignTo(UUID campaign, String candidates, String which, String basis) {
        String eligible = "from review_fallback f where f.campaign_id = i.campaign_id and " + candidates
                + " and f.person_id <> i.person_id";
        return jdbc.update("""
                update review_item i set reviewer_id = (select f.person_id %s order by f.rank fetch first 1 rows only),
                                         reviewer_basis = :basis
                where i.campaign_id = :campaign and %s and exists (select 1 %s)""".formatted(eligible, which, eligible),
                new MapSqlParameterSource("campaign", campaign).addValue("basis", basis));
    }

    private static String reviewerColumn(ReviewerRule rule) {
        return switch (rule.kind()) {
            case MANAGER -> "m.id";
            case APP_OWNER, GROUP_OWNER -> "s.owner_id";
            case USER -> "cast(:reviewer as uuid)";
        };
    }

    /** The roles whose grants are reviewed, by {@code app/role}. */
    private static Map<String, Role> rolesInScope(ReviewScope scope, Catalog catalog) {
        Map<String, Role> roles = new LinkedHashMap<>();
        for (App app : catalog.apps()) {
            for (Role role : app.roles()) {
                boolean covered = scope.everything() || scope.apps().contains(app.id())
                        || scope.roles().contains(role.ref().toString())
                        || role.groups().stream().anyMatch(scope.groups()::contains);
                if (covered) {
                    roles.put(role.ref().toString(), role);
                }
            }
        }
        return roles;
    }

    /** The groups whose memberships no grant explains are reviewed, with the role behind each, if any. */
    private static Map<String, @Nullable Role> groupsInScope(ReviewScope scope, Catalog catalog, Map<String, Role> roles) {
        Map<String, @Nullable Role> groups = new LinkedHashMap<>();
        for (Role role : roles.values()) {
            boolean wholeRole = scope.everything() || scope.apps().contains(role.appId()) || scope.roles().contains(role.ref().toString());
            for (String group : role.groups()) {
                if (wholeRole || scope.groups().contains(group)) {
                    groups.putIfAbsent(group, role);
                }
            }
        }
        for (String group : scope.groups()) {
            groups.putIfAbsent(group, roleOf(group, catalog).orElse(null));
        }
        return groups;
    }

    private static Optional<Role> roleOf(String group, Catalog catalog) {
        return catalog.apps().stream().flatMap(a -> a.roles().stream()).filter(r -> r.groups().contains(group)).findFirst();
    }

    private void writeScope(UUID campaign, Catalog catalog, Map<String, Role> roles, Map<String, @Nullable Role> groups) {
        Map<String, List<UUID>> owners = new LinkedHashMap<>();
        for (App app : catalog.apps()) {
            owners.put(app.id(), app.owners().stream().map(directory::personByEmail).flatMap(Optional::stream)
                    .filter(p -> p.status() == PersonStatus.ACTIVE).map(Person::id).toList());
        }
        var roleRows = new ArrayList<MapSqlParameterSource>();
        for (Role role : roles.values()) {
            roleRows.add(new MapSqlParameterSource("campaign", campaign).addValue("app", role.appId())
                    .addValue("role", role.id()).addValue("owner", first(owners.get(role.appId()))));
        }
        jdbc.batchUpdate("""
                insert into review_scope_role (campaign_id, app_id, role_id, owner_id) values (:campaign, :app, :role, :owner)""",
                roleRows.toArray(MapSqlParameterSource[]::new));
        var groupRows = new ArrayList<MapSqlParameterSource>();
        groups.forEach((group, role) -> groupRows.add(new MapSqlParameterSource("campaign", campaign).addValue("group", group)
                .addValue("app", role == null ? null : role.appId()).addValue("role", role == null ? null : role.id())
                .addValue("risk", role == null ? null : role.risk().value())
                .addValue("owner", role == null ? null : first(owners.get(role.appId())))));
        jdbc.batchUpdate("""
                insert into review_scope_group (campaign_id, group_name, app_id, role_id, risk, owner_id)
                values (:campaign, :group, :app, :role, :risk, :owner)""", groupRows.toArray(MapSqlParameterSource[]::new));
        var fallbackRows = new ArrayList<MapSqlParameterSource>();
        owners.forEach((app, people) -> {
            for (int rank = 0; rank < people.size(); rank++) {
                fallbackRows.add(new MapSqlParameterSource("campaign", campaign).addValue("app", app).addValue("rank", rank)
                        .addValue("person", people.get(rank)));
            }
        });
        List<Person> admins = directory.membersOf(settings.adminGroup()).stream()
                .filter(p -> p.status() == PersonStatus.ACTIVE).toList();
        for (int rank = 0; rank < admins.size(); rank++) {
            fallbackRows.add(new MapSqlParameterSource("campaign", campaign).addValue("app", null)
                    .addValue("rank", ADMIN_RANK + rank).addValue("person", admins.get(rank).id()));
        }
        jdbc.batchUpdate("""
                insert into review_fallback (campaign_id, app_id, rank, person_id) values (:campaign, :app, :rank, :person)""",
                fallbackRows.toArray(MapSqlParameterSource[]::new));
    }

    private static @Nullable UUID first(@Nullable List<UUID> people) {
        return people == null || people.isEmpty() ? null : people.get(0);
    }
}
