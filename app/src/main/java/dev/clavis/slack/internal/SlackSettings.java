package dev.clavis.slack.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.springframework.core.env.Environment;

/**
 * {@code clavis.slack.*}, i.e. {@code CLAVIS_SLACK_BOT_TOKEN}, {@code CLAVIS_SLACK_SIGNING_SECRET},
 * {@code CLAVIS_SLACK_API_BASE_URL} and the optional {@code CLAVIS_SLACK_APP_TOKEN}. Each secret may
 * instead be read from a file named by the same variable with {@code _FILE} appended.
 *
 * @param apiBaseUrl where Slack's Web API methods live, ending in a slash
 * @param perConversationInterval the least time between two messages to one conversation (Slack's
 *     {@code chat.postMessage} allows about one a second)
 * @param appToken the app-level token ({@code xapp-}) that opens a Socket Mode connection; without it,
 *     Slack calls Clavis's HTTP endpoints
 */
record SlackSettings(String botToken, String signingSecret, String apiBaseUrl,
        Duration perConversationInterval, Optional<String> appToken) {

    static final String PREFIX = "clavis.slack.";
    static final String DEFAULT_API_BASE_URL = "https://slack.com/api/";

    static SlackSettings from(Environment environment) {
        String base = setting(environment, "api-base-url").orElse(DEFAULT_API_BASE_URL);
        return new SlackSettings(
                setting(environment, "bot-token").orElseThrow(),
                setting(environment, "signing-secret").orElseThrow(),
                base.endsWith("/") ? base : base + "/",
                environment.getProperty(PREFIX + "per-conversation-interval", Duration.class, Duration.ofSeconds(1)),
                setting(environment, "app-token"));
    }

    /** Both secrets are there: the Slack app is on. */
    static boolean configured(Environment environment) {
        return setting(environment, "bot-token").isPresent() && setting(environment, "signing-secret").isPresent();
    }

    /** The Slack app is on and has an app-level token: Slack's calls come over Socket Mode. */
    static boolean socketMode(Environment environment) {
        return configured(environment) && setting(environment, "app-token").isPresent();
    }

    private static Optional<String> setting(Environment environment, String name) {
        String value = environment.getProperty(PREFIX + name);
        if (value != null && !value.isBlank()) {
            return Optional.of(value.strip());
        }
        String file = environment.getProperty(PREFIX + name + "-file");
        if (file == null || file.isBlank()) {
            return Optional.empty();
        }
        try {
            String content = Files.readString(Path.of(file.strip())).strip();
            return content.isEmpty() ? Optional.empty() : Optional.of(content);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + PREFIX + name + "-file " + file, e);
        }
    }

    @Override
    public String toString() {
        return "SlackSettings[apiBaseUrl=" + apiBaseUrl + ", perConversationInterval=" + perConversationInterval
                + ", socketMode=" + appToken.isPresent() + "]";
    }
}
