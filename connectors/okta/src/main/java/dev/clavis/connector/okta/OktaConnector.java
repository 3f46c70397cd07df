package dev.clavis.connector.okta;

import dev.clavis.connector.spi.DeltaPage;
import dev.clavis.connector.spi.DeltaSync;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import dev.clavis.connector.spi.UserLifecycle;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * Okta through its management API ({@code /api/v1}). Okta's membership calls answer 204 whether or not
 * anything changed, so each change first reads the person's groups to tell {@code ADDED} from
 * {@code ALREADY_MEMBER}: a retry after a lost answer then finds the change made. People are suspended
 * with {@code lifecycle/suspend}, which an administrator can undo; never deactivated, which cannot be.
 */
final class OktaConnector
        implements DirectoryConnector, MembershipProvisioning, UserLifecycle, LoginActivity, DeltaSync {

    private final OktaSettings settings;
    private final OktaApi api;
    private final OktaChanges changes;

    OktaConnector(OktaSettings settings, Clock clock) {
        this.settings = settings;
        this.api = new OktaApi(settings, clock);
        this.changes = new OktaChanges(api, clock, settings.pageSize());
    }

    @Override
    public void verify() {
        api.expectSuccess(api.get(list("/api/v1/users", 1), "list users"), "list users");
        api.expectSuccess(api.get(list("/api/v1/groups", 1), "list groups"), "list groups");
    }

    @Override
    public Stream<List<DirectoryPerson>> people() {
        return PagedRead.of(api, list("/api/v1/users", settings.pageSize()), OktaObjects::person, "list users");
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        return PagedRead.of(api, list("/api/v1/groups", settings.pageSize()), OktaObjects::group, "list groups");
    }

    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        Stream<List<String>> groupIds = PagedRead.of(api, list("/api/v1/groups", settings.pageSize()),
                group -> group.path("id").asString(), "list groups");
        return MembershipPages.of(groupIds, this::membersOf, settings.pageSize());
    }

    private Stream<List<DirectoryMembership>> membersOf(String groupId) {
        return PagedRead.emptyIfGone(api, list(path("groups", groupId, "users"), settings.pageSize()),
                user -> new DirectoryMembership(groupId, user.path("id").asString()),
                "list the members of group " + groupId);
    }

    @Override
    public String currentCursor() {
        return changes.currentCursor();
    }

    /** Needs the {@code okta.logs.read} scope (or an admin who may read the System Log) besides the read scopes. */
    @Override
    public Stream<DeltaPage> changesSince(String cursor) {
        return changes.since(cursor);
    }

    @Override
    public AddOutcome addMember(MembershipChange change) {
        String action = "add " + change.personId() + " to group " + change.groupId();
        if (groupsOf(change.personId(), action).orElseThrow(() -> new UnknownPersonException(change.personId()))
                .contains(change.groupId())) {
            return AddOutcome.ALREADY_MEMBER;
        }
        OktaApi.Answer answer = api.send("PUT", membership(change), null, action);
        if (answer.status() == 404) {
            requireGroup(change.groupId(), action);
            throw new UnknownPersonException(change.personId());
        }
        refuseUnlessSuccess(answer, change.groupId(), action);
        return AddOutcome.ADDED;
    }

    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        String action = "remove " + change.personId() + " from group " + change.groupId();
        Optional<List<String>> groups = groupsOf(change.personId(), action);
        if (groups.isEmpty() || !groups.get().contains(change.groupId())) {
            requireGroup(change.groupId(), action);
            return RemoveOutcome.NOT_A_MEMBER;
        }
        OktaApi.Answer answer = api.send("DELETE", membership(change), null, action);
        if (answer.status() == 404) {
            requireGroup(change.groupId(), action);
            return RemoveOutcome.NOT_A_MEMBER;
        }
        refuseUnlessSuccess(answer, change.groupId(), action);
        return RemoveOutcome.REMOVED;
    }

    /** The ids of the person's groups; empty when Okta has no such person. */
    private Optional<List<String>> groupsOf(String personId, String action) {
        OktaApi.Answer answer = api.get(api.uri(path("users", personId, "groups"), Map.of()), action);
        if (answer.status() == 404) {
            return Optional.empty();
        }
        api.expectSuccess(answer, action);
        return Optional.of(answer.body().valueStream().map(group -> group.path("id").asString()).toList());
    }

    /** Okta's group, or {@link UnknownGroupException} when there is none. */
    private JsonNode requireGroup(String groupId, String action) {
        OktaApi.Answer answer = api.get(api.uri(path("groups", groupId), Map.of()), action);
        if (answer.status() == 404) {
            throw new UnknownGroupException(groupId);
        }
        return api.expectSuccess(answer, action).body();
    }

    /**
     * Classifies a failed membership change; a refusal that is not about rate, credentials or Okta's health
     * is explained by the group's type when the group is not Okta's own.
     */
    private void refuseUnlessSuccess(OktaApi.Answer answer, String groupId, String action) {
        if (answer.isSuccess()) {
            return;
        }
        int status = answer.status();
        if (status >= 400 && status < 500 && status != 401 && status != 429) {
            JsonNode group = requireGroup(groupId, action);
            if (!OktaObjects.isOktaMastered(group)) {
                throw new PermanentConnectorException("could not " + action + ": group " + groupId + " ("
                        + OktaObjects.group(group).name() + ") is an " + group.path("type").asString()
                        + ", whose members Okta does not manage (an imported group, e.g. from Active Directory, is"
                        + " changed in its source); map the role to an OKTA_GROUP" + OktaFailures.oktaSaid(answer.body()));
            }
        }
        throw api.failures().classify(answer, action);
    }

    @Override
    public String createUser(NewUser user) {
        String action = "create the user " + user.email();
        URI uri = api.uri("/api/v1/users", Map.of("activate", String.valueOf(settings.activateNewUsers())));
        OktaApi.Answer answer = api.send("POST", uri, OktaObjects.createUserBody(user), action);
        if (answer.isSuccess()) {
            return answer.body().path("id").asString();
        }
        if (answer.status() == 400) {
            Optional<String> existing = byLogin(user.email(), action)
                    .filter(found -> user.email().equalsIgnoreCase(found.path("profile").path("email").asString("")))
                    .map(found -> found.path("id").asString());
            if (existing.isPresent()) {
                return existing.get();
            }
        }
        throw api.failures().classify(answer, action);
    }

    /** The user whose login is this, so that a create retried after a lost answer finds the one it made. */
    private Optional<JsonNode> byLogin(String login, String action) {
        URI uri = api.uri("/api/v1/users", Map.of("filter", "profile.login eq \"" + login.replace("\"", "\\\"") + "\""));
        JsonNode found = api.expectSuccess(api.get(uri, action), action).body();
        return found.isArray() && !found.isEmpty() ? Optional.of(found.get(0)) : Optional.empty();
    }

    @Override
    public void suspendUser(String personId) {
        String action = "suspend " + personId;
        OktaApi.Answer answer = api.send("POST", api.uri(path("users", personId, "lifecycle", "suspend"), Map.of()),
                null, action);
        if (answer.isSuccess()) {
            return;
        }
        if (answer.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (answer.status() == 400) {
            String status = user(personId, action).path("status").asString("");
            if (status.equals("SUSPENDED")) {
                return;
            }
            throw new PermanentConnectorException("could not " + action + ": Okta suspends only ACTIVE people and "
                    + personId + " is " + status + OktaFailures.oktaSaid(answer.body()));
        }
        throw api.failures().classify(answer, action);
    }

    @Override
    public Optional<Instant> lastLogin(String personId) {
        return Optional.ofNullable(OktaObjects.lastLogin(user(personId, "read the last sign-in of " + personId)));
    }

    private JsonNode user(String personId, String action) {
        OktaApi.Answer answer = api.get(api.uri(path("users", personId), Map.of()), action);
        if (answer.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        return api.expectSuccess(answer, action).body();
    }

    private URI list(String path, int limit) {
        return api.uri(path, Map.of("limit", String.valueOf(limit)));
    }

    private URI membership(MembershipChange change) {
        return api.uri(path("groups", change.groupId(), "users", change.personId()), Map.of());
    }

    /** {@code /api/v1/<segments>}, each segment encoded so that an id can never change the path. */
    private static String path(String... segments) {
        var path = new StringBuilder("/api/v1");
        for (String segment : segments) {
            path.append('/').append(URLEncoder.encode(segment, StandardCharsets.UTF_8).replace("+", "%20"));
        }
        return path.toString();
    }

    @Override
    public void close() {
        // the HTTP client holds pooled connections only, which it closes when idle
    }
}
