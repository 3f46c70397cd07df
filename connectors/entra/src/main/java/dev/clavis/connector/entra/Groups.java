package dev.clavis.connector.entra;

import dev.clavis.connector.spi.DirectoryGroup;
import tools.jackson.databind.JsonNode;

/** How Graph's group resource and its members map to the SPI. */
final class Groups {

    static final String USER_TYPE = "#microsoft.graph.user";

    private Groups() {}

    static DirectoryGroup group(JsonNode group) {
        String id = group.path("id").asString();
        String name = Users.text(group, "displayName");
        return new DirectoryGroup(id, name != null ? name : id, Users.text(group, "description"));
    }

    /** Members may be users, groups, devices, contacts or service principals; only users are people. */
    static boolean isUser(JsonNode member) {
        return USER_TYPE.equals(member.path("@odata.type").asString(""));
    }
}
