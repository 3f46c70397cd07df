package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.LoginActivity;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PageStream;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.UnknownGroupException;
import dev.clavis.connector.spi.UnknownPersonException;
import dev.clavis.connector.spi.UserLifecycle;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Keycloak realm reached through the Admin REST API as the service account of a confidential
 * client. Ids are Keycloak's user and group ids; a group's name is its path without the leading slash
 * ({@code engineering} for a top-level group, {@code engineering/admins} for a subgroup), which is
 * unique in the realm where names alone are unique only among siblings.
 *
 * <p>Keycloak's membership calls succeed whether or not anything changes, so adds and removals first
 * read the person's groups to tell {@code ALREADY_MEMBER} and {@code NOT_A_MEMBER} apart. Safe for
 * concurrent use.
 */
public final class KeycloakConnector implements DirectoryConnector, MembershipProvisioning, UserLifecycle, LoginActivity {

    private static final System.Logger log = System.getLogger(KeycloakConnector.class.getName());

    private final KeycloakSettings settings;
    private final Transport transport;
    private final AccessTokens tokens;
    private final AdminApi api;
    private final LoginEvents logins;
    private final ServiceAccount serviceAccount;
    private final UserProfile userProfile;
    private final Set<String> warned = ConcurrentHashMap.newKeySet();

    KeycloakConnector(KeycloakSettings settings) {
        this.settings = settings;
        this.transport = new Transport(settings);
        this.tokens = new AccessTokens(settings, transport, Clock.systemUTC());
        this.api = new AdminApi(settings, transport, tokens);
        this.logins = new LoginEvents(api);
        this.serviceAccount = new ServiceAccount(settings, transport.json);
        this.userProfile = new UserProfile(api);
    }

    /**
     * Gets a token, checks that the service account holds the realm-management roles the connector
     * needs and reads one person and one group. Where sign-in times cannot be read (the realm saves no
     * LOGIN events, or the account lacks view-events), or the realm's user profile would drop the
     * attributes the connector reads, it logs a warning (once per connector) and passes: membership changes
     * still work.
     */
    @Override
    public void verify() {
        serviceAccount.checkRoles(tokens.current());
        api.list("/users" + Paths.query("first", 0, "max", 1, "briefRepresentation", true), Representations.USERS,
                Role.VIEW_USERS, "list people");
        api.list("/groups" + Paths.query("first", 0, "max", 1, "briefRepresentation", true), Representations.GROUPS,
                Role.QUERY_GROUPS, "list groups");
        logins.whyUnavailable().ifPresent(why -> warnOnce("last sign-in times are unknown: " + why));
        userProfile.whyAttributesAreDropped().ifPresent(this::warnOnce);
    }

    @Override
    public Stream<List<DirectoryPerson>> people() {
        return PageStream.of(new PeopleCursor(api, settings, logins));
    }

    @Override
    public Stream<List<DirectoryGroup>> groups() {
        var walk = new GroupWalk(api, settings.pageSize());
        return PageStream.of(() -> {
            List<Representations.Group> page = walk.next();
            return page == null ? null : page.stream().map(KeycloakConnector::group).toList();
        });
    }

    @Override
    public Stream<List<DirectoryMembership>> memberships() {
        return PageStream.of(new MembershipCursor(api, settings.pageSize()));
    }

    @Override
    public AddOutcome addMember(MembershipChange change) {
        Representations.Group group = group(change.groupId());
        if (isMember(change.personId(), group)) {
            return AddOutcome.ALREADY_MEMBER;
        }
        change("PUT", change, "add " + change.personId() + " to group " + group.path());
        return AddOutcome.ADDED;
    }

    /** A person Keycloak does not know is not a member of anything. */
    @Override
    public RemoveOutcome removeMember(MembershipChange change) {
        Representations.Group group = group(change.groupId());
        try {
            if (!isMember(change.personId(), group)) {
                return RemoveOutcome.NOT_A_MEMBER;
            }
            change("DELETE", change, "remove " + change.personId() + " from group " + group.path());
            return RemoveOutcome.REMOVED;
        } catch (UnknownPersonException e) {
            return RemoveOutcome.NOT_A_MEMBER;
        }
    }

    /**
     * Creates an enabled person whose username is their email, with department, title, manager (as the
     * manager's email) and employeeType attributes. A person who already exists with this email as both
     * username and email is answered as created, so a retried create succeeds; an email or username that
     * someone else has is refused.
     */
    @Override
    public String createUser(NewUser user) {
        String email = user.email().toLowerCase(Locale.ROOT);
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        putIfPresent(attributes, Attributes.DEPARTMENT, user.department());
        putIfPresent(attributes, Attributes.TITLE, user.title());
        putIfPresent(attributes, Attributes.MANAGER, user.managerId() == null ? null : managerEmail(user));
        putIfPresent(attributes, Attributes.EMPLOYEE_TYPE, user.employeeType());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("username", email);
        body.put("email", email);
        body.put("firstName", user.givenName());
        body.put("lastName", user.familyName());
        body.put("enabled", true);
        body.put("attributes", attributes);
        String action = "create " + email;
        Transport.Answer answer = api.send("POST", "/users", body, Role.MANAGE_USERS, action);
        if (answer.status() == 201) {
            return answer.createdId().orElseThrow(() -> new PermanentConnectorException(
                    "could not " + action + ": Keycloak created the person but named no Location"));
        }
        if (answer.status() == 409) {
            return Users.byEmail(api, email)
                    .filter(existing -> email.equalsIgnoreCase(existing.username()))
                    .map(Representations.User::id)
                    .orElseThrow(() -> new PermanentConnectorException("cannot create " + email + ": another person in"
                            + " realm '" + settings.realm() + "' has that email or username" + answer.keycloakSaid()));
        }
        throw AdminApi.unexpected(answer, action);
    }

