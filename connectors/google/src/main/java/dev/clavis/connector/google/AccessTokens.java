package dev.clavis.connector.google;

import com.google.api.client.http.HttpResponseException;
import com.google.auth.oauth2.GoogleCredentials;
import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Access tokens for the delegated service account. The auth library signs the JWT-bearer assertion,
 * exchanges it, caches the token and renews it before it expires; this class only classifies failures.
 */
final class AccessTokens {

    private final GoogleCredentials credentials;
    private final Failures failures;

    AccessTokens(GoogleCredentials credentials, Failures failures) {
        this.credentials = credentials;
        this.failures = failures;
    }

    /** The value of an {@code Authorization} header. */
    String authorization() {
        try {
            List<String> header = credentials.getRequestMetadata().get("Authorization");
            if (header == null || header.isEmpty()) {
                throw new PermanentConnectorException("Google's token endpoint answered without an access token");
            }
            return header.get(0);
        } catch (IOException e) {
            throw classify(e);
        }
    }

    /**
     * The token endpoint's refusal says whether the delegation is wrong (a 4xx, permanent) or the
     * endpoint is struggling (429 or 5xx, transient). Without an answer it is a network failure. The
     * library's exception is not kept as the cause: its message quotes the token endpoint's exchange.
     */
    private ConnectorException classify(IOException e) {
        HttpResponseException refusal = refusal(e);
        if (refusal == null) {
            return new TransientConnectorException("Google's token endpoint could not be reached ("
                    + rootCause(e).getClass().getSimpleName() + ")", null);
        }
        int status = refusal.getStatusCode();
        String said = status + describe(refusal.getContent());
        if (status == 429 || status >= 500) {
            return new TransientConnectorException("Google's token endpoint failed: " + said, null);
        }
        return new PermanentConnectorException("Google would not issue an access token for the service account"
                + " acting as the administrator: " + said + ". " + failures.delegationAdvice());
    }

    private static @Nullable HttpResponseException refusal(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HttpResponseException response) {
                return response;
            }
        }
        return null;
    }

    private static Throwable rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root;
    }

    /** The OAuth error code and description (RFC 6749, section 5.2), which carry no secret. */
    private static String describe(@Nullable String content) {
        if (content == null || content.isBlank()) {
            return "";
        }
        try {
            JsonNode error = JsonMapper.shared().readTree(content);
            String code = error.path("error").asString("");
            String description = error.path("error_description").asString("");
            return (code.isEmpty() ? "" : " " + code) + (description.isEmpty() ? "" : " \"" + description + "\"");
        } catch (JacksonException notJson) {
            return "";
        }
    }
}
