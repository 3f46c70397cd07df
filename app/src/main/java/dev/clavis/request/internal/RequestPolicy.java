package dev.clavis.request.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.PolicyCondition;
import dev.clavis.catalog.Role;
import dev.clavis.catalog.RoleRef;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.grant.Grant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** The parts of a role's policy that need the people involved: auto-approval and conflicts. */
@Component
class RequestPolicy {

    private final Directory directory;

    RequestPolicy(Directory directory) {
        this.directory = directory;
    }

    /** Whether the role's CEL condition approves this request by itself. */
    boolean autoApproves(Role role, Person requester, Person beneficiary, AccessDuration duration) {
        PolicyCondition condition = role.autoApprove();
        if (condition == null) {
            return false;
        }
        var roleFacts = new HashMap<String, Object>();
        roleFacts.put("app", role.appId());
        roleFacts.put("id", role.id());
        roleFacts.put("risk", role.risk().value());
        return condition.test(facts(requester), facts(beneficiary), roleFacts,
                duration.isPermanent() ? PolicyCondition.PERMANENT_DURATION : duration.length());
    }

    /**
     * A grant in effect that would make a toxic combination with the role: the role names the other
     * role in {@code conflictsWith}, or the other role names this one.
     */
    Optional<Grant> conflict(Catalog catalog, Role role, List<Grant> inEffect) {
        for (Grant held : inEffect) {
            RoleRef other = held.role();
            boolean named = role.conflictsWith().contains(other)
                    || catalog.role(other).map(r -> r.conflictsWith().contains(role.ref())).orElse(false);
            if (named) {
                return Optional.of(held);
            }
        }
        return Optional.empty();
    }

    private Map<String, Object> facts(Person person) {
        var facts = new HashMap<String, Object>();
        facts.put("id", person.id().toString());
        facts.put("email", person.email());
        facts.put("department", nullToEmpty(person.department()));
        facts.put("title", nullToEmpty(person.title()));
        facts.put("employeeType", nullToEmpty(person.employeeType()));
        facts.put("groups", new ArrayList<>(directory.groupNamesOf(person.id())));
        return facts;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
