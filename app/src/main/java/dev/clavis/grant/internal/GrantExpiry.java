package dev.clavis.grant.internal;

import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
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

    private final GrantStore store;
    private final GrantEnding ending;
    private final TransactionTemplate transactions;
    private final Clock clock;

    GrantExpiry(GrantStore store, GrantEnding ending, TransactionTemplate transactions, Clock clock) {
        this.store = store;
        this.ending = ending;
        this.transactions = transactions;
        this.clock = clock;
    }

    /** Ends every grant due now that can be ended. */
    void endExpired() {
        int due;
        do {
            Instant now = clock.instant();
            try {
                Integer ended = transactions.execute(tx -> endAll(store.lockExpired(now, BATCH)));
                due = ended == null ? 0 : ended;
            } catch (RuntimeException e) {
                List<UUID> batch = store.expired(now, BATCH);
                log.warn("Ending {} expired grant(s) together failed; ending each on its own", batch.size(), e);
                batch.forEach(this::endAlone);
                due = batch.size();
            }
        } while (due == BATCH);
    }

    private int endAll(List<Grant> grants) {
        grants.forEach(grant -> ending.end(grant, GrantStatus.EXPIRED, "expired", "system"));
        return grants.size();
    }

    /**
     * One grant that cannot be ended (whatever its listeners refuse) must not keep the others of its batch
     * in effect; it stays due, and is tried again, and logged again, at every sweep.
     */
    private void endAlone(UUID grantId) {
        try {
            transactions.executeWithoutResult(tx -> store.lock(grantId)
                    .filter(grant -> grant.status() == GrantStatus.ACTIVE)
                    .filter(grant -> grant.expiresAt() != null && !grant.expiresAt().isAfter(clock.instant()))
                    .ifPresent(grant -> endAll(List.of(grant))));
        } catch (RuntimeException e) {
            log.error("Grant {} is past its expiry but could not be ended; it is tried again at the next sweep", grantId, e);
        }
    }
}
