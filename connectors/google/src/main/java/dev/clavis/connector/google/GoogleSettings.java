package dev.clavis.connector.google;

import com.google.auth.oauth2.GoogleCredentials;
import com.google.auth.oauth2.ServiceAccountCredentials;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The connector's settings, parsed and checked together so that every problem is named at once.
 *
 * @param credentials the service account acting as {@code adminEmail} with {@link #SCOPES}
 * @param clientId the service account's OAuth client id, which an administrator authorizes for
 *     domain-wide delegation; named in error messages so they say exactly what to grant
 * @param scope which people and groups are read: a customer or one domain
 */
record GoogleSettings(
        GoogleCredentials credentials,
        String clientId,
        String adminEmail,
        ListScope scope,
        URI baseUrl,
        int pageSize,
        Duration connectTimeout,
        Duration requestTimeout) {

    /** What the service account is delegated; an administrator grants exactly these. */
    static final List<String> SCOPES = List.of(
            "https://www.googleapis.com/auth/admin.directory.user",
            "https://www.googleapis.com/auth/admin.directory.group",
            "https://www.googleapis.com/auth/admin.directory.group.member");

    /** Google's own cap on users.list; groups.list and members.list stop at 200. */
    static final int MAX_PAGE_SIZE = 500;

    /**
     * @throws InvalidSettingsException naming every setting that cannot work, never quoting the key
     */
    static GoogleSettings from(ConnectorSettings settings) {
        var reader = new Reader(settings);
        @Nullable GoogleSettings parsed = reader.read();
        if (parsed == null || !reader.problems.isEmpty()) {
            throw new InvalidSettingsException(settings.connectorType(), reader.problems);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "GoogleSettings{client-id=" + clientId + ", admin-email=" + adminEmail + ", " + scope
                + ", base-url=" + baseUrl + "}";
    }

    /** The query parameter that selects whose people and groups a list call reads. */
    record ListScope(String parameter, String value) {

        @Override
        public String toString() {
            return parameter + "=" + value;
        }
    }

    private static final class Reader {

        private final ConnectorSettings settings;
        private final List<String> problems = new ArrayList<>();

        Reader(ConnectorSettings settings) {
            this.settings = settings;
        }

        /** Null when the key cannot be used; a placeholder stands in for each other bad value. */
        @Nullable GoogleSettings read() {
            String adminEmail = settings.get("admin-email");
            if (!adminEmail.matches("[^@\\s]+@[^@\\s]+")) {
                problems.add("'admin-email' must be an email address, not '" + adminEmail + "'");
            }
            URI baseUrl = url("base-url", settings.get("base-url"));
            @Nullable URI tokenUrl = settings.find("token-url").map(value -> url("token-url", value)).orElse(null);
            @Nullable ServiceAccountCredentials key = serviceAccount(tokenUrl);
            int pageSize = attempt(() -> settings.getInt("page-size"), 1);
            if (pageSize < 1 || pageSize > MAX_PAGE_SIZE) {
                problems.add("'page-size' must be between 1 and " + MAX_PAGE_SIZE + ", not " + pageSize);
            }
            ListScope scope = settings.find("domain")
                    .map(domain -> new ListScope("domain", domain))
                    .orElseGet(() -> new ListScope("customer", settings.get("customer")));
            Duration connectTimeout = attempt(() -> settings.getDuration("connect-timeout"), Duration.ofSeconds(1));
            Duration requestTimeout = attempt(() -> settings.getDuration("request-timeout"), Duration.ofSeconds(1));
            if (key == null) {
                return null;
            }
            GoogleCredentials credentials = key.createDelegated(adminEmail).createScoped(SCOPES);
            return new GoogleSettings(credentials, key.getClientId(), adminEmail, scope, baseUrl, pageSize,
                    connectTimeout, requestTimeout);
        }

        /**
         * Reads the key with the auth library. Its own messages are not repeated: they may quote the
         * file, and the file holds the private key.
         */
        private @Nullable ServiceAccountCredentials serviceAccount(@Nullable URI tokenUrl) {
            String json = settings.get("service-account-key");
            List<String> missing = missingKeyFields(json);
            if (missing == null) {
                problems.add("'service-account-key' is not JSON; give the service account's JSON key file as"
                        + " Google Cloud issued it");
                return null;
            }
            if (!missing.isEmpty()) {
                problems.add("'service-account-key' is not a service account key: it lacks " + String.join(", ", missing));
                return null;
            }
            try {
                var key = ServiceAccountCredentials.fromStream(
                        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
                var builder = key.toBuilder().setDefaultRetriesEnabled(false);
                if (tokenUrl != null) {
                    builder.setTokenServerUri(tokenUrl);
                }
                return builder.build();
            } catch (IOException | RuntimeException e) {
                problems.add("'service-account-key' holds a private key that cannot be read as PKCS#8;"
                        + " create a new JSON key for the service account");
                return null;
            }
        }

        /** The fields a service account key needs that this one lacks; null when it is not JSON at all. */
        private static @Nullable List<String> missingKeyFields(String json) {
            JsonNode key;
            try {
                key = JsonMapper.shared().readTree(json);
            } catch (JacksonException e) {
                return null;
            }
            if (!key.isObject()) {
                return null;
            }
            var missing = new ArrayList<String>();
            if (!key.path("type").asString("").equals("service_account")) {
                missing.add("\"type\": \"service_account\"");
            }
            for (String field : List.of("client_id", "client_email", "private_key", "private_key_id")) {
                if (key.path(field).asString("").isBlank()) {
                    missing.add(field);
                }
            }
            return missing;
        }

        private URI url(String name, String value) {
            try {
                URI uri = new URI(value.endsWith("/") ? value.substring(0, value.length() - 1) : value);
                if ((uri.getScheme() != null && uri.getScheme().matches("https?")) && uri.getHost() != null) {
                    return uri;
                }
            } catch (URISyntaxException e) {
                // reported below
            }
            problems.add("'" + name + "' must be an http or https URL, not '" + value + "'");
            return URI.create("https://invalid.invalid");
        }

        private <T> T attempt(Supplier<T> read, T placeholder) {
            try {
                return read.get();
            } catch (InvalidSettingsException e) {
                problems.addAll(e.problems());
                return placeholder;
            }
        }
    }
}
