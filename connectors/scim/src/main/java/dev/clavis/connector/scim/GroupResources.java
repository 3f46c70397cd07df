package dev.clavis.connector.scim;

import static dev.clavis.connector.scim.Attributes.id;
import static dev.clavis.connector.scim.Attributes.text;

import dev.clavis.connector.spi.DirectoryGroup;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.JsonNode;

/** Groups as SCIM Group resources (RFC 7643 section 4.2). */
final class GroupResources {

    private GroupResources() {}

    /** SCIM's core Group has no description; a group without a displayName is named by its id. */
    static DirectoryGroup group(JsonNode group) {
        String id = id(group, "group");
        String name = text(group, "displayName");
        return new DirectoryGroup(id, name == null ? id : name, null);
    }

    /**
     * The ids of the group's direct members that are people. A member is a group where its {@code type} says
     * so or, without a type, where its {@code $ref} points at a Group resource.
     */
    static List<String> personMembers(JsonNode group) {
        var people = new ArrayList<String>();
        for (JsonNode member : group.path("members")) {
            String value = text(member, "value");
            if (value != null && !isGroup(member)) {
                people.add(value);
            }
        }
        return people;
    }

    private static boolean isGroup(JsonNode member) {
        String type = text(member, "type");
        if (type != null) {
            return type.equalsIgnoreCase("Group");
        }
        String ref = text(member, "$ref");
        return ref != null && ref.contains("/Groups/");
    }
}
