package dev.clavis.connector.scim;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The simulator's users and groups, kept in creation order, and the SCIM semantics it serves them with:
 * list paging, {@code attributes}/{@code excludedAttributes}, the filters this connector sends, and
 * PATCH of members and {@code active} as RFC 7644 section 3.5.2 describes. Thread-safe by its monitor.
 */
final class SimulatedResources {

    private static final Pattern TERM = Pattern.compile(
            "([A-Za-z]+)(?:\\[([A-Za-z]+) eq (\"(?:[^\"\\\\]|\\\\.)*\")])?(?: eq (\"(?:[^\"\\\\]|\\\\.)*\"))?");
    private static final Pattern MEMBER_PATH = Pattern.compile("members\\[value eq (\"(?:[^\"\\\\]|\\\\.)*\")]");

    private final JsonMapper json = JsonMapper.builder().build();
    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();

    synchronized ObjectNode createUser(ObjectNode user) {
        String userName = user.path("userName").asString();
        boolean taken = users.values().stream()
                .anyMatch(u -> u.path("userName").asString().equalsIgnoreCase(userName));
        if (taken) {
            throw new ScimError(409, "uniqueness", "userName " + userName + " is taken");
        }
        return store(users, user, "User");
    }

    synchronized ObjectNode createGroup(ObjectNode group) {
        if (!group.has("members")) {
            group.putArray("members");
        }
        return store(groups, group, "Group");
    }

    synchronized Optional<ObjectNode> user(String id) {
        return Optional.ofNullable(users.get(id)).map(ObjectNode::deepCopy);
    }

    synchronized Optional<ObjectNode> group(String id) {
        return Optional.ofNullable(groups.get(id)).map(ObjectNode::deepCopy);
    }

    /** A member added by the directory's administrator, a person or (with type Group) a group. */
    synchronized void addMember(String groupId, String memberId, String type) {
        ObjectNode member = ((ArrayNode) groups.get(groupId).path("members")).addObject();
        member.put("value", memberId).put("type", type);
    }

    synchronized void removeMember(String groupId, String memberId) {
        removeValue((ArrayNode) groups.get(groupId).path("members"), memberId);
    }

    private static void removeValue(ArrayNode members, String value) {
        for (int i = members.size() - 1; i >= 0; i--) {
            if (members.get(i).path("value").asString().equals(value)) {
                members.remove(i);
            }
        }
    }

    synchronized List<ObjectNode> list(String resourceType, @Nullable String filter) {
        Predicate<JsonNode> matches = filter == null ? resource -> true : filter(filter);
        return (resourceType.equals("Users") ? users : groups).values().stream()
                .filter(matches)
                .map(ObjectNode::deepCopy)
                .toList();
    }

    /** Applies a PatchOp that {@link ScimSchemas} accepted; answers the resource as changed. */
    synchronized ObjectNode patch(String resourceType, String id, JsonNode message) {
        ObjectNode resource = (resourceType.equals("Users") ? users : groups).get(id);
        if (resource == null) {
            throw new ScimError(404, null, resourceType + " " + id + " does not exist");
        }
        ObjectNode changed = resource.deepCopy();
        for (JsonNode operation : message.path("Operations")) {
            apply(resourceType, changed, operation);
        }
        resource.removeAll().setAll(changed);
        return resource.deepCopy();
    }

    /** The resource with only what the client asked for; id and schemas are always returned (RFC 7643 section 7). */
    static ObjectNode project(ObjectNode resource, @Nullable String attributes, @Nullable String excluded) {
        ObjectNode projected = resource.deepCopy();
        Set<String> wanted = attributes == null ? null : names(attributes);
        Set<String> unwanted = excluded == null ? Set.of() : names(excluded);
        List<String> dropped = projected.propertyNames().stream()
                .filter(name -> wanted != null && !Set.of("id", "schemas").contains(name)
                        && !wanted.contains(name.toLowerCase(Locale.ROOT))
                        || unwanted.contains(name.toLowerCase(Locale.ROOT)))
                .toList();
        projected.remove(dropped);
        return projected;
    }

    private void apply(String resourceType, ObjectNode resource, JsonNode operation) {
        String op = operation.path("op").asString();
        String path = operation.path("path").asString("");
        if (resourceType.equals("Groups") && path.equals("members") && op.equals("add")) {
            ArrayNode members = (ArrayNode) resource.path("members");
            for (JsonNode added : operation.path("value")) {
                String value = added.path("value").asString();
                boolean present = members.values().stream().anyMatch(m -> m.path("value").asString().equals(value));
                if (!present) {
                    members.addObject().put("value", value).put("type", users.containsKey(value) ? "User" : "Group");
                }
            }
            return;
        }
        Matcher member = MEMBER_PATH.matcher(path);
        if (resourceType.equals("Groups") && op.equals("remove") && member.matches()) {
            String value = json.readValue(member.group(1), String.class);
            ArrayNode members = (ArrayNode) resource.path("members");
            int before = members.size();
            removeValue(members, value);
            if (members.size() == before) {
                throw new ScimError(400, "noTarget", "no member matches " + path);
            }
            return;
        }
        if (resourceType.equals("Users") && op.equals("replace") && path.equals("active")) {
            resource.set("active", operation.path("value"));
            return;
        }
        throw new ScimError(400, "invalidPath", "the simulator does not apply " + op + " of '" + path + "'");
    }

    /** The filters this connector sends: terms {@code attr eq "v"} and {@code attr[sub eq "v"]} joined by "and". */
    private Predicate<JsonNode> filter(String filter) {
        Predicate<JsonNode> all = resource -> true;
        for (String term : filter.split(" and ")) {
            Matcher matcher = TERM.matcher(term.strip());
            if (!matcher.matches() || (matcher.group(2) == null) == (matcher.group(4) == null)) {
                throw new ScimError(400, "invalidFilter", "the simulator cannot evaluate '" + term + "'");
            }
            String attribute = matcher.group(1);
            if (matcher.group(4) != null) {
                String value = json.readValue(matcher.group(4), String.class);
                all = all.and(resource -> resource.path(attribute).asString("").equalsIgnoreCase(value));
            } else {
                String sub = matcher.group(2);
                String value = json.readValue(matcher.group(3), String.class);
                all = all.and(resource -> resource.path(attribute).values().stream()
                        .anyMatch(element -> element.path(sub).asString("").equals(value)));
            }
        }
        return all;
    }

    private static ObjectNode store(Map<String, ObjectNode> resources, ObjectNode resource, String type) {
        String id = UUID.randomUUID().toString();
        resource.put("id", id);
        resource.putObject("meta").put("resourceType", type).put("location", "/" + type + "s/" + id);
        resources.put(id, resource);
        return resource.deepCopy();
    }

    private static Set<String> names(String list) {
        return Arrays.stream(list.split(","))
                .map(name -> name.strip().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
    }

    synchronized List<String> memberValues(String groupId) {
        var values = new ArrayList<String>();
        groups.get(groupId).path("members").forEach(member -> values.add(member.path("value").asString()));
        return values;
    }
}
