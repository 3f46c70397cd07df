package dev.clavis.directory.internal;

import dev.clavis.directory.Group;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class GroupsController {

    private final JdbcClient jdbc;

    GroupsController(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    record GroupView(UUID id, String name, @Nullable String description, int memberCount, String externalId) {

        static GroupView of(Group g) {
            return new GroupView(g.id(), g.name(), g.description(), g.memberCount(), g.externalId());
        }
    }

    @GetMapping("/api/v1/groups")
    Page<GroupView> list(
            @RequestParam(required = false) @Nullable String query,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable Integer limit) {
        PageRequest page = PageRequest.of(cursor, limit);
        var sql = new StringBuilder(GroupRows.SELECT).append(" where 1 = 1");
        var params = new HashMap<String, Object>();
        if (query != null && !query.isBlank()) {
            sql.append(" and lower(g.name) like :query escape '\\'");
            params.put("query", "%" + JdbcPeopleSearch.escapeLike(query.strip().toLowerCase(Locale.ROOT)) + "%");
        }
        page.afterItem().ifPresent(after -> {
            sql.append(" and (g.name > :afterName or (g.name = :afterName and g.id > :afterId))");
            params.put("afterName", after.value());
            params.put("afterId", after.uuid());
        });
        sql.append(" order by g.name, g.id fetch first ").append(page.fetchSize()).append(" rows only");
        List<Group> groups = jdbc.sql(sql.toString()).params(params).query(GroupRows::map).list();
        return page.page(groups, Group::name, Group::id).map(GroupView::of);
    }

    @GetMapping("/api/v1/groups/{id}")
    GroupView get(@PathVariable UUID id) {
        return jdbc.sql(GroupRows.SELECT + " where g.id = :id").param("id", id).query(GroupRows::map).optional()
                .map(GroupView::of)
                .orElseThrow(() -> new NotFoundException("There is no group " + id));
    }
}
