package dev.clavis.grant.internal;

import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Ends the grants whose {@code expiresAt} has come, a batch per transaction. The grant's own row is what
 * says when it ends, so an extension only moves {@code expiresAt}, and a crash part-way leaves the rest
 * due for the next sweep. Ending thousands of grants one execution and one transaction each spent more
 * on the scheduler's bookkeeping than on ending them (docs/architecture.md, Time).
 */
@Component
class GrantExpiry {

    private static final Logger log = LoggerFactory.getLogger(GrantExpiry.class);

    /** Grants ended per transaction: enough to share its cost, few enough to hold their locks briefly. */
    static final int BATCH = 100;

    /**
     * A batch that waits longer than this for a lock (a request row another transaction holds, say) gives
     * up, rather than holding up every expiry behind it; its grants are tried again one by one.
     */
    private static final int BATCH_TIMEOUT_SECONDS = 10;

    private final GrantStore store;
    private final GrantEnding ending;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final Duration retryStuckAfter;

    /**
     * Grants that could not be ended, and when to try each again. One sweep runs at a time, but successive
     * sweeps may run on different scheduler threads.
     */
    private final Map<UUID, Instant> stuck = new ConcurrentHashMap<>();

    GrantExpiry(GrantStore store, GrantEnding ending, PlatformTransactionManager transactionManager, Clock clock,
            GrantSettings settings) {
        this.store = store;
        this.ending = ending;
        this.transactions = new TransactionTemplate(transactionManager);
        this.transactions.setTimeout(BATCH_TIMEOUT_SECONDS);
        this.clock = clock;
        this.retryStuckAfter = settings.expiryRetry();
    }

    /**
     * Ends every grant due now that can be ended, a batch at a time, until a batch comes back short or ends
     * none (its grants held by other transactions, or stuck), or {@code stopping} says so.
     */
    void endExpired(BooleanSupplier stopping) {
        stuck.values().removeIf(retryAt -> !retryAt.isAfter(clock.instant()));
        while (!stopping.getAsBoolean()) {
            Instant now = clock.instant();
            List<UUID> due = store.expired(now, BATCH, stuck.keySet());
            if (due.isEmpty() || endBatch(due, now) == 0 || due.size() < BATCH) {
                return;
            }
        }
    }

    /** @return how many of the grants were ended */
    private int endBatch(List<UUID> due, Instant now) {
        try {
            Integer ended = transactions.execute(tx -> endAll(store.lockExpired(due, now)));
            return ended == null ? 0 : ended;
        } catch (RuntimeException e) {
            log.warn("Ending {} expired grant(s) together failed; ending each on its own", due.size(), e);
            return (int) due.stream().filter(grantId -> endAlone(grantId, now)).count();
        }
    }

    private int endAll(List<Grant> grants) {
        grants.forEach(grant -> ending.end(grant, GrantStatus.EXPIRED, "expired", "system"));
        return grants.size();
    }

    /**
     * One grant that cannot be ended (whatever its listeners refuse) must not keep the others of its batch
     * in effect: it is passed over for a while, then tried again.
     */
    private boolean endAlone(UUID grantId, Instant now) {
        try {
            Integer ended = transactions.execute(tx -> endAll(store.lockExpired(List.of(grantId), now)));
            return ended != null && ended > 0;
        } catch (RuntimeException e) {
            Instant retryAt = clock.instant().plus(retryStuckAfter);
            stuck.put(grantId, retryAt);
            log.error("Grant {} is past its expiry but could not be ended; trying again at {}", grantId, retryAt, e);
            return false;
        }
    }
}
