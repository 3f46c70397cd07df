package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The service account's access token from the client-credentials grant, kept until shortly before it
 * expires and then fetched anew (Keycloak issues no refresh token for this grant). The secret travels
 * only in the token request's form body.
 */
final class AccessTokens {

    /** Renew this long before expiry at most, so a token never expires on its way to Keycloak. */
    private static final Duration MARGIN = Duration.ofSeconds(30);

    private final KeycloakSettings settings;
    private final Transport transport;
    private final Clock clock;
    private @Nullable String token;
    private Instant renewAt = Instant.MIN;

    AccessTokens(KeycloakSettings settings, Transport transport, Clock clock) {
        this.settings = settings;
        this.transport = transport;
        this.clock = clock;
    }

    synchronized String current() {
        if (token == null || !clock.instant().isBefore(renewAt)) {
            fetch();
        }
        return token;
    }

    /** Drops a token Keycloak no longer accepts (its keys changed, the session was revoked), so the next call fetches one. */
    synchronized void forget(String refused) {
        if (refused.equals(token)) {
            token = null;
        }
    }

    private void fetch() {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "client_credentials");
        form.put("client_id", settings.clientId());
        form.put("client_secret", settings.clientSecret());
        var request = HttpRequest.newBuilder(URI.create(settings.tokenUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(Paths.form(form)));
        String action = "get an access token for client '" + settings.clientId() + "' in realm '" + settings.realm() + "'";
        Transport.Answer answer = transport.send(request, action);
        if (answer.status() == 200) {
            JsonNode body = answer.json();
            Instant now = clock.instant();
            Duration lifetime = Duration.ofSeconds(body.path("expires_in").asLong(60));
            Duration margin = lifetime.dividedBy(2).compareTo(MARGIN) < 0 ? lifetime.dividedBy(2) : MARGIN;
            token = body.path("access_token").asString();
            renewAt = now.plus(lifetime).minus(margin);
            return;
        }
        throw refusal(answer, action);
    }

    private PermanentConnectorException refusal(Transport.Answer answer, String action) {
        String said = answer.keycloakSaid();
        String error = answer.json().path("error").asString("");
        if (answer.status() == 404) {
            return new PermanentConnectorException("Keycloak at " + settings.baseUrl() + " has no realm '"
                    + settings.realm() + "': check CLAVIS_KEYCLOAK_REALM and CLAVIS_KEYCLOAK_BASE_URL" + said);
        }
        if (answer.status() == 401 || error.equals("invalid_client")) {
            return new PermanentConnectorException("Keycloak refused the credentials of client '" + settings.clientId()
                    + "' in realm '" + settings.realm() + "': check CLAVIS_KEYCLOAK_CLIENT_ID and"
                    + " CLAVIS_KEYCLOAK_CLIENT_SECRET, and that the client is confidential (Client authentication on)"
                    + said);
        }
        if (error.equals("unauthorized_client")) {
            return new PermanentConnectorException("client '" + settings.clientId() + "' in realm '" + settings.realm()
                    + "' may not use the client-credentials grant: turn on Service accounts roles in its Capability"
                    + " config" + said);
        }
        return new PermanentConnectorException("could not " + action + ": Keycloak answered " + answer.status() + said);
    }
}
