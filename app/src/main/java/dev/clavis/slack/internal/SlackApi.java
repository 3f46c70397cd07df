package dev.clavis.slack.internal;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.users.UsersInfoRequest;
import com.slack.api.methods.request.users.UsersLookupByEmailRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.model.User;
import com.slack.api.util.http.SlackHttpClient;
import com.slack.api.webhook.WebhookResponse;
import dev.clavis.connector.spi.RetryAfter;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's Web API through Slack's Java SDK ({@link MethodsClient}), for the six methods Clavis uses and
 * the {@code response_url}s Slack hands out. Every call ends in Slack's answer or one of three failures
 * the caller can act on: wait ({@link RateLimited}), try again later ({@link Unavailable}), or give up
 * ({@link Refused}, Slack's {@code "ok": false}).
 */
@Component
@OnSlack
class SlackApi implements AutoCloseable {

    private static final Duration UNSAID_WAIT = Duration.ofSeconds(30);

    private final Slack slack;
    private final MethodsClient methods;
    private final JsonMapper json;
    private final Clock clock;

    SlackApi(SlackSettings settings, JsonMapper json, Clock clock) {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        // The outbox paces and retries; the SDK's in-memory call statistics would only be a thread nobody reads.
        config.setStatsEnabled(false);
        var http = new OkHttpClient.Builder().connectTimeout(Duration.ofSeconds(5)).readTimeout(Duration.ofSeconds(15)).build();
        this.slack = Slack.getInstance(config, new SlackHttpClient(http));
        this.methods = slack.methods(settings.botToken());
        this.json = json;
        this.clock = clock;
    }

    /** Where a message was posted or updated. */
    record Posted(String channel, String ts) {}

    /** {@code chat.postMessage} with a message's {@code channel}, {@code text} and {@code blocks}. */
    Posted post(Map<String, ?> message) {
        var request = ChatPostMessageRequest.builder().channel(text(message, "channel")).text(text(message, "text"))
                .blocksAsString(blocks(message)).build();
        var answer = call("chat.postMessage", () -> methods.chatPostMessage(request));
        return new Posted(answer.getChannel(), answer.getTs());
    }

    /** {@code chat.update} of the message at {@code channel} and {@code ts} to a new {@code text} and {@code blocks}. */
    Posted update(Map<String, ?> message) {
        var request = ChatUpdateRequest.builder().channel(text(message, "channel")).ts(text(message, "ts"))
                .text(text(message, "text")).blocksAsString(blocks(message)).build();
        var answer = call("chat.update", () -> methods.chatUpdate(request));
        return new Posted(answer.getChannel(), answer.getTs());
    }

    /** The email on a Slack user's profile, if Slack shows it to the app. */
    Optional<String> email(String userId) {
        User user = call("users.info", () -> methods.usersInfo(UsersInfoRequest.builder().user(userId).build())).getUser();
        return Optional.ofNullable(user == null || user.getProfile() == null ? null : user.getProfile().getEmail())
                .filter(email -> !email.isBlank());
    }

    /** The Slack user with this email; Slack refuses with {@code users_not_found} when there is none. */
    Optional<String> userWithEmail(String email) {
        User user = call("users.lookupByEmail", () -> methods.usersLookupByEmail(UsersLookupByEmailRequest.builder().email(email).build()))
                .getUser();
        return Optional.ofNullable(user == null ? null : user.getId()).filter(id -> !id.isEmpty());
    }

    /** Opens a modal for the trigger of an interaction (Slack allows three seconds from the click). */
    void openView(String triggerId, Object view) {
        var request = ViewsOpenRequest.builder().triggerId(triggerId).viewAsString(json.writeValueAsString(view)).build();
        call("views.open", () -> methods.viewsOpen(request));
    }

    /** Replaces an open modal, unless it changed since {@code hash} ({@code hash_conflict}). */
    void updateView(String viewId, String hash, Object view) {
        var request = ViewsUpdateRequest.builder().viewId(viewId).hash(hash).viewAsString(json.writeValueAsString(view)).build();
        call("views.update", () -> methods.viewsUpdate(request));
    }

    /** Answers an interaction through the {@code response_url} Slack gave with it (JSON, no token). */
    void respond(String responseUrl, Map<String, ?> message) {
        WebhookResponse answer;
        try {
            answer = slack.send(responseUrl, json.writeValueAsString(message));
        } catch (IOException e) {
            throw new Unavailable("response_url did not answer: " + e.getMessage());
        }
        if (answer.getCode() / 100 != 2) {
            throw failure("response_url", answer.getCode(), header(answer.getHeaders(), "Retry-After"));
        }
    }

    @Override
    public void close() throws Exception {
        slack.close();
    }

    private <T extends SlackApiTextResponse> T call(String method, SlackCall<T> call) {
        T answer;
        try {
            answer = call.send();
        } catch (SlackApiException e) {
            throw failure(method, e.getResponse().code(), e.getResponse().header("Retry-After"));
        } catch (IOException e) {
            throw new Unavailable(method + ": Slack did not answer: " + e.getMessage());
        }
        if (!answer.isOk()) {
            throw new Refused(method, answer.getError() == null ? "unknown_error" : answer.getError());
        }
        return answer;
    }

    private RuntimeException failure(String method, int status, @Nullable String retryAfter) {
        if (status == 429) {
            Duration wait = RetryAfter.parse(retryAfter, clock).orElse(UNSAID_WAIT);
            return new RateLimited(method, wait.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : wait);
        }
        if (status >= 500 || status == 408) {
            return new Unavailable(method + ": Slack answered " + status);
        }
        return new Refused(method, "http_" + status);
    }

    private @Nullable String blocks(Map<String, ?> message) {
        Object blocks = message.get("blocks");
        return blocks == null ? null : json.writeValueAsString(blocks);
    }

    private static @Nullable String text(Map<String, ?> message, String name) {
        Object value = message.get(name);
        return value == null ? null : value.toString();
    }

    /** OkHttp hands headers over with lower-case names. */
    private static @Nullable String header(@Nullable Map<String, List<String>> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name) && !h.getValue().isEmpty())
                .map(h -> h.getValue().get(0)).findFirst().orElse(null);
    }

    @FunctionalInterface
    private interface SlackCall<T> {
        T send() throws IOException, SlackApiException;
    }

    /** Slack said to wait ({@code 429} with {@code Retry-After}). */
    static final class RateLimited extends RuntimeException {
        final Duration retryAfter;

        RateLimited(String method, Duration retryAfter) {
            super(method + ": rate limited for " + retryAfter);
            this.retryAfter = retryAfter;
        }
    }

    /** Slack could not be reached or failed: worth trying again. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** Slack refused the call ({@code "ok": false}); trying again will not help. */
    static final class Refused extends RuntimeException {
        final String error;

        Refused(String method, String error) {
            super(method + ": " + error);
            this.error = error;
        }
    }
}
