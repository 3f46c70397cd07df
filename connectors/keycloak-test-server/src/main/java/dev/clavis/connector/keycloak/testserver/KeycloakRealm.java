package dev.clavis.connector.keycloak.testserver;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * One realm, set up and inspected as its administrator would, never through the connector: created
 * saving LOGIN events, with {@code department}, {@code title}, {@code manager} and {@code employeeType}
 * declared in its user profile (Keycloak drops attributes the profile does not declare).
 */
public final class KeycloakRealm {

    public static final List<String> ATTRIBUTES = List.of("department", "title", "manager", "employeeType");
    private static final String SIGN_IN_CLIENT = "sign-in-probe";

    private final AdminHttp admin;
    private final String name;
    private boolean signInClientCreated;

    private KeycloakRealm(AdminHttp admin, String name) {
        this.admin = admin;
        this.name = name;
    }

    static KeycloakRealm create(KeycloakServer server, String name) {
        var admin = new AdminHttp(server);
        AdminHttp.expect(admin.send("POST", "/admin/realms", Map.of("realm", name, "enabled", true,
                "eventsEnabled", true, "enabledEventTypes", List.of("LOGIN"))), 201);
        var realm = new KeycloakRealm(admin, name);
        realm.declareAttributes();
        return realm;
    }

    public String name() {
        return name;
    }

    /**
     * A confidential client whose service account holds the given realm-management roles.
     *
     * @return the client's secret
     */
    public String createServiceClient(String clientId, List<String> realmManagementRoles) {
        String secret = "secret-" + UUID.randomUUID();
        AdminHttp.expect(admin.send("POST", path("/clients"), Map.of("clientId", clientId, "publicClient", false,
                "serviceAccountsEnabled", true, "standardFlowEnabled", false, "directAccessGrantsEnabled", false,
                "clientAuthenticatorType", "client-secret", "secret", secret)), 201);
        String clientUuid = clientUuid(clientId);
        String serviceAccount = admin.get(path("/clients/" + clientUuid + "/service-account-user")).path("id").asString();
        String realmManagement = clientUuid("realm-management");
        var roles = new ArrayList<JsonNode>();
        for (String role : realmManagementRoles) {
            roles.add(admin.get(path("/clients/" + realmManagement + "/roles/" + AdminHttp.encode(role))));
        }
        AdminHttp.expect(admin.send("POST", path("/users/" + serviceAccount + "/role-mappings/clients/" + realmManagement),
                roles), 204);
        return secret;
    }

    /**
     * A confidential client that signs people in through the browser (authorization code flow), as a web
     * application does; it may send browsers nowhere until {@link #setRedirectUris} says where.
     *
     * @return the client's secret
     */
    public String createSignInClient(String clientId) {
        String secret = "secret-" + UUID.randomUUID();
        AdminHttp.expect(admin.send("POST", path("/clients"), Map.of("clientId", clientId, "publicClient", false,
                "standardFlowEnabled", true, "directAccessGrantsEnabled", false, "serviceAccountsEnabled", false,
                "clientAuthenticatorType", "client-secret", "secret", secret)), 201);
        return secret;
    }

    /** Where the client may send browsers after sign-in, and after sign-out ({@code +}: the same). */
    public void setRedirectUris(String clientId, List<String> redirectUris) {
        String clientUuid = clientUuid(clientId);
        ObjectNode client = (ObjectNode) admin.get(path("/clients/" + clientUuid));
        ArrayNode uris = client.putArray("redirectUris");
        redirectUris.forEach(uris::add);
        ((ObjectNode) client.path("attributes")).put("post.logout.redirect.uris", "+");
        AdminHttp.expect(admin.send("PUT", path("/clients/" + clientUuid), client), 204);
    }

    /** Marks the person's email as verified or not, which ID tokens then say in {@code email_verified}. */
    public void setEmailVerified(String personId, boolean verified) {
        ObjectNode person = (ObjectNode) admin.get(path("/users/" + personId));
        person.put("emailVerified", verified);
        AdminHttp.expect(admin.send("PUT", path("/users/" + personId), person), 204);
    }

    /**
     * An enabled person whose username is their email.
     *
     * @param attributes values of user attributes; null values are left out
     */
    public String createPerson(String email, String firstName, String lastName, Map<String, @Nullable String> attributes) {
        return createPerson(email, email, firstName, lastName, attributes);
    }

    /** An enabled person whose username is not their email. */
    public String createPerson(String username, String email, String firstName, String lastName,
            Map<String, @Nullable String> attributes) {
        Map<String, List<String>> values = new LinkedHashMap<>();
        attributes.forEach((attribute, value) -> {
            if (value != null) {
                values.put(attribute, List.of(value));
            }
        });
        var answer = AdminHttp.expect(admin.send("POST", path("/users"), Map.of("username", username, "email", email,
                "firstName", firstName, "lastName", lastName, "enabled", true, "attributes", values)), 201);
        return idFromLocation(answer);
    }

    public String email(String personId) {
        return admin.get(path("/users/" + personId)).path("email").asString();
    }

