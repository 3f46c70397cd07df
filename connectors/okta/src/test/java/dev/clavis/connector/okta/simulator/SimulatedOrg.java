package dev.clavis.connector.okta.simulator;

import static dev.clavis.connector.okta.simulator.Reply.JSON;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state of a simulated Okta org, people, groups and memberships, and the API calls on it, answered
 * as Okta answers them. Ids grow with creation, so ordering by id is Okta's listing order and the
 * {@code after} cursor is the last id of a page. Every method is called under the simulator's lock.
 */
final class SimulatedOrg {

    private static final Pattern LOGIN_FILTER = Pattern.compile("profile\\.login eq \"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern UPDATED_FILTER = Pattern.compile("lastUpdated gt \"([^\"]+)\"");
    private static final Pattern EVENT_TYPE = Pattern.compile("eventType eq \"([^\"]+)\"");

    private final Clock clock;
    private final AtomicLong sequence = new AtomicLong(1_000_000);
    private final TreeMap<String, ObjectNode> users = new TreeMap<>();
    private final TreeMap<String, ObjectNode> groups = new TreeMap<>();
    private final Map<String, Set<String>> members = new TreeMap<>();
    private final TreeMap<String, ObjectNode> log = new TreeMap<>();

    SimulatedOrg(Clock clock) {
        this.clock = clock;
    }

    // ---- state, as an administrator sets it up

