package dev.clavis.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Follows submitted requests to their end without adding load while they travel: it asks only whether any
 * request is still on its way (one indexed row), and reads the requests themselves once none is.
 */
final class FollowUp {

    /** Reads afterwards use fewer threads than the load: they are not measured, only waited for. */
    private static final int READERS = 8;

    private FollowUp() {
    }

    /** A request as the benchmark sent it: when it left, and when the answer was back. */
    record Sent(UUID id, Instant sentAt, Instant answeredAt) {}

    /** Waits until no request is approved-but-not-granted any more. */
    static void awaitSettled(RequestApi api, RunWatch watch) throws InterruptedException {
        watch.await("every request to be granted or to fail", Duration.ofMillis(200),
                () -> !api.anyRequest("PROVISIONING") && !api.anyRequest("APPROVED"));
    }

    /** The requests as Clavis has them now, by id. */
    static Map<UUID, JsonNode> read(RequestApi api, List<UUID> ids, Instant deadline) throws InterruptedException {
        var read = new ConcurrentHashMap<UUID, JsonNode>();
        Concurrently.all(ids.size(), READERS, deadline, i -> read.put(ids.get(i), api.request(ids.get(i))));
        return read;
    }

    static @Nullable Instant instant(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isString() ? Instant.parse(value.asString()) : null;
    }

    static double perSecond(int count, Instant from, @Nullable Instant to) {
        if (to == null || count == 0) {
            return 0;
        }
        return count / (Duration.between(from, to).toNanos() / 1e9);
    }
}