    public boolean isEnabled(String personId) {
        return admin.get(path("/users/" + personId)).path("enabled").asBoolean();
    }

    public void setPassword(String personId, String password) {
        AdminHttp.expect(admin.send("PUT", path("/users/" + personId + "/reset-password"),
                Map.of("type", "password", "value", password, "temporary", false)), 204);
    }

    /** Signs the person in with their password, as an application would, which Keycloak records as a LOGIN event. */
    public void signIn(String username, String password) {
        if (!signInClientCreated) {
            AdminHttp.expect(admin.send("POST", path("/clients"), Map.of("clientId", SIGN_IN_CLIENT, "publicClient",
                    true, "directAccessGrantsEnabled", true, "standardFlowEnabled", false)), 201);
            signInClientCreated = true;
        }
        AdminHttp.expect(admin.postForm("/realms/" + name + "/protocol/openid-connect/token", "grant_type=password"
                + "&client_id=" + SIGN_IN_CLIENT + "&scope=openid&username=" + AdminHttp.encode(username)
                + "&password=" + AdminHttp.encode(password)), 200);
    }

    /** Turns the saving of user events on or off, keeping LOGIN among the saved types. */
    public void saveEvents(boolean save) {
        AdminHttp.expect(admin.send("PUT", path("/events/config"), Map.of("eventsEnabled", save,
                "enabledEventTypes", List.of("LOGIN"))), 204);
    }

    public String createGroup(String groupName, @Nullable String description) {
        Map<String, Object> group = new LinkedHashMap<>();
        group.put("name", groupName);
        if (description != null) {
            group.put("description", description);
        }
        return idFromLocation(AdminHttp.expect(admin.send("POST", path("/groups"), group), 201));
    }

    public String createSubgroup(String parentId, String groupName) {
        var answer = AdminHttp.expect(admin.send("POST", path("/groups/" + parentId + "/children"),
                Map.of("name", groupName)), 201);
        return answer.location() != null ? idFromLocation(answer) : admin.json.readTree(answer.body()).path("id").asString();
    }

    /** The id of the top-level group with exactly this name. */
    public String groupId(String groupName) {
        for (JsonNode group : admin.get(path("/groups?exact=true&search=" + AdminHttp.encode(groupName)))) {
            if (group.path("name").asString().equals(groupName)) {
                return group.path("id").asString();
            }
        }
        throw new IllegalStateException("realm " + name + " has no top-level group " + groupName);
    }

    public void addMember(String groupId, String personId) {
        AdminHttp.expect(admin.send("PUT", path("/users/" + personId + "/groups/" + groupId), null), 204);
    }

    public void removeMember(String groupId, String personId) {
        AdminHttp.expect(admin.send("DELETE", path("/users/" + personId + "/groups/" + groupId), null), 204);
    }

    /** The ids of the group's direct members. */
    public List<String> members(String groupId) {
        var members = new ArrayList<String>();
        int pageSize = 100;
        for (int first = 0; ; first += pageSize) {
            JsonNode page = admin.get(path("/groups/" + groupId + "/members?briefRepresentation=true&first=" + first
                    + "&max=" + pageSize));
            page.forEach(member -> members.add(member.path("id").asString()));
            if (page.size() < pageSize) {
                return members;
            }
        }
    }

    /** Takes {@link #ATTRIBUTES} out of the user profile again, as in a realm whose administrator never declared them. */
    public void undeclareAttributes() {
        ObjectNode profile = (ObjectNode) admin.get(path("/users/profile"));
        ArrayNode kept = admin.json.createArrayNode();
        profile.path("attributes").forEach(attribute -> {
            if (!ATTRIBUTES.contains(attribute.path("name").asString())) {
                kept.add(attribute);
            }
        });
        profile.set("attributes", kept);
        AdminHttp.expect(admin.send("PUT", path("/users/profile"), profile), 200);
    }

    private void declareAttributes() {
        ObjectNode profile = (ObjectNode) admin.get(path("/users/profile"));
        ArrayNode attributes = (ArrayNode) profile.path("attributes");
        for (String attribute : ATTRIBUTES) {
            ObjectNode declared = attributes.addObject();
            declared.put("name", attribute);
            declared.put("displayName", attribute);
            declared.put("multivalued", false);
            ObjectNode permissions = declared.putObject("permissions");
            permissions.putArray("view").add("admin");
            permissions.putArray("edit").add("admin");
        }
        AdminHttp.expect(admin.send("PUT", path("/users/profile"), profile), 200);
    }

    private String clientUuid(String clientId) {
        JsonNode clients = admin.get(path("/clients?clientId=" + AdminHttp.encode(clientId)));
        return clients.get(0).path("id").asString();
    }

    private String path(String below) {
        return "/admin/realms/" + name + below;
    }

    private static String idFromLocation(AdminHttp.Answer answer) {
        String location = Objects.requireNonNull(answer.location(), "Keycloak named no Location for what it created");
        return location.substring(location.lastIndexOf('/') + 1);
    }
}
