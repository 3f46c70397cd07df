package dev.clavis.connector.google;

import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.UnknownPersonException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/** Creates and suspends users, and reads when they last signed in. */
final class Accounts {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DirectoryApi api;

    Accounts(DirectoryApi api) {
        this.api = api;
    }

    /**
     * users.insert requires a password. The person gets a random one that nobody is told and must change
     * it at first sign-in, so they sign in through single sign-on or after an administrator resets it.
     * Department, title and employee type go to the primary organization, where the Admin console
     * shows them; the manager goes to the relations by email.
     */
    String create(NewUser user) {
        String action = "create the user " + user.email();
        JsonMapper json = JsonMapper.shared();
        ObjectNode body = json.createObjectNode().put("primaryEmail", user.email())
                .put("password", randomPassword())
                .put("changePasswordAtNextLogin", true);
        body.putObject("name").put("givenName", user.givenName()).put("familyName", user.familyName());
        if (user.department() != null || user.title() != null || user.employeeType() != null) {
            ObjectNode organization = body.putArray("organizations").addObject().put("primary", true);
            putIfPresent(organization, "department", user.department());
            putIfPresent(organization, "title", user.title());
            putIfPresent(organization, "description", user.employeeType());
        }
        if (user.managerId() != null) {
            body.putArray("relations").addObject().put("type", "manager").put("value", email(user.managerId(), action));
        }
        Response created = api.send(Call.post(Call.path("users"), body), action);
        if (created.status() == 409) {
            throw new PermanentConnectorException("Google already has a user, group or alias " + user.email()
                    + "; could not " + action);
        }
        if (!created.succeeded()) {
            throw api.failures().of(created, action);
        }
        return created.body().path("id").asString();
    }

    /** users.update with only {@code suspended}: Google applies it as a patch, and suspending twice is harmless. */
    void suspend(String personId) {
        String action = "suspend " + personId;
        var body = JsonMapper.shared().createObjectNode().put("suspended", true);
        Response response = api.send(Call.put(Call.path("users", personId), body), action);
        if (response.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (!response.succeeded()) {
            throw api.failures().of(response, action);
        }
    }

    Optional<Instant> lastLogin(String personId) {
        return Optional.ofNullable(People.lastLogin(user(personId, "read the last sign-in of " + personId)));
    }

    private String email(String personId, String action) {
        return user(personId, action).path("primaryEmail").asString();
    }

    private JsonNode user(String personId, String action) {
        Response response = api.send(Call.get(Call.path("users", personId)), action);
        if (response.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (!response.succeeded()) {
            throw api.failures().of(response, action);
        }
        return response.body();
    }

    private static void putIfPresent(ObjectNode node, String field, @Nullable String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    private static String randomPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
