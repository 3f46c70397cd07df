package dev.clavis.review;

import java.util.List;

/**
 * What a campaign covers. Apps, roles and groups each add access to review (all managed access when
 * none is given); departments, when given, narrow it to the people in them.
 *
 * @param roles as {@code app/role}
 */
public record ReviewScope(List<String> apps, List<String> roles, List<String> groups, List<String> departments) {

    public ReviewScope {
        apps = List.copyOf(apps);
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
        departments = List.copyOf(departments);
    }

    public boolean everything() {
        return apps.isEmpty() && roles.isEmpty() && groups.isEmpty();
    }
}
