package dev.clavis.connector.entra;

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
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Entra ID through Microsoft Graph v1.0. Ids are Graph object ids.
 *
 * <p>Membership changes go only through a group's {@code members/$ref} navigation: a DELETE without
 * {@code /$ref} would delete the user object itself. Safe for concurrent use: it holds no state but
 * msal4j's token cache.
 */
public final class EntraConnector
        implements DirectoryConnector, MembershipProvisioning, UserLifecycle, LoginActivity, DeltaSync {

    private static final System.Logger log = System.getLogger(EntraConnector.class.getName());

    private final EntraSettings settings;
    private final GraphClient graph;
    private final GraphFailures failures;
    private final Accounts accounts;
    private final Deltas deltas;

    EntraConnector(EntraSettings settings) {
        this.settings = settings;
        this.failures = new GraphFailures(settings);
        this.graph = new GraphClient(settings, new TokenSource(settings), failures, Clock.systemUTC());
        this.accounts = new Accounts(graph, failures);
        this.deltas = new Deltas(graph, failures);
    }

    /**
     * Gets a token, reads a user and a group, and checks whether sign-in activity can be read. Where it
     * cannot (no AuditLog.Read.All, or a tenant without Entra ID P1/P2), verification still passes: people
     * are read without their last sign-in, and this is logged as a warning saying what to grant.
     */
    @Override
    public void verify() {
        graph.get(graph.url("/users", Map.of("$select", "id", "$top", "1")), GraphAction.readUsers("read users"));
        graph.get(graph.url("/groups", Map.of("$select", "id", "$top", "1")), GraphAction.readGroups("read groups"));
        Optional<String> whyNot = whySignInActivityIsUnreadable();
        whyNot.ifPresent(reason -> log.log(System.Logger.Level.WARNING, "Entra ID: people are read without their"
                + " last sign-in, and inactivity cannot be measured: " + reason));
    }

    @Override
    public Stream<List<DirectoryPerson>> people() {
        boolean withSignIn = whySignInActivityIsUnreadable().isEmpty();
        int top = withSignIn ? Math.min(settings.pageSize(), Users.SIGN_IN_ACTIVITY_PAGE_LIMIT) : settings.pageSize();
        URI first = graph.url("/users", Users.query(withSignIn, top));
        return new GraphPages<>(graph, first, GraphAction.readUsers("read users"), Users::person).stream();
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        return new GraphPages<>(graph, groupsUrl("id,displayName,description"), GraphAction.readGroups("read groups"),
                Groups::group).stream();
    }

    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        var groupIds = new GraphPages<>(graph, groupsUrl("id"), GraphAction.readGroups("read groups"),
                group -> group.path("id").asString());
        return new MembershipPages(groupIds, this::membersOf, settings.pageSize()).stream();
    }

    /** Adds through {@code POST /groups/{id}/members/$ref}; Graph's "already exist" answer is ALREADY_MEMBER. */
    @Override
    public AddOutcome addMember(MembershipChange change) {
        var action = GraphAction.changeMembers("add " + change.personId() + " to group " + change.groupId());
        ObjectNode reference = GraphClient.JSON.createObjectNode()
                .put("@odata.id", graph.directoryObjectUrl(change.personId()));
        GraphResponse response = graph.send("POST", memberRefs(change.groupId()), reference, action);
        if (response.isSuccess()) {
            return AddOutcome.ADDED;
        }
        if (response.status() == 400 && response.errorMessage().contains("added object references already exist")) {
            return AddOutcome.ALREADY_MEMBER;
        }
        if (response.status() == 404) {
            throw groupExists(change.groupId())
                    ? new UnknownPersonException(change.personId())
                    : new UnknownGroupException(change.groupId());
        }
        throw failures.classify(response, action);
    }

    /** Removes ONLY through {@code DELETE /groups/{id}/members/{id}/$ref}; a 404 there is NOT_A_MEMBER. */
    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        var action = GraphAction.changeMembers("remove " + change.personId() + " from group " + change.groupId());
        URI memberReference = graph.url("/groups/" + GraphClient.encode(change.groupId()) + "/members/"
                + GraphClient.encode(change.personId()) + "/$ref", Map.of());
        GraphResponse response = graph.send("DELETE", memberReference, null, action);
        if (response.isSuccess()) {
            return RemoveOutcome.REMOVED;
        }
        if (response.status() == 404) {
            if (groupExists(change.groupId())) {
                return RemoveOutcome.NOT_A_MEMBER;
            }
            throw new UnknownGroupException(change.groupId());
        }
        throw failures.classify(response, action);
    }

    @Override
    public String createUser(NewUser user) {
        return accounts.create(user);
    }

    @Override
    public void suspendUser(String personId) {
        accounts.suspend(personId);
    }

    /**
     * @throws PermanentConnectorException when sign-in activity cannot be read at all (see {@link #verify()}):
     *     "never signed in" would be a wrong answer then
     */
    @Override
    public Optional<Instant> lastLogin(String personId) {
        var action = new GraphAction("read the sign-in activity of " + personId, "AuditLog.Read.All");
        URI url = graph.url("/users/" + GraphClient.encode(personId), Map.of("$select", "id," + Users.SIGN_IN_ACTIVITY));
        GraphResponse response = graph.send("GET", url, null, action);
        if (response.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (response.status() == 403) {
            throw new PermanentConnectorException("cannot read sign-in activity: " + signInActivityAdvice(response));
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        return Users.lastSignIn(response.body());
    }

    @Override
    public String currentCursor() {
        return deltas.currentCursor();
    }

    @Override
    public Stream<DeltaPage> changesSince(String cursor) {
        return deltas.changesSince(cursor);
    }

    @Override
    public void close() {
        // java.net.http.HttpClient of Java 17 has nothing to close; idle connections time out on their own
    }

    @Override
    public String toString() {
        return "EntraConnector{tenant=" + settings.tenantId() + ", client=" + settings.clientId() + ", graph="
                + settings.graphBaseUrl() + "}";
    }

    private PageSource<DirectoryMembership> membersOf(String groupId) {
        URI members = graph.url("/groups/" + GraphClient.encode(groupId) + "/members",
                orderedQuery("$select", "id", "$top", Integer.toString(settings.pageSize())));
        return new GraphPages<>(graph, members, GraphAction.readGroups("read the members of group " + groupId),
                member -> Groups.isUser(member) ? new DirectoryMembership(groupId, member.path("id").asString()) : null);
    }

    private URI groupsUrl(String fields) {
        return graph.url("/groups", orderedQuery("$select", fields, "$top", Integer.toString(settings.pageSize())));
    }

    private URI memberRefs(String groupId) {
        return graph.url("/groups/" + GraphClient.encode(groupId) + "/members/$ref", Map.of());
    }

    private boolean groupExists(String groupId) {
        var action = GraphAction.readGroups("read group " + groupId);
        GraphResponse response = graph.send("GET",
                graph.url("/groups/" + GraphClient.encode(groupId), Map.of("$select", "id")), null, action);
        if (response.status() == 404) {
            return false;
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        return true;
    }

    /**
     * Why signInActivity cannot be read, or empty when it can. Asked again at every read of people, so
     * granting the permission or buying the licence takes effect at the next sync.
     */
    private Optional<String> whySignInActivityIsUnreadable() {
        var action = new GraphAction("read users' sign-in activity", "AuditLog.Read.All");
        GraphResponse response = graph.send("GET",
                graph.url("/users", orderedQuery("$select", "id," + Users.SIGN_IN_ACTIVITY, "$top", "1")), null, action);
        if (response.status() == 403) {
            return Optional.of(signInActivityAdvice(response));
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        return Optional.empty();
    }

    private String signInActivityAdvice(GraphResponse response) {
        return "Graph refused to show signInActivity (" + response.errorCode() + ": " + response.errorMessage()
                + "). It needs the application permission AuditLog.Read.All with admin consent for app "
                + settings.clientId() + ", and a tenant with Microsoft Entra ID P1 or P2";
    }

    static Map<String, String> orderedQuery(String... keysAndValues) {
        var query = new LinkedHashMap<String, String>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            query.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return query;
    }
}
