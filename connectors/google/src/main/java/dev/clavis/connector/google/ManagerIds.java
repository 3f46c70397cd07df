package dev.clavis.connector.google;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * Google names a manager by email in the {@code relations} of a user; Clavis wants the manager's id.
 * One read of people learns the emails of every user it has listed so far, and looks up with
 * {@code users.get} only the managers it has not listed yet. It lives as long as that one read, so an
 * email that has moved to someone else is never answered from an older read.
 */
final class ManagerIds {

    private final DirectoryApi api;
    private final Map<String, Optional<String>> byEmail = new HashMap<>();

    ManagerIds(DirectoryApi api) {
        this.api = api;
    }

    /** Remembers the primary email and aliases of each listed user. */
    void learn(Iterable<JsonNode> users) {
        for (JsonNode user : users) {
            Optional<String> id = Optional.of(user.path("id").asString());
            byEmail.put(key(user.path("primaryEmail").asString("")), id);
            for (JsonNode email : user.path("emails")) {
                byEmail.put(key(email.path("address").asString("")), id);
            }
        }
    }

    /**
     * The id of the user with this email; empty when Google has no such user in the domains the
     * administrator manages, e.g. a manager outside the company.
     */
    Optional<String> idOf(String email) {
        Optional<String> known = byEmail.get(key(email));
        if (known != null) {
            return known;
        }
        String action = "look up the manager " + email;
        Response response = api.send(Call.get(Call.path("users", email)), action);
        Optional<String> id;
        if (response.succeeded()) {
            id = Optional.of(response.body().path("id").asString());
        } else if (response.status() == 404 || (response.status() == 403 && response.reason().equals("forbidden"))) {
            id = Optional.empty();
        } else {
            throw api.failures().of(response, action);
        }
        byEmail.put(key(email), id);
        return id;
    }

    private static String key(String email) {
        return email.toLowerCase(Locale.ROOT);
    }
}
