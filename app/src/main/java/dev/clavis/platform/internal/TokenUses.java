package dev.clavis.platform.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.server.context.WebServerGracefulShutdownLifecycle;
import org.springframework.context.SmartLifecycle;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * When each API token was last used, written behind the calls: a call waits for no write of its own, and
 * the uses of many tokens are written in one batch every {@link #INTERVAL}. Writing each use as it happened
 * cost every first call of a token in a minute a transaction of its own, a commit the caller waited for.
 *
 * <p>What is not written yet is written before tokens are listed and when Clavis stops; a crash loses at most
 * one interval of it, and it is kept to the minute anyway. A write that fails is tried again at the next one.
 */
@Component
class TokenUses implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(TokenUses.class);

    private static final Duration INTERVAL = Duration.ofSeconds(10);

    private final JdbcTemplate jdbc;
    private final Map<UUID, Instant> unwritten = new ConcurrentHashMap<>();
    private volatile @Nullable ScheduledExecutorService writer;

    TokenUses(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    void used(UUID tokenId, Instant at) {
        unwritten.merge(tokenId, at, TokenUses::later);
    }

    /** Writes every use recorded before the call. */
    synchronized void write() {
        var uses = new ArrayList<Map.Entry<UUID, Instant>>();
        for (UUID token : unwritten.keySet()) {
            Instant at = unwritten.remove(token);
            if (at != null) {
                uses.add(Map.entry(token, at));
            }
        }
        if (uses.isEmpty()) {
            return;
        }
        try {
            jdbc.batchUpdate("update api_token set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)",
                    uses, uses.size(), (statement, use) -> {
                        var at = use.getValue().atOffset(ZoneOffset.UTC);
                        statement.setObject(1, at);
                        statement.setObject(2, use.getKey());
                        statement.setObject(3, at);
                    });
        } catch (DataAccessException e) {
            uses.forEach(use -> used(use.getKey(), use.getValue()));
            throw e;
        }
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            log.warn("Could not write when API tokens were last used; trying again in {} s", INTERVAL.toSeconds(), e);
        }
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    @Override
    public void start() {
        writer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "token-uses");
            thread.setDaemon(true);
            return thread;
        });
        writer.scheduleWithFixedDelay(this::writeQuietly, INTERVAL.toMillis(), INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void stop() {
        ScheduledExecutorService stopping = writer;
        writer = null;
        if (stopping != null) {
            stopping.shutdownNow();
        }
        writeQuietly();
    }

    @Override
    public boolean isRunning() {
        return writer != null;
    }

    /**
     * Stops after the web server (which stops 1024 below its graceful shutdown's phase), so the uses of its last
     * calls are written too.
     */
    @Override
    public int getPhase() {
        return WebServerGracefulShutdownLifecycle.SMART_LIFECYCLE_PHASE - 2048;
    }
}
