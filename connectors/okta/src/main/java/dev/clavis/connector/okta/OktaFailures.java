package dev.clavis.connector.okta;

import dev.clavis.connector.spi.ConnectorException;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * Turns an Okta answer that is not a success into a transient or permanent connector exception whose
 * message an operator can act on. Messages carry Okta's error code, summary and id (which Okta support
 * asks for), never a credential.
 */
final class OktaFailures {

    /**
     * Added to the wait Okta names: {@code X-Rate-Limit-Reset} is whole seconds, rounded down, and this
     * machine's clock is not Okta's.
     */
    static final Duration RESET_PADDING = Duration.ofSeconds(1);

    /**
     * The wait after a 429 without a usable reset time, e.g. one for too many concurrent requests, whose
     * reset Okta calls only an estimate: requests in flight finish within moments.
     */
    static final Duration CONCURRENCY_WAIT = Duration.ofSeconds(1);

    private final Clock clock;
    private final String credentialSettings;

    /**
     * @param credentialSettings the settings to check when Okta refuses the credentials, e.g.
     *     {@code CLAVIS_OKTA_API_TOKEN}
     */
    OktaFailures(Clock clock, String credentialSettings) {
        this.clock = clock;
        this.credentialSettings = credentialSettings;
    }

    /**
     * @param action what was being done, completing "could not ...", e.g. {@code list groups}
     */
    ConnectorException classify(OktaApi.Answer answer, String action) {
        int status = answer.status();
        String said = oktaSaid(answer.body());
        if (status == 429) {
            Duration wait = retryAfter(answer);
            return new TransientConnectorException("could not " + action + ": Okta's rate limit is used up"
                    + limitText(answer) + "; it asks to wait " + wait.toSeconds() + " s" + said, wait, null);
        }
        if (status == 401) {
            return new PermanentConnectorException("Okta refused the connector's credentials when asked to " + action
                    + ": check " + credentialSettings + said);
        }
        if (status == 403) {
            return new PermanentConnectorException("Okta does not let the connector " + action + ": give its admin"
                    + " role (or the service app's scopes, e.g. okta.groups.manage) that right" + said);
        }
        if (status >= 500 || status == 408) {
            return new TransientConnectorException("could not " + action + ": Okta answered " + status + said, null);
        }
        return new PermanentConnectorException("could not " + action + ": Okta answered " + status + said);
    }

    private Duration retryAfter(OktaApi.Answer answer) {
        OptionalLong reset = header(answer, "X-Rate-Limit-Reset");
        if (reset.isEmpty()) {
            return CONCURRENCY_WAIT;
        }
        Duration untilReset = Duration.between(clock.instant(), Instant.ofEpochSecond(reset.getAsLong()));
        return (untilReset.isNegative() ? Duration.ZERO : untilReset).plus(RESET_PADDING);
    }

    private static String limitText(OktaApi.Answer answer) {
        OptionalLong limit = header(answer, "X-Rate-Limit-Limit");
        return limit.isPresent() ? " (" + limit.getAsLong() + " per window)" : "";
    }

    private static OptionalLong header(OktaApi.Answer answer, String name) {
        Optional<String> value = answer.headers().firstValue(name);
        try {
            return value.isPresent() ? OptionalLong.of(Long.parseLong(value.get().strip())) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** Okta's error object in words: {@code ; E0000001 Api validation failed: login (errorId oae…)}. */
    static String oktaSaid(JsonNode error) {
        String code = error.path("errorCode").asString("");
        String summary = error.path("errorSummary").asString("");
        if (code.isEmpty() && summary.isEmpty()) {
            return "";
        }
        String causes = StreamSupport.stream(error.path("errorCauses").spliterator(), false)
                .map(cause -> cause.path("errorSummary").asString(""))
                .filter(text -> !text.isBlank())
                .collect(Collectors.joining("; "));
        String id = error.path("errorId").asString("");
        return "; " + (code + " " + summary).strip() + (causes.isEmpty() ? "" : " (" + causes + ")")
                + (id.isEmpty() ? "" : " [errorId " + id + "]");
    }
}
