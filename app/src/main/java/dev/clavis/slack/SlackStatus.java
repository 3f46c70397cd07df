package dev.clavis.slack;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/** Whether the Slack app is on, and how its outgoing messages are doing, for the console. */
public interface SlackStatus {

    State state();

    /**
     * @param configured a bot token and a signing secret are set
     * @param socketMode Slack's calls come over a WebSocket Clavis opens, not to its HTTP endpoints
     * @param waiting messages queued and not yet sent (retries included)
     * @param failed messages set aside after their last attempt, kept for a week
     * @param lastError the latest error Slack answered, if any message is waiting or failed with one
     */
    record State(boolean configured, boolean socketMode, long waiting, long failed, @Nullable Instant lastSentAt,
            @Nullable String lastError) {}
}