    /** Sets {@code enabled=false}, which Keycloak's administrators undo by enabling the person again. */
    @Override
    public void suspendUser(String personId) {
        ObjectNode person = Users.byId(api, personId);
        if (!person.path("enabled").asBoolean(true)) {
            return;
        }
        person.put("enabled", false);
        String action = "suspend " + personId;
        Transport.Answer answer = api.send("PUT", "/users/" + Paths.segment(personId), person, Role.MANAGE_USERS, action);
        if (answer.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (!answer.ok()) {
            throw AdminApi.unexpected(answer, action);
        }
    }

    /**
     * The person's latest stored LOGIN event.
     *
     * @throws PermanentConnectorException when the realm saves no LOGIN events, so the answer is unknown
     */
    @Override
    public Optional<Instant> lastLogin(String personId) {
        Users.byId(api, personId);
        logins.whyUnavailable().ifPresent(why -> {
            throw new PermanentConnectorException("cannot tell when " + personId + " last signed in: " + why);
        });
        return logins.latest(personId);
    }

    @Override
    public void close() {
        transport.close();
    }

    @Override
    public String toString() {
        return "KeycloakConnector{" + settings + "}";
    }

    /** The health check verifies every few seconds; a warning that stays true is worth one line, not thousands. */
    private void warnOnce(String warning) {
        if (warned.add(warning)) {
            log.log(Level.WARNING, "Keycloak realm ''{0}'': {1}", settings.realm(), warning);
        }
    }

    private Representations.Group group(String id) {
        String action = "read group " + id;
        Transport.Answer answer = api.get("/groups/" + Paths.segment(id), Role.QUERY_GROUPS, action);
        if (answer.status() == 404) {
            throw new UnknownGroupException(id);
        }
        return api.read(answer, Representations.Group.class, action);
    }

    /**
     * Whether the person is a direct member, from their groups whose names contain the group's name
     * (Keycloak's search), compared by id.
     *
     * @throws UnknownPersonException when there is no such person
     */
    private boolean isMember(String personId, Representations.Group group) {
        String action = "read the groups of " + personId;
        for (int first = 0; ; first += settings.pageSize()) {
            Transport.Answer answer = api.get("/users/" + Paths.segment(personId) + "/groups" + Paths.query(
                    "search", group.name(), "first", first, "max", settings.pageSize(), "briefRepresentation", true),
                    Role.VIEW_USERS, action);
            if (answer.status() == 404) {
                throw new UnknownPersonException(personId);
            }
            List<Representations.Group> groups = api.read(answer, Representations.GROUPS, action);
            if (groups.stream().anyMatch(found -> found.id().equals(group.id()))) {
                return true;
            }
            if (groups.size() < settings.pageSize()) {
                return false;
            }
        }
    }

    private void change(String method, MembershipChange change, String action) {
        Transport.Answer answer = api.send(method, "/users/" + Paths.segment(change.personId()) + "/groups/"
                + Paths.segment(change.groupId()), null, Role.MANAGE_USERS, action);
        if (answer.status() == 404) {
            // Deleted since it was read: say which.
            group(change.groupId());
            throw new UnknownPersonException(change.personId());
        }
        if (!answer.ok()) {
            throw AdminApi.unexpected(answer, action);
        }
    }

    private String managerEmail(NewUser user) {
        String managerId = Objects.requireNonNull(user.managerId());
        try {
            String email = Users.byId(api, managerId).path("email").asString("");
            if (email.isEmpty()) {
                throw new PermanentConnectorException("cannot create " + user.email() + ": their manager " + managerId
                        + " has no email, which the manager attribute holds");
            }
            return email;
        } catch (UnknownPersonException e) {
            throw new PermanentConnectorException(
                    "cannot create " + user.email() + ": their manager " + managerId + " does not exist", e);
        }
    }

    private static DirectoryGroup group(Representations.Group group) {
        String path = group.path() == null ? group.name() : group.path().replaceFirst("^/", "");
        return new DirectoryGroup(group.id(), path, blankToNull(group.description()));
    }

    private static void putIfPresent(Map<String, List<String>> attributes, String name, @Nullable String value) {
        if (value != null) {
            attributes.put(name, List.of(value));
        }
    }

    private static @Nullable String blankToNull(@Nullable String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
