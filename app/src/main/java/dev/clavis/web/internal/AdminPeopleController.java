package dev.clavis.web.internal;

import dev.clavis.directory.Directory;
import dev.clavis.directory.PeopleSearch;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grants;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.Page;
import dev.clavis.platform.PageRequest;
import dev.clavis.request.AccessRequests;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/** People as last synced: a paged search, and one person's attributes, groups, grants and requests. */
@Controller
class AdminPeopleController {

    static final int PAGE_SIZE = 50;
    static final int RECENT_REQUESTS = 20;
    static final int MAX_GROUPS_SHOWN = 500;

    private final PeopleSearch people;
    private final Directory directory;
    private final Grants grants;
    private final AccessRequests requests;

    AdminPeopleController(PeopleSearch people, Directory directory, Grants grants, AccessRequests requests) {
        this.people = people;
        this.directory = directory;
        this.grants = grants;
        this.requests = requests;
    }

    @ModelAttribute("me")
    WebUser me(Authentication auth) {
        return WebUser.of(auth);
    }

    @GetMapping("/admin/people")
    String search(@RequestParam(defaultValue = "") String q, @RequestParam(defaultValue = "") String department,
            @RequestParam(required = false) @Nullable String cursor, Model model) {
        model.addAttribute("q", q);
        model.addAttribute("department", department);
        Page<Person> page;
        try {
            page = people.search(PeopleSearch.Criteria.matching(q, department), PageRequest.of(cursor, PAGE_SIZE));
        } catch (InvalidInputException badCursor) {
            model.addAttribute("problem", badCursor.getMessage());
            page = new Page<>(List.of(), null);
        }
        model.addAttribute("page", page);
        model.addAttribute("continued", cursor != null && !cursor.isBlank());
        return "web/admin-people";
    }

    @GetMapping("/admin/people/{id}")
    String person(@PathVariable UUID id, Model model) {
        Person person = directory.person(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<String> groups = directory.groupNamesOf(id).stream().sorted().toList();
        model.addAttribute("person", person);
        model.addAttribute("manager", person.managerId() == null ? null : directory.person(person.managerId()).orElse(null));
        model.addAttribute("groups", groups.subList(0, Math.min(groups.size(), MAX_GROUPS_SHOWN)));
        model.addAttribute("groupCount", groups.size());
        model.addAttribute("grants", grants.inEffectFor(id));
        model.addAttribute("requests", requests.of(id, RECENT_REQUESTS));
        return "web/admin-person";
    }
}
