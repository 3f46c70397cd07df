package dev.clavis.connector.entra;

/**
 * What a Graph call is for, in words for error messages.
 *
 * @param description completes "could not ...", e.g. {@code add 1b2c… to group 9f8e…}
 * @param permission the least-privileged application permission Graph wants for it
 */
record GraphAction(String description, String permission) {

    static GraphAction readUsers(String description) {
        return new GraphAction(description, "User.Read.All");
    }

    static GraphAction readGroups(String description) {
        return new GraphAction(description, "GroupMember.Read.All");
    }

    static GraphAction changeMembers(String description) {
        return new GraphAction(description, "GroupMember.ReadWrite.All");
    }

    static GraphAction changeUsers(String description) {
        return new GraphAction(description, "User.ReadWrite.All");
    }
}
