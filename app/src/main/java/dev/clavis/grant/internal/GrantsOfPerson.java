package dev.clavis.grant.internal;

import dev.clavis.directory.PersonDetails;
import dev.clavis.grant.Grant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Component;

/** A person's grants in effect, shown with the person. */
@Component
class GrantsOfPerson implements PersonDetails {

    private final GrantStore store;

    GrantsOfPerson(GrantStore store) {
        this.store = store;
    }

    @Override
    public String name() {
        return "grants";
    }

    @Override
    public List<Map<String, Object>> of(UUID personId) {
        return store.inEffectFor(personId).stream().map(GrantsOfPerson::summary).toList();
    }

    private static Map<String, Object> summary(Grant grant) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("id", grant.id());
        summary.put("app", grant.role().appId());
        summary.put("role", grant.role().roleId());
        summary.put("status", grant.status().name());
        summary.put("groups", grant.groups());
        summary.put("expiresAt", grant.expiresAt());
        return summary;
    }
}
