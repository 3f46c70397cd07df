package dev.clavis.connector.scim;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.UnknownPersonException;
import dev.clavis.connector.spi.UserLifecycle;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A SCIM 2.0 service provider (RFC 7643, RFC 7644) reached over HTTP with a bearer token. Ids are the
 * server's resource ids. Streams read one page per request as they are consumed and hold nothing
 * between requests. Safe for concurrent use; never retries.
 */
public final class ScimConnector implements DirectoryConnector, MembershipProvisioning, UserLifecycle {

    private final ScimSettings settings;
    private final ScimHttp http;
    private final ServerCapabilities capabilities;
    private final MembershipWriter memberships;

    ScimConnector(ScimSettings settings, Clock clock) {
        this.settings = settings;
        this.http = new ScimHttp(settings, new ScimFailures(settings.baseUrl(), settings.token(), clock));
        this.capabilities = new ServerCapabilities(http, settings.baseUrl());
        this.memberships = new MembershipWriter(http, capabilities);
    }

    /**
     * Reads the server's configuration, lists a user and a group with the token, and checks that the
     * server has PATCH, without which no membership can change.
     */
    @Override
    public void verify() {
        capabilities.refresh();
        for (String endpoint : List.of("/Users", "/Groups")) {
            String action = "list " + endpoint;
            Reply reply = http.get(endpoint + "?count=1&excludedAttributes={excluded}",
                    Map.of("excluded", endpoint.equals("/Users") ? "groups" : "members"), action);
            if (reply.isNotFound()) {
                throw new PermanentConnectorException("the SCIM server has no " + endpoint + " under "
                        + settings.baseUrl() + ": check CLAVIS_SCIM_BASE_URL, which names the SCIM base,"
                        + " e.g. https://idp.example.com/scim/v2");
            }
            reply.body(action);
        }
        capabilities.requirePatch("change memberships");
    }

    /** Users without their {@code groups}, which can be long and are read from the groups instead. */
    @Override
    public Stream<List<DirectoryPerson>> people() {
        return ResourcePages.of(http, "/Users", Map.of("excludedAttributes", "groups"), pageSize(), "list users")
                .map(page -> page.stream().map(UserResources::person).toList());
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        return ResourcePages.of(http, "/Groups", Map.of("excludedAttributes", "members"), pageSize(), "list groups")
                .map(page -> page.stream().map(GroupResources::group).toList());
    }

    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        return MembershipPages.of(http, pageSize());
    }

    @Override
    public AddOutcome addMember(MembershipChange change) {
        return memberships.add(change);
    }

    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        return memberships.remove(change);
    }

    /**
     * Posts the user with their email as userName and primary email. If the server answers that the
     * userName is taken (409) by a user with the same email, that user's id is the answer, so a create
     * retried after its answer was lost succeeds; a user with the userName but another email is refused.
     */
    @Override
    public String createUser(NewUser user) {
        String action = "create user " + user.email();
        Reply reply = http.post("/Users", Map.of(), UserResources.resource(user), action);
        if (reply.status() == 409) {
            return existingUser(user, reply, action);
        }
        return Attributes.id(reply.body(action), "user");
    }

    @Override
    public void suspendUser(String personId) {
        String action = "suspend user " + personId;
        capabilities.requirePatch(action);
        Reply reply = http.patch("/Users/{id}?attributes=id", Map.of("id", personId), PatchOps.deactivate(), action);
        if (reply.isNotFound()) {
            throw new UnknownPersonException(personId);
        }
        reply.body(action);
    }

    /** Nothing to release: the HTTP client keeps no connection open longer than its idle timeout. */
    @Override
    public void close() {}

    @Override
    public String toString() {
        return "ScimConnector{" + settings + "}";
    }

    private String existingUser(NewUser user, Reply conflict, String action) {
        String lookup = "look up user " + user.email();
        Reply found = http.get("/Users?filter={filter}&excludedAttributes=groups",
                Map.of("filter", "userName eq " + http.literal(user.email())), lookup);
        List<JsonNode> holders = found.isSuccess() ? List.copyOf(found.body(lookup).path("Resources").values()) : List.of();
        if (holders.size() == 1 && UserResources.email(holders.get(0)).equalsIgnoreCase(user.email())) {
            return Attributes.id(holders.get(0), "user");
        }
        if (holders.size() == 1) {
            throw new PermanentConnectorException("cannot create " + user.email() + ": user "
                    + Attributes.id(holders.get(0), "user") + " already has that userName with another email");
        }
        throw conflict.failure(action);
    }

    private int pageSize() {
        return capabilities.pageSize(settings.pageSize());
    }
}
