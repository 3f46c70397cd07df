package dev.clavis.slack.internal;

import com.google.gson.JsonElement;
import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.socket_mode.SocketModeClient;
import com.slack.api.socket_mode.request.SocketModeEnvelope;
import com.slack.api.socket_mode.response.AckResponse;
import com.slack.api.socket_mode.response.MapResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.scheduling.concurrent.CustomizableThreadFactory;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Slack's calls over Socket Mode, for a company whose Clavis Slack cannot reach: with an app-level
 * token, Clavis opens the WebSocket itself (Slack's SDK asks {@code apps.connections.open} for its
 * address and reconnects when it drops) and slash commands, interactions and events come as
 * envelopes. Each goes the way a signed HTTP call goes ({@link SlackCalls}: recorded once, handled
 * afterwards) and is acknowledged as soon as it is recorded, well within Slack's three seconds. An
 * envelope that could not be recorded is not acknowledged, so Slack sends it again; one that can
 * never be (it is not what Slack sends) is acknowledged and dropped, so Slack stops sending it.
 * The socket is authenticated by the app token, so envelopes carry no signature to check.
 */
@Component
@Conditional(SocketMode.Enabled.class)
class SocketMode implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketMode.class);
    private static final Duration RETRY_CONNECTING = Duration.ofSeconds(10);

    private final SlackSettings settings;
    private final SlackCalls calls;
    private final JsonMapper json;
    private final ScheduledExecutorService connector = Executors.newSingleThreadScheduledExecutor(
            new CustomizableThreadFactory("slack-socket-mode-"));
    private volatile @Nullable SocketModeClient client;
    private volatile boolean running;

    SocketMode(SlackSettings settings, SlackCalls calls, JsonMapper json) {
        this.settings = settings;
        this.calls = calls;
        this.json = json;
    }

    @Override
    public void start() {
        running = true;
        connector.execute(this::connect);
    }

    /** Until Slack first answers; after that, the SDK's client keeps the connection up. */
    private void connect() {
        var config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.apiBaseUrl());
        config.setStatsEnabled(false);
        try {
            SocketModeClient opened = Slack.getInstance(config).socketMode(settings.appToken().orElseThrow(), SocketModeClient.Backend.JavaWebSocket);
            opened.setAutoReconnectEnabled(true);
            opened.setAutoReconnectOnCloseEnabled(true);
            opened.addSlashCommandsEnvelopeListener(envelope -> take(opened, envelope, () -> {
                Map<String, String> form = fields(envelope.getPayload());
                calls.command(form, SlackForm.encode(form));
                return null;
            }));
            opened.addInteractiveEnvelopeListener(envelope -> take(opened, envelope,
                    () -> calls.interaction(json.readTree(envelope.getPayload().toString())).orElse(null)));
            // The app subscribes to no event; an envelope of one is acknowledged and has no effect, as over HTTP.
            opened.addEventsApiEnvelopeListener(envelope -> take(opened, envelope, () -> null));
            opened.connect();
            client = opened;
            log.info("Slack Socket Mode connected");
        } catch (IOException | RuntimeException e) {
            log.warn("Could not open a Slack Socket Mode connection, trying again in {}: {}", RETRY_CONNECTING, e.toString());
            if (running) {
                connector.schedule(this::connect, RETRY_CONNECTING.toSeconds(), TimeUnit.SECONDS);
            }
        }
    }

    /** Takes an envelope in, then acknowledges it with the answer, if taking it in gave one. */
    private static void take(SocketModeClient client, SocketModeEnvelope envelope, Supplier<@Nullable Map<String, Object>> takeIn) {
        Map<String, Object> payload = null;
        try {
            payload = takeIn.get();
        } catch (SlackForm.Malformed | tools.jackson.core.JacksonException | IllegalStateException | UnsupportedOperationException e) {
            log.warn("Dropped a Slack {} envelope that is not what Slack sends: {}", envelope.getType(), e.getMessage());
        }
        client.sendSocketModeResponse(payload == null ? new AckResponse(envelope.getEnvelopeId()) : new MapResponse(envelope.getEnvelopeId(), payload));
    }

    /** A slash command's payload: the fields of its form, as strings. */
    private static Map<String, String> fields(JsonElement payload) {
        var fields = new LinkedHashMap<String, String>();
        payload.getAsJsonObject().entrySet().forEach(field -> {
            if (field.getValue().isJsonPrimitive()) {
                fields.put(field.getKey(), field.getValue().getAsString());
            }
        });
        return fields;
    }

    @Override
    public void stop() {
        running = false;
        connector.shutdownNow();
        SocketModeClient open = client;
        if (open != null) {
            try {
                open.close();
            } catch (IOException e) {
                log.info("Closing the Slack Socket Mode connection: {}", e.getMessage());
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    static final class Enabled implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return SlackSettings.socketMode(context.getEnvironment());
        }
    }
}
