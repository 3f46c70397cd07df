package dev.clavis.connector.entra.simulator;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The directory behind the simulator: users, groups, other directory objects that can be members, group
 * memberships, managers and sign-in activity, plus a journal of changes that delta queries read.
 * Synchronized: the simulator serves requests on several threads.
 */
public final class SimulatedTenant {

    static final JsonMapper JSON = JsonMapper.builder().build();

    enum ChangeKind { USER, USER_REMOVED, GROUP, GROUP_REMOVED, MEMBER_ADDED, MEMBER_REMOVED }

    record Change(ChangeKind kind, String id, @Nullable String memberId) {}

    private final Map<String, ObjectNode> users = new LinkedHashMap<>();
    private final Map<String, ObjectNode> groups = new LinkedHashMap<>();
    private final Map<String, ObjectNode> otherObjects = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private final Map<String, String> managers = new LinkedHashMap<>();
    private final List<Change> journal = new ArrayList<>();

    public synchronized String createUser(ObjectNode properties) {
        String id = UUID.randomUUID().toString();
        ObjectNode user = properties.deepCopy();
        user.remove("passwordProfile");
        user.put("id", id);
        users.put(id, user);
        journal.add(new Change(ChangeKind.USER, id, null));
        return id;
    }

    /** A user created by an administrator, as the test kit's fixtures are. */
    public String createUser(String email, String givenName, String familyName, @Nullable String department,
            @Nullable String jobTitle, @Nullable String employeeType) {
        ObjectNode user = JSON.createObjectNode()
                .put("accountEnabled", true)
                .put("displayName", givenName + " " + familyName)
                .put("givenName", givenName)
                .put("surname", familyName)
                .put("mail", email)
                .put("mailNickname", email.substring(0, email.indexOf('@')))
                .put("userPrincipalName", email);
        user.put("department", department);
        user.put("jobTitle", jobTitle);
        user.put("employeeType", employeeType);
        return createUser(user);
    }

    public synchronized String createGroup(String displayName, @Nullable String description) {
        String id = UUID.randomUUID().toString();
        ObjectNode group = JSON.createObjectNode()
                .put("id", id)
                .put("displayName", displayName)
                .put("mailEnabled", false)
                .put("mailNickname", displayName.replaceAll("[^A-Za-z0-9]", ""))
                .put("securityEnabled", true);
        group.put("description", description);
        groups.put(id, group);
        members.put(id, new LinkedHashSet<>());
        journal.add(new Change(ChangeKind.GROUP, id, null));
        return id;
    }

    /** A device, which can be a group member but is not a person. */
    public synchronized String createDevice(String displayName) {
        String id = UUID.randomUUID().toString();
        otherObjects.put(id, JSON.createObjectNode()
                .put("@odata.type", "#microsoft.graph.device").put("id", id).put("displayName", displayName));
        return id;
    }

    /** @return false when the object already was a member */
    public synchronized boolean addMember(String groupId, String memberId) {
        boolean added = members.get(groupId).add(memberId);
        if (added) {
            journal.add(new Change(ChangeKind.MEMBER_ADDED, groupId, memberId));
        }
        return added;
    }

    public synchronized boolean removeMember(String groupId, String memberId) {
        boolean removed = members.get(groupId).remove(memberId);
        if (removed) {
            journal.add(new Change(ChangeKind.MEMBER_REMOVED, groupId, memberId));
        }
        return removed;
    }

    public synchronized List<String> members(String groupId) {
        return List.copyOf(members.getOrDefault(groupId, Set.of()));
    }

    public synchronized void setManager(String userId, String managerId) {
        managers.put(userId, managerId);
        journal.add(new Change(ChangeKind.USER, userId, null));
    }

    public synchronized Optional<String> manager(String userId) {
        return Optional.ofNullable(managers.get(userId));
    }

    public synchronized void update(String userId, JsonNode changes) {
        users.get(userId).setAll((ObjectNode) changes);
        journal.add(new Change(ChangeKind.USER, userId, null));
    }

    public synchronized void updateGroup(String groupId, String displayName) {
        groups.get(groupId).put("displayName", displayName);
        journal.add(new Change(ChangeKind.GROUP, groupId, null));
    }

    public synchronized void signedIn(String userId, Instant at) {
        users.get(userId).putObject("signInActivity")
                .put("lastSignInDateTime", at.toString())
                .put("lastSignInRequestId", UUID.randomUUID().toString())
                .put("lastNonInteractiveSignInDateTime", "0001-01-01T00:00:00Z")
                .put("lastNonInteractiveSignInRequestId", "");
    }

    /** Deletes a user as Graph does on {@code DELETE /users/{id}}: gone from every group too. */
    public synchronized void deleteUser(String userId) {
        users.remove(userId);
        managers.remove(userId);
        for (var group : members.entrySet()) {
            if (group.getValue().remove(userId)) {
                journal.add(new Change(ChangeKind.MEMBER_REMOVED, group.getKey(), userId));
            }
        }
        journal.add(new Change(ChangeKind.USER_REMOVED, userId, null));
    }

    public synchronized void deleteGroup(String groupId) {
        groups.remove(groupId);
        members.remove(groupId);
        journal.add(new Change(ChangeKind.GROUP_REMOVED, groupId, null));
    }

    public synchronized Optional<ObjectNode> user(String id) {
        return Optional.ofNullable(users.get(id)).map(ObjectNode::deepCopy);
    }

    public synchronized Optional<ObjectNode> userByPrincipalName(String principalName) {
        return users.values().stream()
                .filter(user -> principalName.equalsIgnoreCase(user.path("userPrincipalName").asString("")))
                .findFirst().map(ObjectNode::deepCopy);
    }

    public synchronized Optional<ObjectNode> group(String id) {
        return Optional.ofNullable(groups.get(id)).map(ObjectNode::deepCopy);
    }

    /** Any directory object: a user, a group or another object. */
    public synchronized Optional<ObjectNode> directoryObject(String id) {
        if (users.containsKey(id)) {
            return Optional.of(typed(users.get(id), "user"));
        }
        if (groups.containsKey(id)) {
            return Optional.of(typed(groups.get(id), "group"));
        }
        return Optional.ofNullable(otherObjects.get(id)).map(ObjectNode::deepCopy);
    }

    public synchronized List<ObjectNode> users() {
        return users.values().stream().map(ObjectNode::deepCopy).toList();
    }

    public synchronized List<ObjectNode> groups() {
        return groups.values().stream().map(ObjectNode::deepCopy).toList();
    }

    /** The journal position now: a delta token. */
    public synchronized int position() {
        return journal.size();
    }

    public synchronized List<Change> changesSince(int position) {
        return List.copyOf(journal.subList(Math.min(position, journal.size()), journal.size()));
    }

    private static ObjectNode typed(ObjectNode object, String type) {
        ObjectNode copy = JSON.createObjectNode().put("@odata.type", "#microsoft.graph." + type);
        copy.setAll(object);
        return copy;
    }
}
