package dev.clavis.connector.google;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.UserLifecycle;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Google Workspace through the Admin SDK Directory API. Ids are Google's unique ids; a group's name is
 * its email address, the one name Google keeps unique. Reads stream page by page; writes are
 * idempotent; no call is retried here.
 */
final class GoogleConnector implements DirectoryConnector, MembershipProvisioning, UserLifecycle, LoginActivity {

    /** Google's cap on maxResults for groups.list and members.list. */
    private static final int MAX_GROUP_PAGE = 200;

    private final GoogleSettings settings;
    private final DirectoryApi api;
    private final Memberships memberships;
    private final Accounts accounts;

    GoogleConnector(GoogleSettings settings) {
        this.settings = settings;
        var failures = new Failures(settings.adminEmail(), settings.clientId());
        this.api = new DirectoryApi(settings, new AccessTokens(settings.credentials(), failures), failures);
        this.memberships = new Memberships(api);
        this.accounts = new Accounts(api);
    }

    /**
     * Obtains a token, which proves the key and its delegated scopes, then lists one user and one group,
     * which proves the administrator may read them in the configured customer or domain.
     */
    @Override
    public void verify() {
        api.read(list("users", 1), "list users as " + settings.adminEmail() + " (" + settings.scope() + ")");
        api.read(list("groups", 1), "list groups as " + settings.adminEmail() + " (" + settings.scope() + ")");
    }

    @Override
    public Stream<List<DirectoryPerson>> people() {
        var managers = new ManagerIds(api);
        return Page.stream(token -> {
            JsonNode answer = api.read(list("users", settings.pageSize()).with("projection", "full")
                    .with("pageToken", token), "list users");
            List<JsonNode> users = elements(answer.path("users"));
            managers.learn(users);
            return new Page<>(users.stream().map(user -> People.person(user, managers)).toList(), next(answer));
        });
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        return Page.stream(token -> {
            JsonNode answer = api.read(list("groups", groupPageSize()).with("pageToken", token), "list groups");
            return new Page<>(mapped(answer.path("groups"), GoogleConnector::group), next(answer));
        });
    }

    /**
     * Reads the members of each group in turn. Members that are groups or whole customers are left
     * out, and so is an outside address without a Google account, which has no id to name it by.
     */
    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        Stream<DirectoryMembership> all = groups()
                .flatMap(List::stream)
                .flatMap(group -> members(group.id()).flatMap(List::stream));
        return Page.regroup(all, settings.pageSize());
    }

    @Override
    public AddOutcome addMember(MembershipChange change) {
        return memberships.add(change);
    }

    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        return memberships.remove(change);
    }

    @Override
    public String createUser(NewUser user) {
        return accounts.create(user);
    }

    @Override
    public void suspendUser(String personId) {
        accounts.suspend(personId);
    }

    @Override
    public Optional<Instant> lastLogin(String personId) {
        return accounts.lastLogin(personId);
    }

    /** Nothing to release: each call stands alone and the auth library holds only a cached token. */
    @Override
    public void close() {}

    private Stream<List<DirectoryMembership>> members(String groupId) {
        return Page.stream(token -> {
            JsonNode answer = api.read(Call.get(Call.path("groups", groupId, "members"))
                    .with("maxResults", groupPageSize()).with("pageToken", token), "list the members of group " + groupId);
            var people = new ArrayList<DirectoryMembership>();
            for (JsonNode member : answer.path("members")) {
                String id = member.path("id").asString("");
                if (member.path("type").asString("").equals("USER") && !id.isEmpty()) {
                    people.add(new DirectoryMembership(groupId, id));
                }
            }
            return new Page<>(people, next(answer));
        });
    }

    private Call list(String resource, int maxResults) {
        return Call.get(Call.path(resource))
                .with(settings.scope().parameter(), settings.scope().value())
                .with("maxResults", maxResults);
    }

    private int groupPageSize() {
        return Math.min(settings.pageSize(), MAX_GROUP_PAGE);
    }

    private static DirectoryGroup group(JsonNode group) {
        String description = group.path("description").asString("");
        return new DirectoryGroup(group.path("id").asString(), group.path("email").asString(),
                description.isBlank() ? null : description);
    }

    private static <T> List<T> mapped(JsonNode array, Function<JsonNode, T> mapper) {
        return elements(array).stream().map(mapper).toList();
    }

    private static List<JsonNode> elements(JsonNode array) {
        var elements = new ArrayList<JsonNode>(array.size());
        array.forEach(elements::add);
        return elements;
    }

    private static @Nullable String next(JsonNode answer) {
        String token = answer.path("nextPageToken").asString("");
        return token.isEmpty() ? null : token;
    }
}
