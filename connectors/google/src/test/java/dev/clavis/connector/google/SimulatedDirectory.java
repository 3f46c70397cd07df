package dev.clavis.connector.google;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The people, groups and memberships behind the simulator, and what each Directory API method does to
 * them, as Google's reference describes it. Not thread-safe: the simulator calls it under one lock.
 */
final class SimulatedDirectory {

    static final String CUSTOMER_ID = "C03az79cb";
    static final String NEVER = "1970-01-01T00:00:00.000Z";

    /** An answer: the status and body the method produces, or the name of an {@code x-errors} error. */
    record Result(int status, @Nullable JsonNode body, @Nullable String error, String key) {

        static Result ok(JsonNode body) {
            return new Result(200, body, null, "");
        }

        static Result noContent() {
            return new Result(204, null, null, "");
        }

        static Result error(String name, String key) {
            return new Result(0, null, name, key);
        }
    }

    private static final JsonMapper JSON = JsonMapper.shared();

    private final Clock clock;
    private final NavigableMap<String, ObjectNode> users = new TreeMap<>();
    private final NavigableMap<String, ObjectNode> groups = new TreeMap<>();
    private final Map<String, NavigableMap<String, ObjectNode>> members = new TreeMap<>();
    private long userSequence = 100_000_000_000_000_000L;
    private long groupSequence = 0x3a00000000000L;
    private long etags;

    SimulatedDirectory(Clock clock) {
        this.clock = clock;
    }

    // The administrator's side: what an admin does in the Admin console.

    ObjectNode addUser(String email, String givenName, String familyName) {
        String id = "1" + (++userSequence);
        ObjectNode user = JSON.createObjectNode()
                .put("kind", "admin#directory#user")
                .put("id", id)
                .put("etag", etag())
                .put("primaryEmail", email);
        user.putObject("name").put("givenName", givenName).put("familyName", familyName)
                .put("fullName", givenName + " " + familyName);
        user.put("isAdmin", false)
                .put("isDelegatedAdmin", false)
                .put("lastLoginTime", NEVER)
                .put("creationTime", clock.instant().toString())
                .put("agreedToTerms", false)
                .put("suspended", false)
                .put("archived", false)
                .put("changePasswordAtNextLogin", false)
                .put("ipWhitelisted", false);
        user.putArray("emails").addObject().put("address", email).put("primary", true);
        user.put("customerId", CUSTOMER_ID)
                .put("orgUnitPath", "/")
                .put("isMailboxSetup", true)
                .put("isEnrolledIn2Sv", false)
                .put("isEnforcedIn2Sv", false)
                .put("includeInGlobalAddressList", true);
        users.put(id, user);
        return user;
    }

    String addGroup(String email, @Nullable String description) {
        String id = "0" + Long.toHexString(++groupSequence);
        ObjectNode group = JSON.createObjectNode()
                .put("kind", "admin#directory#group")
                .put("id", id)
                .put("etag", etag())
                .put("email", email)
                .put("name", email.contains("@") ? email.substring(0, email.indexOf('@')) : email)
                .put("description", description == null ? "" : description)
                .put("directMembersCount", "0")
                .put("adminCreated", true);
        groups.put(id, group);
        members.put(id, new TreeMap<>());
        return id;
    }

    void addMember(String groupId, String userId) {
        ObjectNode user = users.get(userId);
        members.get(groupId).put(userId, member(user));
        countMembers(groupId);
    }

    /** Nests a group in another, as Google allows; its members are not direct members of the outer group. */
    void addGroupMember(String groupId, String memberGroupId) {
        ObjectNode nested = groups.get(memberGroupId);
        members.get(groupId).put(memberGroupId, JSON.createObjectNode()
                .put("kind", "admin#directory#member")
                .put("etag", etag())
                .put("id", memberGroupId)
                .put("email", nested.path("email").asString())
                .put("role", "MEMBER")
                .put("type", "GROUP")
                .put("status", "ACTIVE"));
        countMembers(groupId);
    }

    List<String> memberIds(String groupId) {
        return List.copyOf(members.getOrDefault(groupId, new TreeMap<>()).keySet());
    }

    Optional<ObjectNode> user(String key) {
        return find(users, key, "primaryEmail");
    }

    // The Directory API's methods.

    Result listUsers(Map<String, String> query) {
        if (!inScope(query)) {
            return Result.error("invalid", "");
        }
        String domain = query.get("domain");
        return page("users", "admin#directory#users", users, query, 100,
                user -> domain == null || user.path("primaryEmail").asString().endsWith("@" + domain));
    }

    Result getUser(String userKey) {
        return user(userKey).<Result>map(Result::ok).orElseGet(() -> Result.error("notFound", "userKey"));
    }

    Result insertUser(JsonNode body) {
        String email = body.path("primaryEmail").asString();
        String password = body.path("password").asString();
        if (password.length() < 8 || password.length() > 100) {
            return Result.error("invalid", "");
        }
        if (user(email).isPresent() || group(email).isPresent()) {
            return Result.error("duplicateEntity", "");
        }
        JsonNode name = body.path("name");
        ObjectNode user = addUser(email, name.path("givenName").asString(), name.path("familyName").asString());
        apply(user, body);
        user.put("isMailboxSetup", false);
        return Result.ok(user);
    }

    /** users.update applies only the fields given, as Google documents for it. */
    Result updateUser(String userKey, JsonNode body) {
        Optional<ObjectNode> found = user(userKey);
        if (found.isEmpty()) {
            return Result.error("notFound", "userKey");
        }
        ObjectNode user = found.get();
        apply(user, body);
        user.put("etag", etag());
        return Result.ok(user);
    }

