package dev.clavis.directory.internal;

import dev.clavis.directory.Directory;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonDetails;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class PeopleController {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final List<PersonDetails> details;

    PeopleController(JdbcClient jdbc, Directory directory, List<PersonDetails> details) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.details = details;
    }

    record PersonView(
            UUID id,
            String email,
            String displayName,
            @Nullable String department,
            @Nullable String title,
            @Nullable UUID managerId,
            @Nullable String employeeType,
            String status,
            @Nullable Instant lastLoginAt) {

        static PersonView of(Person p) {
            return new PersonView(p.id(), p.email(), p.displayName(), p.department(), p.title(), p.managerId(),
                    p.employeeType(), p.status().name(), p.lastLoginAt());
        }
    }

    record GroupRef(UUID id, String name) {}

    record PersonDetail(
            UUID id,
            String email,
            String displayName,
            @Nullable String department,
            @Nullable String title,
            @Nullable UUID managerId,
            @Nullable String employeeType,
            String status,
            @Nullable Instant lastLoginAt,
            String externalId,
            List<GroupRef> groups,
            @JsonAnyGetter Map<String, Object> more) {}

    @GetMapping("/api/v1/people")
    Page<PersonView> list(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String department,
            @RequestParam(required = false) @Nullable String group,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var sql = new StringBuilder(PersonRows.SELECT).append(" where 1 = 1");
        var params = new java.util.HashMap<String, Object>();
        if (query != null && !query.isBlank()) {
            sql.append(" and (lower(p.display_name) like :query escape '\\' or p.email like :query escape '\\')");
            params.put("query", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        if (department != null && !department.isBlank()) {
            sql.append(" and lower(p.department) = :department");
            params.put("department", department.strip().toLowerCase(Locale.ROOT));
        }
        if (group != null && !group.isBlank()) {
            sql.append(" and exists (select 1 from group_membership gm join directory_group g on g.id = gm.group_id"
                    + " where gm.person_id = p.id and g.name = :group)");
            params.put("group", group.strip());
        }
        if (status != null && !status.isBlank()) {
            String wanted = status.strip().toUpperCase(Locale.ROOT);
            if (!List.of("ACTIVE", "SUSPENDED", "DEPARTED").contains(wanted)) {
                throw new InvalidInputException("status", "must be ACTIVE, SUSPENDED or DEPARTED, not '" + status + "'");
            }
            sql.append(" and p.status = :status");
            params.put("status", wanted);
        }
        page.afterItem().ifPresent(after -> {
            sql.append(" and (p.email > :afterEmail or (p.email = :afterEmail and p.id > :afterId))");
            params.put("afterEmail", after.value());
            params.put("afterId", after.uuid());
        });
        sql.append(" order by p.email, p.id fetch first ").append(page.fetchSize()).append(" rows only");
        List<Person> people = jdbc.sql(sql.toString()).params(params).query(PersonRows::map).list();
        return page.page(people, Person::email, Person::id).map(PersonView::of);
    }

    @GetMapping("/api/v1/people/{idOrEmail}")
    PersonDetail get(@PathVariable String idOrEmail) {
        Person p = directory.resolve(idOrEmail)
                .orElseThrow(() -> new NotFoundException("There is no person '" + idOrEmail + "' in the directory"));
        List<GroupRef> groups = jdbc.sql("""
                        select g.id, g.name from group_membership m join directory_group g on g.id = m.group_id
                        where m.person_id = :person order by g.name""")
                .param("person", p.id())
                .query((rs, n) -> new GroupRef(rs.getObject("id", UUID.class), rs.getString("name")))
                .list();
        var more = new LinkedHashMap<String, Object>();
        details.forEach(detail -> more.put(detail.name(), detail.of(p.id())));
        return new PersonDetail(p.id(), p.email(), p.displayName(), p.department(), p.title(), p.managerId(),
                p.employeeType(), p.status().name(), p.lastLoginAt(), p.externalId(), groups, more);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
