package dev.clavis.directory.internal;

import dev.clavis.directory.Directory;
import com.fasterxml.jackson.annotation.JsonAnyGetter;
import dev.clavis.directory.PeopleSearch;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
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
    private final PeopleSearch people;

    PeopleController(JdbcClient jdbc, Directory directory, List<PersonDetails> details, PeopleSearch people) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.details = details;
        this.people = people;
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
        PersonStatus wanted = status == null || status.isBlank() ? null : parseStatus(status);
        return people.search(new PeopleSearch.Criteria(query, department, group, wanted), page).map(PersonView::of);
    }

    private static PersonStatus parseStatus(String status) {
        String wanted = status.strip().toUpperCase(Locale.ROOT);
        if (!List.of("ACTIVE", "SUSPENDED", "DEPARTED").contains(wanted)) {
            throw new InvalidInputException("status", "must be ACTIVE, SUSPENDED or DEPARTED, not '" + status + "'");
        }
        return PersonStatus.valueOf(wanted);
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

}