    Result listGroups(Map<String, String> query) {
        if (!inScope(query)) {
            return Result.error("invalid", "");
        }
        return page("groups", "admin#directory#groups", groups, query, 200, group -> true);
    }

    Result getGroup(String groupKey) {
        return group(groupKey).<Result>map(Result::ok).orElseGet(() -> Result.error("notFound", "groupKey"));
    }

    Result listMembers(String groupKey, Map<String, String> query) {
        Optional<ObjectNode> group = group(groupKey);
        if (group.isEmpty()) {
            return Result.error("notFound", "groupKey");
        }
        String id = group.get().path("id").asString();
        return page("members", "admin#directory#members", members.get(id), query, 200, member -> true);
    }

    Result insertMember(String groupKey, JsonNode body) {
        Optional<ObjectNode> group = group(groupKey);
        if (group.isEmpty()) {
            return Result.error("notFound", "groupKey");
        }
        Optional<ObjectNode> user = user(body.path("email").asString());
        if (user.isEmpty()) {
            return Result.error("notFound", "memberKey");
        }
        String groupId = group.get().path("id").asString();
        String userId = user.get().path("id").asString();
        if (members.get(groupId).containsKey(userId)) {
            return Result.error("duplicateMember", "");
        }
        ObjectNode member = member(user.get());
        if (body.has("role")) {
            member.put("role", body.path("role").asString());
        }
        members.get(groupId).put(userId, member);
        countMembers(groupId);
        return Result.ok(member);
    }

    Result deleteMember(String groupKey, String memberKey) {
        Optional<ObjectNode> group = group(groupKey);
        if (group.isEmpty()) {
            return Result.error("notFound", "groupKey");
        }
        String groupId = group.get().path("id").asString();
        String memberId = user(memberKey).map(user -> user.path("id").asString()).orElse(memberKey);
        if (members.get(groupId).remove(memberId) == null) {
            return Result.error("notFound", "memberKey");
        }
        countMembers(groupId);
        return Result.noContent();
    }

    void recordSignIn(String userId, Instant at) {
        users.get(userId).put("lastLoginTime", at.toString());
    }

    private Optional<ObjectNode> group(String key) {
        return find(groups, key, "email");
    }

    private static Optional<ObjectNode> find(Map<String, ObjectNode> byId, String key, String emailField) {
        ObjectNode byKey = byId.get(key);
        if (byKey != null) {
            return Optional.of(byKey);
        }
        String email = key.toLowerCase(Locale.ROOT);
        return byId.values().stream()
                .filter(node -> node.path(emailField).asString().toLowerCase(Locale.ROOT).equals(email))
                .findFirst();
    }

    private static boolean inScope(Map<String, String> query) {
        String customer = query.get("customer");
        return customer == null || customer.equals("my_customer") || customer.equals(CUSTOMER_ID);
    }

    /**
     * A page after the cursor the token carries. Tokens are opaque to clients; this one names the list
     * it belongs to and the last id served, so changes between pages neither repeat nor skip anyone.
     */
    private Result page(String field, String kind, NavigableMap<String, ObjectNode> all, Map<String, String> query,
            int defaultSize, Predicate<ObjectNode> wanted) {
        int size = Integer.parseInt(query.getOrDefault("maxResults", String.valueOf(defaultSize)));
        NavigableMap<String, ObjectNode> rest = all;
        String token = query.get("pageToken");
        if (token != null) {
            String cursor = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
            if (!cursor.startsWith(field + ":")) {
                return Result.error("invalid", "");
            }
            rest = all.tailMap(cursor.substring(field.length() + 1), false);
        }
        var items = new ArrayList<ObjectNode>();
        String last = null;
        boolean more = false;
        for (var entry : rest.entrySet()) {
            if (!wanted.test(entry.getValue())) {
                continue;
            }
            if (items.size() == size) {
                more = true;
                break;
            }
            items.add(entry.getValue());
            last = entry.getKey();
        }
        ObjectNode answer = JSON.createObjectNode().put("kind", kind).put("etag", etag());
        if (!items.isEmpty()) {
            ArrayNode array = answer.putArray(field);
            items.forEach(item -> array.add(item.deepCopy()));
        }
        if (more) {
            answer.put("nextPageToken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString((field + ":" + last).getBytes(StandardCharsets.UTF_8)));
        }
        return Result.ok(answer);
    }

    private static void apply(ObjectNode user, JsonNode body) {
        body.properties().forEach(entry -> {
            if (!entry.getKey().equals("password")) {
                user.set(entry.getKey(), entry.getValue().deepCopy());
            }
        });
        JsonNode name = user.path("name");
        if (name instanceof ObjectNode names) {
            names.put("fullName", name.path("givenName").asString() + " " + name.path("familyName").asString());
        }
        if (user.path("suspended").asBoolean() && !user.has("suspensionReason")) {
            user.put("suspensionReason", "ADMIN");
        }
    }

    private ObjectNode member(ObjectNode user) {
        return JSON.createObjectNode()
                .put("kind", "admin#directory#member")
                .put("etag", etag())
                .put("id", user.path("id").asString())
                .put("email", user.path("primaryEmail").asString())
                .put("role", "MEMBER")
                .put("type", "USER")
                .put("status", "ACTIVE");
    }

    private void countMembers(String groupId) {
        groups.get(groupId).put("directMembersCount", String.valueOf(members.get(groupId).size()));
    }

    private String etag() {
        return "\"sim-" + (++etags) + "\"";
    }
}
