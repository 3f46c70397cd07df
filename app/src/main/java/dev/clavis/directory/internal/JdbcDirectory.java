package dev.clavis.directory.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.Group;
import dev.clavis.directory.Person;
import dev.clavis.platform.PersonResolver;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

@Component
class JdbcDirectory implements Directory, PersonResolver {

    /** Ids per {@code in} list: well under the bind-parameter limits of H2 and PostgreSQL. */
    private static final int IDS_PER_READ = 1000;

    private final JdbcClient jdbc;
    private final JdbcTemplate batches;
    private final Clock clock;

    JdbcDirectory(JdbcClient jdbc, JdbcTemplate batches, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.clock = clock;
    }

    @Override
    public Optional<Person> person(UUID id) {
        return jdbc.sql(PersonRows.SELECT + " where p.id = :id").param("id", id).query(PersonRows::map).optional();
    }

    @Override
    public Map<UUID, Person> people(Collection<UUID> ids) {
        var found = new HashMap<UUID, Person>();
        List<UUID> distinct = List.copyOf(new HashSet<>(ids));
        for (int from = 0; from < distinct.size(); from += IDS_PER_READ) {
            jdbc.sql(PersonRows.SELECT + " where p.id in (:ids)")
                    .param("ids", distinct.subList(from, Math.min(distinct.size(), from + IDS_PER_READ)))
                    .query(PersonRows::map).list()
                    .forEach(person -> found.put(person.id(), person));
        }
        return found;
    }

    @Override
    public Optional<Person> personByEmail(String email) {
        return jdbc.sql(PersonRows.SELECT + """
                         where p.email = :email
                         order by case p.status when 'DEPARTED' then 1 else 0 end, p.updated_at desc""")
                .param("email", email.strip().toLowerCase(Locale.ROOT))
                .query(PersonRows::map)
                .list().stream().findFirst();
    }

    @Override
    public Optional<Person> resolve(String idOrEmail) {
        String value = idOrEmail.strip();
        if (value.contains("@")) {
            return personByEmail(value);
        }
        try {
            return person(UUID.fromString(value));
        } catch (IllegalArgumentException notAnId) {
            return Optional.empty();
        }
    }

    @Override
    public Optional<ResolvedPerson> resolvePerson(String idOrEmail) {
        return resolve(idOrEmail).map(p -> new ResolvedPerson(p.id(), p.email()));
    }

    @Override
    public Optional<Group> groupByName(String name) {
        return jdbc.sql(GroupRows.SELECT + " where g.name = :name").param("name", name).query(GroupRows::map).optional();
    }

    @Override
    public Set<String> groupNamesOf(UUID personId) {
        return new HashSet<>(jdbc.sql("""
                        select g.name from group_membership m join directory_group g on g.id = m.group_id
                        where m.person_id = :person""")
                .param("person", personId)
                .query(String.class)
                .list());
    }

    @Override
    public Set<String> existingGroupNames(Collection<String> names) {
        if (names.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("select name from directory_group where name in (:names)")
                .param("names", List.copyOf(new HashSet<>(names)))
                .query(String.class)
                .list());
    }

    @Override
    public Map<String, String> groupExternalIds(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        var ids = new HashMap<String, String>();
        jdbc.sql("select name, external_id from directory_group where name in (:names)")
                .param("names", List.copyOf(new HashSet<>(names)))
                .query(rs -> {
                    ids.put(rs.getString("name"), rs.getString("external_id"));
                });
        return ids;
    }

    @Override
    public Map<String, String> groupsManagedElsewhere(Collection<String> names) {
        if (names.isEmpty()) {
            return Map.of();
        }
        var managed = new TreeMap<String, String>();
        jdbc.sql("select name, managed_elsewhere from directory_group where name in (:names) and managed_elsewhere is not null")
                .param("names", List.copyOf(new HashSet<>(names)))
                .query(rs -> {
                    managed.put(rs.getString("name"), rs.getString("managed_elsewhere"));
                });
        return managed;
    }

    @Override
    public List<Person> membersOf(String groupName) {
        return jdbc.sql(PersonRows.SELECT + """
                         join group_membership gm on gm.person_id = p.id
                         join directory_group g on g.id = gm.group_id
                         where g.name = :name order by p.email""")
                .param("name", groupName)
                .query(PersonRows::map)
                .list();
    }

    @Override
    public void recordMemberships(List<MembershipChange> changes) {
        OffsetDateTime now = clock.instant().atOffset(ZoneOffset.UTC);
        batches.batchUpdate("""
                        insert into group_membership (group_id, person_id, recorded_at)
                        select g.id, ?, ? from directory_group g
                        where g.name = ? and not exists (
                          select 1 from group_membership m where m.group_id = g.id and m.person_id = ?)""",
                changes.stream().filter(MembershipChange::member)
                        .map(c -> new Object[] {c.personId(), now, c.groupName(), c.personId()}).toList());
        batches.batchUpdate("""
                        delete from group_membership where person_id = ?
                        and group_id in (select id from directory_group where name = ?)""",
                changes.stream().filter(c -> !c.member()).map(c -> new Object[] {c.personId(), c.groupName()}).toList());
    }
}
