package dev.clavis.connector.entra;

import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.spi.UnknownPersonException;
import java.net.URI;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/** Creates and suspends users through Graph (User.ReadWrite.All). */
final class Accounts {

    private static final String PASSWORD_ALPHABET =
            "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789!#$%&*+-=?@^_";

    private final GraphClient graph;
    private final GraphFailures failures;
    private final SecureRandom random = new SecureRandom();

    Accounts(GraphClient graph, GraphFailures failures) {
        this.graph = graph;
        this.failures = failures;
    }

    /**
     * Creates an enabled cloud user whose user principal name and mail are the email, with a random
     * password that must be changed at first sign-in and that no one is told: the person gets in through
     * federation, a Temporary Access Pass or a password reset by an administrator. A retried create finds
     * the user the first attempt made (same user principal name) and answers their id.
     */
    String create(NewUser user) {
        var action = GraphAction.changeUsers("create user " + user.email());
        GraphResponse response = graph.send("POST", graph.url("/users", Map.of()), newUserBody(user), action);
        String id;
        if (response.isSuccess()) {
            id = response.body().path("id").asString();
        } else if (response.status() == 400 && response.errorMessage().contains("same value for property userPrincipalName")) {
            id = existingWithEmail(user.email());
        } else {
            throw failures.classify(response, action);
        }
        if (user.managerId() != null) {
            assignManager(id, user.managerId());
        }
        return id;
    }

    /** Sets {@code accountEnabled=false}, which an administrator can undo; never deletes the user. */
    void suspend(String personId) {
        var action = GraphAction.changeUsers("suspend user " + personId);
        ObjectNode disabled = GraphClient.JSON.createObjectNode().put("accountEnabled", false);
        GraphResponse response = graph.send("PATCH", userUrl(personId), disabled, action);
        if (response.status() == 404) {
            throw new UnknownPersonException(personId);
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
    }

    private ObjectNode newUserBody(NewUser user) {
        ObjectNode body = GraphClient.JSON.createObjectNode()
                .put("accountEnabled", true)
                .put("displayName", user.displayName())
                .put("givenName", user.givenName())
                .put("surname", user.familyName())
                .put("mailNickname", mailNickname(user.email()))
                .put("userPrincipalName", user.email())
                .put("mail", user.email());
        putIfPresent(body, "department", user.department());
        putIfPresent(body, "jobTitle", user.title());
        putIfPresent(body, "employeeType", user.employeeType());
        body.putObject("passwordProfile")
                .put("forceChangePasswordNextSignIn", true)
                .put("password", randomPassword());
        return body;
    }

    private String existingWithEmail(String email) {
        var action = GraphAction.readUsers("read user " + email);
        GraphResponse response = graph.send("GET", graph.url("/users/" + GraphClient.encode(email),
                Map.of("$select", "id,mail,userPrincipalName")), null, action);
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        JsonNode existing = response.body();
        if (!email.equalsIgnoreCase(existing.path("mail").asString(""))) {
            throw new PermanentConnectorException("cannot create " + email + ": user "
                    + existing.path("id").asString() + " already has that user principal name with another mail");
        }
        return existing.path("id").asString();
    }

    private void assignManager(String userId, String managerId) {
        var action = GraphAction.changeUsers("make " + managerId + " the manager of " + userId);
        ObjectNode reference = GraphClient.JSON.createObjectNode()
                .put("@odata.id", graph.directoryObjectUrl(managerId));
        GraphResponse response = graph.send("PUT",
                graph.url("/users/" + GraphClient.encode(userId) + "/manager/$ref", Map.of()), reference, action);
        if (response.status() == 404) {
            if (!exists(managerId)) {
                throw new UnknownPersonException(managerId);
            }
            // Entra ID replicates a new user to its other replicas within seconds; until then it may not find it
            throw new TransientConnectorException("Entra ID does not find the new user " + userId
                    + " yet to set their manager; it replicates new users within seconds", null);
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
    }

    private boolean exists(String userId) {
        var action = GraphAction.readUsers("read user " + userId);
        GraphResponse response = graph.send("GET", userUrl(userId), null, action);
        if (response.status() == 404) {
            return false;
        }
        if (!response.isSuccess()) {
            throw failures.classify(response, action);
        }
        return true;
    }

    private URI userUrl(String userId) {
        return graph.url("/users/" + GraphClient.encode(userId), Map.of());
    }

    /** The part of the email before the @, without the characters Graph refuses in a mailNickname. */
    private static String mailNickname(String email) {
        String local = email.substring(0, Math.max(0, email.indexOf('@'))).toLowerCase(Locale.ROOT);
        String cleaned = local.replaceAll("[^a-z0-9._-]", "");
        return cleaned.isEmpty() ? "user" : cleaned;
    }

    /** 24 characters from every class Entra ID's complexity rule asks for, at least one of each. */
    private String randomPassword() {
        var password = new StringBuilder();
        for (String required : new String[] {"ABCDEFGHJKLMNPQRSTUVWXYZ", "abcdefghijkmnopqrstuvwxyz", "23456789", "!#$%&*+-=?@^_"}) {
            password.append(required.charAt(random.nextInt(required.length())));
        }
        while (password.length() < 24) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    private static void putIfPresent(ObjectNode body, String field, String value) {
        if (value != null) {
            body.put(field, value);
        }
    }
}
