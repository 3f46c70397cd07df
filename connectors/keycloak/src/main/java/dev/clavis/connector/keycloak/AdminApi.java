package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.type.TypeReference;

/**
 * The realm's Admin REST API as the service account. A 401 is answered once with a new token (the old
 * one may have been revoked, or Keycloak's keys rotated); a second 401 or any 403 is permanent and
 * names what the service account lacks. Other statuses are the caller's to read.
 */
final class AdminApi {

    private final KeycloakSettings settings;
    private final Transport transport;
    private final AccessTokens tokens;

    AdminApi(KeycloakSettings settings, Transport transport, AccessTokens tokens) {
        this.settings = settings;
        this.transport = transport;
        this.tokens = tokens;
    }

    /**
     * @param path below the realm's admin URL, e.g. {@code /users?first=0&max=100}
     * @param needs the role whose lack would explain a 403
     * @param action what the call does, completing "could not ...", for messages
     */
    Transport.Answer get(String path, Role needs, String action) {
        return send("GET", path, null, needs, action);
    }

    /** A read that must succeed, as a list of {@code type}. */
    <T> List<T> list(String path, TypeReference<List<T>> type, Role needs, String action) {
        return read(get(path, needs, action), type, action);
    }

    Transport.Answer send(String method, String path, @Nullable Object body, Role needs, String action) {
        String token = tokens.current();
        Transport.Answer answer = transport.send(request(method, path, body, token), action);
        if (answer.status() == 401) {
            tokens.forget(token);
            answer = transport.send(request(method, path, body, tokens.current()), action);
        }
        if (answer.status() == 401) {
            throw new PermanentConnectorException("could not " + action + ": Keycloak refused the access token of"
                    + " client '" + settings.clientId() + "' although it had just issued it; check that base-url is"
                    + " the address Keycloak knows itself by (its hostname setting)" + answer.keycloakSaid());
        }
        if (answer.status() == 403) {
            throw new PermanentConnectorException("Keycloak does not let the service account of client '"
                    + settings.clientId() + "' " + action + ": give it the realm-management role '" + needs.roleName
                    + "' (Clients → " + settings.clientId() + " → Service accounts roles)" + answer.keycloakSaid());
        }
        return answer;
    }

    /** The body of an answer that must be a success. */
    <T> T read(Transport.Answer answer, TypeReference<T> type, String action) {
        if (!answer.ok()) {
            throw unexpected(answer, action);
        }
        return transport.json.readValue(answer.body(), type);
    }

    <T> T read(Transport.Answer answer, Class<T> type, String action) {
        if (!answer.ok()) {
            throw unexpected(answer, action);
        }
        return transport.json.readValue(answer.body(), type);
    }

    /** An answer the call did not expect, as a permanent failure carrying Keycloak's explanation. */
    static PermanentConnectorException unexpected(Transport.Answer answer, String action) {
        return new PermanentConnectorException(
                "could not " + action + ": Keycloak answered " + answer.status() + answer.keycloakSaid());
    }

    private HttpRequest.Builder request(String method, String path, @Nullable Object body, String token) {
        var request = HttpRequest.newBuilder(URI.create(settings.adminUrl() + path))
                .header("Authorization", "Bearer " + token);
        if (body == null) {
            return request.method(method, HttpRequest.BodyPublishers.noBody());
        }
        return request.header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(transport.json.writeValueAsString(body)));
    }
}
