package dev.clavis.connector.okta;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The connector's settings, parsed and checked together so that every problem is named at once.
 * {@link #toString()} leaves out the token and the key.
 */
record OktaSettings(
        URI baseUrl,
        OktaCredentials.Source credentials,
        int pageSize,
        boolean activateNewUsers,
        Duration connectTimeout,
        Duration responseTimeout) {

    /** Hosts Okta's token may travel to over plain HTTP: this machine only, where a simulator runs. */
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]");

    /**
     * @throws InvalidSettingsException naming every setting that cannot work
     */
    static OktaSettings from(ConnectorSettings settings) {
        var reader = new Reader(settings);
        OktaSettings parsed = reader.read();
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(settings.connectorType(), reader.problems);
        }
        return parsed;
    }

    @Override
    public String toString() {
        return "OktaSettings{base-url=" + baseUrl + ", " + credentials + ", page-size=" + pageSize + "}";
    }

    private static final class Reader {

        private final ConnectorSettings settings;
        private final List<String> problems = new ArrayList<>();

        Reader(ConnectorSettings settings) {
            this.settings = settings;
        }

        OktaSettings read() {
            int pageSize = attempt(() -> settings.getInt("page-size"), 200);
            if (pageSize < 1 || pageSize > 200) {
                problems.add("'page-size' must be between 1 and 200, not " + pageSize);
            }
            return new OktaSettings(
                    baseUrl(),
                    credentials(),
                    pageSize,
                    attempt(() -> settings.getBoolean("activate-new-users"), false),
                    duration("connect-timeout"),
                    duration("response-timeout"));
        }

        private URI baseUrl() {
            String text = settings.get("base-url").replaceAll("/+$", "");
            try {
                URI uri = new URI(text);
                boolean https = "https".equals(uri.getScheme());
                boolean localHttp = "http".equals(uri.getScheme()) && LOOPBACK.contains(String.valueOf(uri.getHost()));
                if (uri.getHost() == null || !(https || localHttp)) {
                    problems.add("'base-url' must be https://<your org>.okta.com (plain http only to this machine),"
                            + " not '" + text + "'");
                } else if (uri.getRawPath() != null && !uri.getRawPath().isEmpty()) {
                    problems.add("'base-url' is the org's URL without a path, e.g. https://acme.okta.com, not '"
                            + text + "'");
                }
                return uri;
            } catch (URISyntaxException e) {
                problems.add("'base-url' is not a URL: '" + text + "'");
                return URI.create("https://invalid.example");
            }
        }

        private OktaCredentials.Source credentials() {
            var token = settings.find("api-token");
            var clientId = settings.find("client-id");
            var privateKey = settings.find("private-key");
            if (token.isPresent() && (clientId.isPresent() || privateKey.isPresent())) {
                problems.add("give either 'api-token' or 'client-id' with 'private-key', not both");
            } else if (token.isPresent()) {
                return new OktaCredentials.ApiToken(token.get());
            } else if (clientId.isPresent() && privateKey.isPresent()) {
                try {
                    return OktaCredentials.ServiceApp.of(clientId.get(), privateKey.get(),
                            settings.find("key-id").orElse(null), settings.get("scopes"));
                } catch (IllegalArgumentException e) {
                    problems.add(e.getMessage());
                }
            } else if (clientId.isPresent()) {
                problems.add("'private-key' is required with 'client-id': the service app's private key");
            } else if (privateKey.isPresent()) {
                problems.add("'client-id' is required with 'private-key': the service app's client id");
            } else {
                problems.add("'api-token' (an Okta API token) or 'client-id' with 'private-key' (an OAuth 2.0"
                        + " service app) is required");
            }
            return new OktaCredentials.ApiToken("");
        }

        private Duration duration(String name) {
            Duration value = attempt(() -> settings.getDuration(name), Duration.ofSeconds(1));
            if (value.isNegative() || value.isZero()) {
                problems.add("'" + name + "' must be longer than zero");
            }
            return value;
        }

        private <T> T attempt(Supplier<T> read, T fallback) {
            try {
                return read.get();
            } catch (InvalidSettingsException e) {
                problems.addAll(e.problems());
                return fallback;
            }
        }
    }
}
