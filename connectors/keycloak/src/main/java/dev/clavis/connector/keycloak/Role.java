package dev.clavis.connector.keycloak;

/** The realm-management client roles whose lack a refused admin call is explained by. */
enum Role {
    VIEW_USERS("view-users"),
    QUERY_GROUPS("query-groups"),
    MANAGE_USERS("manage-users"),
    VIEW_EVENTS("view-events");

    final String roleName;

    Role(String roleName) {
        this.roleName = roleName;
    }
}
