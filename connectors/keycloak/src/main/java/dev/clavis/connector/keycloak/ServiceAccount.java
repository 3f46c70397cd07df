package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What the service account may do, as its access token says: Keycloak puts the account's effective
 * realm-management roles (composites expanded, e.g. view-users brings query-groups) in the token's
 * {@code resource_access} claim and authorizes admin calls by the same roles. The token came straight
 * from Keycloak's token endpoint, so its claims are read without checking its signature.
 */
final class ServiceAccount {

    static final List<Role> REQUIRED = List.of(Role.VIEW_USERS, Role.QUERY_GROUPS, Role.MANAGE_USERS);
    private static final String REALM_MANAGEMENT = "realm-management";

    private final KeycloakSettings settings;
    private final JsonMapper json;

    ServiceAccount(KeycloakSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
    }

    /**
     * @throws PermanentConnectorException naming each required role the account lacks
     */
    void checkRoles(String accessToken) {
        JsonNode claims = claims(accessToken);
        if (!claims.has("resource_access")) {
            // A lightweight access token carries no roles; the reads in verify() still check the read roles.
            return;
        }
        Set<String> held = new TreeSet<>();
        claims.path("resource_access").path(REALM_MANAGEMENT).path("roles").forEach(role -> held.add(role.asString()));
        List<String> missing = new ArrayList<>();
        for (Role role : REQUIRED) {
            if (!held.contains(role.roleName)) {
                missing.add(role.roleName);
            }
        }
        if (!missing.isEmpty()) {
            throw new PermanentConnectorException("the service account of client '" + settings.clientId()
                    + "' in realm '" + settings.realm() + "' lacks the realm-management role(s) "
                    + String.join(", ", missing) + ": assign them under Clients → " + settings.clientId()
                    + " → Service accounts roles (view-events too, for last sign-in times)");
        }
    }

    private JsonNode claims(String accessToken) {
        String[] parts = accessToken.split("\\.");
        if (parts.length != 3) {
            throw new PermanentConnectorException("Keycloak's token endpoint answered an access token that is not a"
                    + " JWT; check that base-url points at Keycloak");
        }
        try {
            return json.readTree(new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException | JacksonException e) {
            throw new PermanentConnectorException("Keycloak's access token has claims that cannot be read", e);
        }
    }
}
