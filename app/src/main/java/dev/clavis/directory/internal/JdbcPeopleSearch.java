package dev.clavis.directory.internal;

import dev.clavis.directory.PeopleSearch;
import dev.clavis.directory.Person;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One page of people: a keyset on (email, id), so page 2,000 costs what page 1 costs, and never more
 * than the page's rows (plus one, to know whether another follows) leave the database.
 */
@Component
class JdbcPeopleSearch implements PeopleSearch {

    private final JdbcClient jdbc;

    JdbcPeopleSearch(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Page<Person> search(Criteria criteria, PageRequest page) {
        var sql = new StringBuilder(PersonRows.SELECT).append(" where 1 = 1");
        var params = new HashMap<String, Object>();
        String query = criteria.query();
        if (query != null && !query.isBlank()) {
            sql.append(" and (lower(p.display_name) like :query escape '\\' or p.email like :query escape '\\')");
            params.put("query", "%" + escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        String department = criteria.department();
        if (department != null && !department.isBlank()) {
            sql.append(" and lower(p.department) = :department");
            params.put("department", department.strip().toLowerCase(Locale.ROOT));
        }
        String group = criteria.group();
        if (group != null && !group.isBlank()) {
            sql.append(" and exists (select 1 from group_membership gm join directory_group g on g.id = gm.group_id"
                    + " where gm.person_id = p.id and g.name = :group)");
            params.put("group", group.strip());
        }
        if (criteria.status() != null) {
            sql.append(" and p.status = :status");
            params.put("status", criteria.status().name());
        }
        page.afterItem().ifPresent(after -> {
            sql.append(" and (p.email > :afterEmail or (p.email = :afterEmail and p.id > :afterId))");
            params.put("afterEmail", after.value());
            params.put("afterId", after.uuid());
        });
        sql.append(" order by p.email, p.id fetch first ").append(page.fetchSize()).append(" rows only");
        List<Person> people = jdbc.sql(sql.toString()).params(params).query(PersonRows::map).list();
        return page.page(people, Person::email, Person::id);
    }

    static String escapeLike(String value) {
        return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
