package dev.clavis.connector.keycloak;

import static dev.clavis.connector.spi.ConfigProperty.optional;
import static dev.clavis.connector.spi.ConfigProperty.required;
import static dev.clavis.connector.spi.ConfigProperty.secret;

import dev.clavis.connector.spi.ConfigSchema;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The connector's settings, checked; {@link #toString()} leaves the secret out. */
record KeycloakSettings(
        URI baseUrl,
        String realm,
        String clientId,
        String clientSecret,
        int pageSize,
        boolean readLastLogin,
        Duration connectTimeout,
        Duration requestTimeout) {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            required("base-url", "Keycloak's URL without a realm, e.g. https://sso.acme.com (older servers:"
                    + " https://sso.acme.com/auth)"),
            required("realm", "the realm whose people and groups Clavis governs"),
            required("client-id", "a confidential client of that realm with a service account"),
            secret("client-secret", "the client's secret (Clients → client → Credentials)"),
            optional("page-size", "people, groups or members asked for per call (first/max)", "100"),
            optional("read-last-login", "whether reads of people ask for each person's latest stored LOGIN"
                    + " event, one call per person; false leaves the last sign-in out of reads", "true"),
            optional("connect-timeout", "wait for a connection to Keycloak; ISO-8601 or seconds", "PT5S"),
            optional("request-timeout", "wait for any answer from Keycloak; ISO-8601 or seconds", "PT30S"));

    /**
     * @throws InvalidSettingsException naming every setting that cannot work
     */
    static KeycloakSettings from(ConnectorSettings settings) {
        var problems = new ArrayList<String>();
        URI baseUrl = baseUrl(settings.get("base-url"), problems);
        String realm = settings.get("realm");
        int pageSize = attempt(() -> settings.getInt("page-size"), 100, problems);
        if (pageSize < 1) {
            problems.add("'page-size' must be at least 1, not " + pageSize);
        }
        boolean readLastLogin = attempt(() -> settings.getBoolean("read-last-login"), true, problems);
        Duration connectTimeout = positive("connect-timeout", settings, problems);
        Duration requestTimeout = positive("request-timeout", settings, problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(settings.connectorType(), problems);
        }
        return new KeycloakSettings(baseUrl, realm, settings.get("client-id"), settings.get("client-secret"),
                pageSize, readLastLogin, connectTimeout, requestTimeout);
    }

    /** Where the realm's admin API lives, e.g. {@code https://sso.acme.com/admin/realms/acme}. */
    String adminUrl() {
        return baseUrl + "/admin/realms/" + Paths.segment(realm);
    }

    String tokenUrl() {
        return baseUrl + "/realms/" + Paths.segment(realm) + "/protocol/openid-connect/token";
    }

    @Override
    public String toString() {
        return "KeycloakSettings{base-url=" + baseUrl + ", realm=" + realm + ", client-id=" + clientId
                + ", client-secret=******, page-size=" + pageSize + "}";
    }

    private static URI baseUrl(String value, List<String> problems) {
        String trimmed = value.replaceAll("/+$", "");
        try {
            URI uri = new URI(trimmed);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && uri.getQuery() == null && uri.getFragment() == null) {
                return uri;
            }
        } catch (URISyntaxException e) {
            // reported below, with the other problems
        }
        problems.add("'base-url' must be an http:// or https:// URL such as https://sso.acme.com, not '" + value + "'");
        return URI.create("http://invalid");
    }

    private static Duration positive(String name, ConnectorSettings settings, List<String> problems) {
        Duration value = attempt(() -> settings.getDuration(name), Duration.ofSeconds(1), problems);
        if (value.isZero() || value.isNegative()) {
            problems.add("'" + name + "' must be longer than zero");
        }
        return value;
    }

    private static <T> T attempt(Supplier<T> read, T fallback, List<String> problems) {
        try {
            return read.get();
        } catch (InvalidSettingsException e) {
            problems.addAll(e.problems());
            return fallback;
        }
    }
}