    String createUser(ObjectNode profile, String status) {
        String id = nextId("00u");
        String now = now();
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id);
        user.put("status", status);
        user.put("created", now);
        if (status.equals("ACTIVE")) {
            user.put("activated", now);
        } else {
            user.putNull("activated");
        }
        user.put("statusChanged", now);
        user.putNull("lastLogin");
        user.put("lastUpdated", now);
        user.putNull("passwordChanged");
        user.putObject("type").put("id", "oty1simulatedDefault");
        user.set("profile", profile);
        user.putObject("credentials").putObject("provider").put("type", "OKTA").put("name", "OKTA");
        users.put(id, user);
        return id;
    }

    String createGroup(String name, @Nullable String description, String type) {
        String id = nextId("00g");
        String now = now();
        ObjectNode group = JSON.createObjectNode();
        group.put("id", id);
        group.put("created", now);
        group.put("lastUpdated", now);
        group.put("lastMembershipUpdated", now);
        group.putArray("objectClass").add(type.equals("OKTA_GROUP") ? "okta:user_group" : "okta:windows_security_principal");
        group.put("type", type);
        ObjectNode profile = group.putObject("profile");
        profile.put("name", name);
        if (description != null) {
            profile.put("description", description);
        }
        groups.put(id, group);
        members.put(id, new LinkedHashSet<>());
        return id;
    }

    boolean addMember(String groupId, String userId) {
        touchMembership(groupId);
        boolean added = members.get(groupId).add(userId);
        if (added) {
            logMembership("group.user_membership.add", groupId, userId);
        }
        return added;
    }

    /** Deletes a person for good, as an administrator does after deactivating them. */
    void deleteUser(String userId) {
        users.remove(userId);
        members.values().forEach(m -> m.remove(userId));
        logEvent("user.lifecycle.delete.completed", target(userId, "User"));
    }

    List<String> members(String groupId) {
        return List.copyOf(members.getOrDefault(groupId, Set.of()));
    }

    String status(String userId) {
        return users.get(userId).path("status").asString();
    }

    void signedIn(String userId, Instant at) {
        users.get(userId).put("lastLogin", at.toString());
    }

    int membershipCount() {
        return members.values().stream().mapToInt(Set::size).sum();
    }

    // ---- the API

    Reply listUsers(Map<String, List<String>> query, String base) {
        Optional<String> filter = first(query, "filter");
        Optional<Matcher> updated = filter.map(UPDATED_FILTER::matcher).filter(Matcher::matches);
        if (updated.isPresent()) {
            return page(updatedAfter(users, updated.get().group(1)), query, 200, base + "/api/v1/users");
        }
        if (filter.isPresent()) {
            Matcher login = LOGIN_FILTER.matcher(filter.get());
            if (!login.matches()) {
                return Reply.error(400, "E0000031", "Invalid search criteria.");
            }
            String wanted = login.group(1).replace("\\\"", "\"");
            ArrayNode found = JSON.createArrayNode();
            users.values().stream()
                    .filter(u -> u.path("profile").path("login").asString("").equalsIgnoreCase(wanted))
                    .forEach(found::add);
            return Reply.of(200, found);
        }
        var visible = new TreeMap<String, ObjectNode>();
        users.forEach((id, user) -> {
            if (!user.path("status").asString().equals("DEPROVISIONED")) {
                visible.put(id, user);
            }
        });
        return page(visible, query, 200, base + "/api/v1/users");
    }

    Reply getUser(String id) {
        ObjectNode user = users.get(id);
        return user == null ? Reply.notFound(id, "User") : Reply.of(200, user);
    }

    Reply createUser(JsonNode body, boolean activate) {
        JsonNode profile = body.path("profile");
        String login = profile.path("login").asString("");
        var causes = new ArrayList<String>();
        for (String required : List.of("login", "email", "firstName", "lastName")) {
            if (profile.path(required).asString("").isBlank()) {
                causes.add(required + ": The field cannot be left blank");
            }
        }
        if (!login.isEmpty() && users.values().stream()
                .anyMatch(u -> u.path("profile").path("login").asString("").equalsIgnoreCase(login))) {
            causes.add("login: An object with this field already exists in the current organization");
        }
        if (!causes.isEmpty()) {
            return Reply.error(400, "E0000001", "Api validation failed: " + causes.get(0).split(":")[0],
                    causes.toArray(String[]::new));
        }
        String id = createUser((ObjectNode) profile.deepCopy(), activate ? "PROVISIONED" : "STAGED");
        return Reply.of(200, users.get(id));
    }

    Reply listUserGroups(String userId) {
        if (!users.containsKey(userId)) {
            return Reply.notFound(userId, "User");
        }
        ArrayNode found = JSON.createArrayNode();
        members.forEach((groupId, users) -> {
            if (users.contains(userId)) {
                found.add(groups.get(groupId));
            }
        });
        return Reply.of(200, found);
    }

    Reply suspend(String userId) {
        ObjectNode user = users.get(userId);
        if (user == null) {
            return Reply.notFound(userId, "User");
        }
        if (!user.path("status").asString().equals("ACTIVE")) {
            return Reply.error(400, "E0000001", "Api validation failed: status",
                    "status: Cannot suspend a user that is not active");
        }
        changeStatus(user, "SUSPENDED");
        return Reply.okWithoutBody();
    }

    /** Implemented as Okta does, so that a connector that sent it would visibly destroy the account. */
    Reply deactivate(String userId) {
        ObjectNode user = users.get(userId);
        if (user == null) {
            return Reply.notFound(userId, "User");
        }
        changeStatus(user, "DEPROVISIONED");
        return Reply.okWithoutBody();
    }

    Reply listGroups(Map<String, List<String>> query, String base) {
        Optional<String> filter = first(query, "filter");
        if (filter.isPresent()) {
            Matcher updated = UPDATED_FILTER.matcher(filter.get());
            if (!updated.matches()) {
                return Reply.error(400, "E0000031", "Invalid search criteria.");
            }
            return page(updatedAfter(groups, updated.group(1)), query, 10_000, base + "/api/v1/groups");
        }
        return page(groups, query, 10_000, base + "/api/v1/groups");
    }

    /** The System Log between {@code since} and {@code until}, oldest first, of the event types the filter names. */
    Reply listLogs(Map<String, List<String>> query, String base) {
        Instant since = first(query, "since").map(Instant::parse).orElse(Instant.EPOCH);
        Instant until = first(query, "until").map(Instant::parse).orElse(Instant.MAX);
        Set<String> types = new HashSet<>();
        first(query, "filter").ifPresent(filter -> EVENT_TYPE.matcher(filter).results().forEach(m -> types.add(m.group(1))));
        var selected = new TreeMap<String, ObjectNode>();
        log.forEach((key, event) -> {
            Instant published = Instant.parse(event.path("published").asString());
            if (!published.isBefore(since) && published.isBefore(until)
                    && (types.isEmpty() || types.contains(event.path("eventType").asString()))) {
                selected.put(key, event);
            }
        });
        return page(selected, query, 100, base + "/api/v1/logs");
    }

    Reply getGroup(String id) {
        ObjectNode group = groups.get(id);
        return group == null ? Reply.notFound(id, "UserGroup") : Reply.of(200, group);
    }

    Reply listMembers(String groupId, Map<String, List<String>> query, String base) {
        if (!groups.containsKey(groupId)) {
            return Reply.notFound(groupId, "UserGroup");
        }
        var listed = new TreeMap<String, ObjectNode>();
        members.get(groupId).forEach(userId -> listed.put(userId, users.get(userId)));
        return page(listed, query, 1000, base + "/api/v1/groups/" + groupId + "/users");
    }

    /** Okta answers 204 whether or not the person was a member already. */
    Reply assign(String groupId, String userId) {
        Reply refused = refuseMembershipChange(groupId, userId);
        if (refused != null) {
            return refused;
        }
        addMember(groupId, userId);
        return Reply.noContent();
    }

    /** Okta answers 204 whether or not the person was a member. */
    Reply unassign(String groupId, String userId) {
        Reply refused = refuseMembershipChange(groupId, userId);
        if (refused != null) {
            return refused;
        }
        touchMembership(groupId);
        if (members.get(groupId).remove(userId)) {
            logMembership("group.user_membership.remove", groupId, userId);
        }
        return Reply.noContent();
    }

    private @Nullable Reply refuseMembershipChange(String groupId, String userId) {
        ObjectNode group = groups.get(groupId);
        if (group == null) {
            return Reply.notFound(groupId, "UserGroup");
        }
        if (!users.containsKey(userId)) {
            return Reply.notFound(userId, "User");
        }
        if (!group.path("type").asString().equals("OKTA_GROUP")) {
            return Reply.error(403, "E0000006", "You do not have permission to perform the requested action");
        }
        return null;
    }

    private Reply page(TreeMap<String, ObjectNode> items, Map<String, List<String>> query, int defaultLimit,
            String self) {
        int limit = first(query, "limit").map(Integer::parseInt).orElse(defaultLimit);
        Optional<String> after = first(query, "after");
        var tail = after.isPresent() ? items.tailMap(after.get(), false) : items;
        ArrayNode page = JSON.createArrayNode();
        String last = null;
        for (var entry : tail.entrySet()) {
            if (page.size() == limit) {
                break;
            }
            page.add(entry.getValue());
            last = entry.getKey();
        }
        Reply reply = Reply.of(200, page);
        String selfLink = "<" + self + link(query, limit, after.orElse(null)) + ">; rel=\"self\"";
        boolean more = last != null && tail.higherKey(last) != null;
        String nextLink = more ? ", <" + self + link(query, limit, last) + ">; rel=\"next\"" : "";
        return reply.with("Link", selfLink + nextLink);
    }

    /** The query of a page link: the list's own parameters (filters, time bounds) kept, the cursor replaced. */
    private static String link(Map<String, List<String>> query, int limit, @Nullable String after) {
        var parameters = new LinkedHashMap<String, String>();
        query.forEach((name, values) -> parameters.put(name, values.get(0)));
        parameters.put("limit", String.valueOf(limit));
        parameters.remove("after");
        if (after != null) {
            parameters.put("after", after);
        }
        var text = new StringBuilder();
        parameters.forEach((name, value) -> text.append(text.isEmpty() ? "?" : "&").append(name).append('=')
                .append(URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return text.toString();
    }

    private static TreeMap<String, ObjectNode> updatedAfter(TreeMap<String, ObjectNode> items, String after) {
        Instant since = Instant.parse(after);
        var updated = new TreeMap<String, ObjectNode>();
        items.forEach((id, item) -> {
            if (Instant.parse(item.path("lastUpdated").asString()).isAfter(since)) {
                updated.put(id, item);
            }
        });
        return updated;
    }

    private void logMembership(String eventType, String groupId, String userId) {
        logEvent(eventType, target(userId, "User"), target(groupId, "UserGroup"));
    }

    private void logEvent(String eventType, ObjectNode... targets) {
        ObjectNode event = JSON.createObjectNode();
        String uuid = "%012d-%s".formatted(sequence.incrementAndGet(), UUID.randomUUID().toString().substring(0, 8));
        event.put("uuid", uuid);
        event.put("published", now());
        event.put("eventType", eventType);
        event.put("version", "0");
        event.put("severity", "INFO");
        event.put("displayMessage", eventType);
        event.putObject("actor").put("id", "00u0simulatedadmin0").put("type", "User").put("displayName", "Admin");
        event.putObject("outcome").put("result", "SUCCESS");
        ArrayNode list = event.putArray("target");
        for (ObjectNode target : targets) {
            list.add(target);
        }
        log.put(uuid, event);
    }

    private static ObjectNode target(String id, String type) {
        ObjectNode target = JSON.createObjectNode();
        target.put("id", id);
        target.put("type", type);
        return target;
    }

    private void changeStatus(ObjectNode user, String status) {
        String now = now();
        user.put("status", status);
        user.put("statusChanged", now);
        user.put("lastUpdated", now);
    }

    private void touchMembership(String groupId) {
        groups.get(groupId).put("lastMembershipUpdated", now());
    }

    private String nextId(String prefix) {
        return prefix + sequence.incrementAndGet() + "sim0h7";
    }

    /** Okta's times are to the millisecond. */
    private String now() {
        return clock.instant().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    static Optional<String> first(Map<String, List<String>> query, String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? Optional.empty() : Optional.of(values.get(0));
    }
}
