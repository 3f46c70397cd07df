package dev.clavis.directory.internal;

import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes one page of a sync at a time, each in its own transaction, so a sync of any size needs only
 * a page in memory. Every row read is stamped with the sync's id; what a complete read did not stamp
 * is gone from the directory.
 */
@Component
class SyncWriter {

    private static final Logger log = LoggerFactory.getLogger(SyncWriter.class);

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final Clock clock;

    SyncWriter(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.named = new NamedParameterJdbcTemplate(jdbc);
        this.clock = clock;
    }

    record PageResult(int added, int updated) {}

    @Transactional
    PageResult writePeople(UUID syncId, List<DirectoryPerson> page) {
        var byId = unique(page, DirectoryPerson::id);
        Map<String, StoredPerson> existing = new HashMap<>();
        named.query("""
                        select id, external_id, email, display_name, department, title, manager_external_id,
                               employee_type, status, last_login_at
                        from person where external_id in (:ids)""",
                Map.of("ids", List.copyOf(byId.keySet())),
                rs -> {
                    var stored = new StoredPerson(
                            rs.getObject("id", UUID.class),
                            new Fields(rs.getString("email"), rs.getString("display_name"), rs.getString("department"),
                                    rs.getString("title"), rs.getString("manager_external_id"),
                                    rs.getString("employee_type"), rs.getString("status"),
                                    instant(rs.getObject("last_login_at", OffsetDateTime.class))));
                    existing.put(rs.getString("external_id"), stored);
                });
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        var touches = new ArrayList<Object[]>();
        OffsetDateTime now = now();
        for (DirectoryPerson person : byId.values()) {
            Fields fields = Fields.of(person);
            StoredPerson stored = existing.get(person.id());
            if (stored == null) {
                inserts.add(new Object[] {UUID.randomUUID(), person.id(), fields.email, fields.displayName,
                    fields.department, fields.title, fields.managerExternalId, fields.employeeType, fields.status,
                    timestamp(fields.lastLoginAt), syncId, now});
            } else if (!stored.fields.equals(fields)) {
                updates.add(new Object[] {fields.email, fields.displayName, fields.department, fields.title,
                    fields.managerExternalId, fields.employeeType, fields.status, timestamp(fields.lastLoginAt),
                    syncId, now, stored.id});
            } else {
                touches.add(new Object[] {syncId, stored.id});
            }
        }
        jdbc.batchUpdate("""
                insert into person (id, external_id, email, display_name, department, title, manager_external_id,
                                    employee_type, status, last_login_at, seen_in_sync, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", inserts);
        jdbc.batchUpdate("""
                update person set email = ?, display_name = ?, department = ?, title = ?, manager_external_id = ?,
                                  employee_type = ?, status = ?, last_login_at = ?, seen_in_sync = ?, updated_at = ?
                where id = ?""", updates);
        jdbc.batchUpdate("update person set seen_in_sync = ? where id = ?", touches);
        return new PageResult(inserts.size(), updates.size());
    }

    @Transactional
    PageResult writeGroups(UUID syncId, List<DirectoryGroup> page) {
        var byId = unique(page, DirectoryGroup::id);
        Map<String, UUID> existing = new HashMap<>();
        Map<String, DirectoryGroup> stored = new HashMap<>();
        named.query("""
                        select id, external_id, name, description, managed_elsewhere
                        from directory_group where external_id in (:ids)""",
                Map.of("ids", List.copyOf(byId.keySet())),
                rs -> {
                    String externalId = rs.getString("external_id");
                    existing.put(externalId, rs.getObject("id", UUID.class));
                    stored.put(externalId, new DirectoryGroup(externalId, rs.getString("name"), rs.getString("description"),
                            rs.getString("managed_elsewhere")));
                });
        var inserts = new ArrayList<Object[]>();
        var updates = new ArrayList<Object[]>();
        OffsetDateTime now = now();
        for (DirectoryGroup group : byId.values()) {
            UUID id = existing.get(group.id());
            if (id == null) {
                inserts.add(new Object[] {UUID.randomUUID(), group.id(), group.name(), group.description(),
                    group.managedElsewhere(), syncId, now});
            } else {
                updates.add(new Object[] {group.name(), group.description(), group.managedElsewhere(), syncId,
                    group.equals(stored.get(group.id())) ? null : now, id});
            }
        }
        jdbc.batchUpdate("""
                insert into directory_group (id, external_id, name, description, managed_elsewhere, seen_in_sync,
                                             updated_at)
                values (?, ?, ?, ?, ?, ?, ?)""", inserts);
        jdbc.batchUpdate("""
                update directory_group set name = ?, description = ?, managed_elsewhere = ?, seen_in_sync = ?,
                                           updated_at = coalesce(?, updated_at)
                where id = ?""", updates);
        long changed = updates.stream().filter(u -> u[4] != null).count();
        return new PageResult(inserts.size(), (int) changed);
    }

    /** Stages a page of memberships by Clavis ids; members that are not synced people are left out. */
    @Transactional
    int stageMemberships(UUID syncId, List<DirectoryMembership> page) {
        Map<String, UUID> groups = ids("directory_group", page.stream().map(DirectoryMembership::groupId).distinct().toList());
        Map<String, UUID> people = ids("person", page.stream().map(DirectoryMembership::personId).distinct().toList());
        var rows = new ArrayList<Object[]>();
        for (DirectoryMembership membership : page) {
            UUID group = groups.get(membership.groupId());
            UUID person = people.get(membership.personId());
            if (group != null && person != null) {
                rows.add(new Object[] {syncId, group, person});
            }
        }
        jdbc.batchUpdate("insert into membership_stage (sync_id, group_id, person_id) values (?, ?, ?)", rows);
        return rows.size();
    }

    /**
     * Makes group_membership equal to what was staged, except for memberships recorded after the
     * sync started reading (confirmed by provisioning meanwhile); answers {added, removed}.
     */
    @Transactional
    int[] applyStagedMemberships(UUID syncId, Instant readStartedAt) {
        int removed = jdbc.update("""
                delete from group_membership m where m.recorded_at < ? and not exists (
                  select 1 from membership_stage s
                  where s.sync_id = ? and s.group_id = m.group_id and s.person_id = m.person_id)""",
                readStartedAt.atOffset(ZoneOffset.UTC), syncId);
        int added = jdbc.update("""
                insert into group_membership (group_id, person_id, recorded_at)
                select distinct s.group_id, s.person_id, ? from membership_stage s
                where s.sync_id = ? and not exists (
                  select 1 from group_membership m where m.group_id = s.group_id and m.person_id = s.person_id)""",
                now(), syncId);
        jdbc.update("delete from membership_stage where sync_id = ?", syncId);
        return new int[] {added, removed};
    }

    /**
     * Refreshes the query planner's statistics. A sync can take these tables from empty to a million rows
     * in minutes, sooner than autovacuum analyzes them (or ever, where it is off); without statistics
     * PostgreSQL answers each page's look-up of 500 external ids with a sequential scan, so the next sync
     * of 100,000 people scans the person table 200 times. A plain {@code analyze} means the same on H2 and
     * PostgreSQL; it samples a bounded number of rows per table, whatever their size. Statistics only make
     * later syncs faster, so an account without the right to analyze (H2 requires an admin) gets a warning,
     * not a failed sync.
     */
    void refreshStatistics() {
        try {
            jdbc.execute("analyze");
        } catch (DataAccessException e) {
            log.warn("Could not refresh the database's statistics after a sync; later syncs may be slower: {}",
                    e.getMessage());
        }
    }

    int countPeopleNotSeen(UUID syncId) {
        return Objects.requireNonNull(jdbc.queryForObject("""
                select count(*) from person
                where status <> 'DEPARTED' and (seen_in_sync is null or seen_in_sync <> ?)""", Integer.class, syncId));
    }

    int countPeopleStillHere() {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from person where status <> 'DEPARTED'", Integer.class));
    }

    int countGroupsNotSeen(UUID syncId) {
        return Objects.requireNonNull(jdbc.queryForObject(
                "select count(*) from directory_group where seen_in_sync is null or seen_in_sync <> ?",
                Integer.class, syncId));
    }

    int countGroups() {
        return Objects.requireNonNull(jdbc.queryForObject("select count(*) from directory_group", Integer.class));
    }

    @Transactional
    int markDeparted(UUID syncId) {
        return jdbc.update("""
                update person set status = 'DEPARTED', updated_at = ?
                where status <> 'DEPARTED' and (seen_in_sync is null or seen_in_sync <> ?)""", now(), syncId);
    }

    @Transactional
    int removeGroupsNotSeen(UUID syncId) {
        return jdbc.update("delete from directory_group where seen_in_sync is null or seen_in_sync <> ?", syncId);
    }

    @Transactional
    void discardStage(UUID syncId) {
        jdbc.update("delete from membership_stage where sync_id = ?", syncId);
    }

    private Map<String, UUID> ids(String table, List<String> externalIds) {
        Map<String, UUID> ids = new HashMap<>();
        if (!externalIds.isEmpty()) {
            named.query("select id, external_id from " + table + " where external_id in (:ids)",
                    Map.of("ids", externalIds),
                    rs -> {
                        ids.put(rs.getString("external_id"), rs.getObject("id", UUID.class));
                    });
        }
        return ids;
    }

    /** A provider may list an entry twice within a page; the last one wins. */
    private static <T> Map<String, T> unique(List<T> page, Function<T, String> id) {
        var byId = new LinkedHashMap<String, T>();
        page.forEach(item -> byId.put(id.apply(item), item));
        return byId;
    }

    private OffsetDateTime now() {
        return clock.instant().atOffset(ZoneOffset.UTC);
    }

    private static @Nullable OffsetDateTime timestamp(@Nullable Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private record StoredPerson(UUID id, Fields fields) {}

    /** The synced fields of a person, normalised as stored, so "changed" means a real change. */
    private record Fields(
            String email,
            String displayName,
            @Nullable String department,
            @Nullable String title,
            @Nullable String managerExternalId,
            @Nullable String employeeType,
            String status,
            @Nullable Instant lastLoginAt) {

        static Fields of(DirectoryPerson person) {
            return new Fields(
                    person.email().strip().toLowerCase(Locale.ROOT),
                    person.displayName(),
                    person.department(),
                    person.title(),
                    person.managerId(),
                    person.employeeType(),
                    person.status().name(),
                    person.lastLoginAt() == null ? null : person.lastLoginAt().truncatedTo(java.time.temporal.ChronoUnit.MILLIS));
        }
    }
}
