package dev.clavis.connector.scim;

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

/**
 * The SCIM connector's settings, checked.
 *
 * @param baseUrl the service provider's SCIM base, without a trailing slash, e.g. {@code https://idp.example.com/scim/v2}
 * @param pageSize resources asked for per page ({@code count}); the server's own maximum may lower it
 * @param requestsPerSecond the most requests per second this connector sends, reads included; 0 is unpaced
 */
record ScimSettings(
        URI baseUrl,
        String token,
        int pageSize,
        double requestsPerSecond,
        Duration connectTimeout,
        Duration responseTimeout) {

    static final String TYPE = "scim";

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            required("base-url", "the SCIM 2.0 base URL of the service provider, under which /Users, /Groups and"
                    + " /ServiceProviderConfig live, e.g. https://idp.example.com/scim/v2"),
            secret("token", "the bearer token Clavis presents (Authorization: Bearer ...)"),
            optional("page-size", "resources per page when reading people, groups and memberships", "100"),
            optional("rate-limit", "the most requests per second the connector sends to the server, reads"
                    + " included (e.g. 10, or 0.5); 0 sends each request as soon as the last one is answered", "0"),
            optional("connect-timeout", "wait for a connection to the server; ISO-8601 or seconds", "PT5S"),
            optional("response-timeout", "wait for the server's answer to one request; ISO-8601 or seconds", "PT30S"));

    @Override
    public String toString() {
        return "scim{base-url=" + baseUrl + ", token=******, page-size=" + pageSize + ", rate-limit="
                + requestsPerSecond + "/s, connect-timeout=" + connectTimeout + ", response-timeout=" + responseTimeout
                + "}";
    }

    /**
     * @throws InvalidSettingsException naming every setting that cannot work
     */
    static ScimSettings from(ConnectorSettings settings) {
        var problems = new ArrayList<String>();
        URI baseUrl = baseUrl(settings.get("base-url"), problems);
        String token = settings.get("token");
        if (token.chars().anyMatch(c -> Character.isWhitespace(c) || Character.isISOControl(c))) {
            problems.add("'token' must be the token alone, without spaces, line breaks or a 'Bearer' prefix");
        }
        int pageSize = settings.getInt("page-size");
        if (pageSize < 1) {
            problems.add("'page-size' must be at least 1, not " + pageSize);
        }
        double rate = rate(settings.get("rate-limit"), problems);
        Duration connectTimeout = positive(settings, "connect-timeout", problems);
        Duration responseTimeout = positive(settings, "response-timeout", problems);
        if (!problems.isEmpty()) {
            throw new InvalidSettingsException(TYPE, problems);
        }
        return new ScimSettings(baseUrl, token, pageSize, rate, connectTimeout, responseTimeout);
    }

    private static URI baseUrl(String text, List<String> problems) {
        try {
            URI uri = new URI(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                problems.add("'base-url' must be an absolute https:// (or http://) URL, not '" + text + "'");
            } else if (uri.getRawQuery() != null || uri.getRawFragment() != null || uri.getRawUserInfo() != null) {
                problems.add("'base-url' must have no query, fragment or credentials: '" + text + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("'base-url' is not a URL: '" + text + "'");
            return URI.create("http://invalid");
        }
    }

    private static double rate(String text, List<String> problems) {
        try {
            double rate = Double.parseDouble(text);
            if (rate >= 0 && Double.isFinite(rate)) {
                return rate;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        problems.add("'rate-limit' must be a number of requests per second, 0 for unpaced, not '" + text + "'");
        return 0;
    }

    private static Duration positive(ConnectorSettings settings, String name, List<String> problems) {
        Duration duration = settings.getDuration(name);
        if (duration.isNegative() || duration.isZero()) {
            problems.add("'" + name + "' must be longer than zero, not " + duration);
        }
        return duration;
    }
}
