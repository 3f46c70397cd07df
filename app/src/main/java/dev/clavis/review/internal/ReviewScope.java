package dev.clavis.review.internal;

import java.util.List;

/**
 * What a campaign covers. Apps, roles and groups each add access to review (all managed access when
 * none is given); departments, when given, narrow it to the people in them.
 *
 * @param roles as {@code app/role}
 */
record ReviewScope(List<String> apps, List<String> roles, List<String> groups, List<String> departments) {

    ReviewScope {
        apps = List.copyOf(apps);
        roles = List.copyOf(roles);
        groups = List.copyOf(groups);
        departments = List.copyOf(departments);
    }

    boolean everything() {
        return apps.isEmpty() && roles.isEmpty() && groups.isEmpty();
    }
}
