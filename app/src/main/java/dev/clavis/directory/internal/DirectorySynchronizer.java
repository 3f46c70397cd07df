package dev.clavis.directory.internal;

import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.directory.DirectoryConnection;
import dev.clavis.directory.DirectorySynced;
import dev.clavis.directory.SyncStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Copies the directory into the database: people, then groups, then memberships, page by page.
 * People and groups that a complete read did not see are marked departed or removed at the end,
 * unless that would be a large share of them: then the sync fails and waits for an admin to confirm,
 * because a wrong base DN or filter looks exactly like everyone leaving.
 */
@Component
class DirectorySynchronizer {

    private static final Logger log = LoggerFactory.getLogger(DirectorySynchronizer.class);
    private static final int LOG_EVERY = 10_000;

    private final DirectoryConnection directory;
    private final SyncWriter writer;
    private final SyncRuns runs;
    private final SyncSettings settings;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ReentrantLock oneAtATime = new ReentrantLock();

    DirectorySynchronizer(DirectoryConnection directory, SyncWriter writer, SyncRuns runs, SyncSettings settings,
            ApplicationEventPublisher events, TransactionTemplate transactions, Clock clock) {
        this.directory = directory;
        this.writer = writer;
        this.runs = runs;
        this.settings = settings;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    void run(UUID syncId) {
        oneAtATime.lock();
        try {
            var run = runs.find(syncId).orElseThrow(() -> new IllegalStateException("no sync " + syncId));
            if (!run.finished()) {
                sync(run);
            }
        } finally {
            oneAtATime.unlock();
        }
    }

    private void sync(SyncRun run) {
        UUID id = run.id();
        long started = System.nanoTime();
        Instant readStartedAt = clock.instant();
        runs.start(id);
        log.info("Directory sync {} started ({}, {})", id, run.trigger(), directory.type());
        try {
            DirectoryConnector connector = directory.connector();
            int people = readPages(id, "people", connector.people(), page -> {
                var result = writer.writePeople(id, page);
                runs.add(id, "people_added", result.added());
                runs.add(id, "people_updated", result.updated());
            }, "people_read");
            if (refusedLargeRemoval(run, refusePeopleDepartures(run))) {
                return;
            }
            int groups = readPages(id, "groups", connector.groups(), page -> {
                var result = writer.writeGroups(id, page);
                runs.add(id, "groups_added", result.added());
            }, "groups_read");
            if (refusedLargeRemoval(run, refuseGroupRemovals(run))) {
                return;
            }
            int memberships = readPages(id, "memberships", connector.memberships(),
                    page -> writer.stageMemberships(id, page), "memberships_read");
            runs.phase(id, "applying");
            int departed = writer.markDeparted(id);
            int groupsRemoved = writer.removeGroupsNotSeen(id);
            int[] membershipChanges = writer.applyStagedMemberships(id, readStartedAt);
            writer.refreshStatistics();
            runs.add(id, "people_departed", departed);
            runs.add(id, "groups_removed", groupsRemoved);
            runs.add(id, "memberships_added", membershipChanges[0]);
            runs.add(id, "memberships_removed", membershipChanges[1]);
            // One transaction for the record and the event, so listeners (drift reconciliation) hear of
            // every successful sync, durably, even across a crash right after it.
            transactions.executeWithoutResult(tx -> {
                runs.finish(id, SyncStatus.SUCCEEDED, null);
                events.publishEvent(new DirectorySynced(id, people, groups, memberships, departed));
            });
            log.info("Directory sync {} succeeded in {} ms: {} people ({} departed), {} groups, {} memberships (+{} -{})",
                    id, (System.nanoTime() - started) / 1_000_000, people, departed, groups, memberships,
                    membershipChanges[0], membershipChanges[1]);
        } catch (RuntimeException e) {
            writer.discardStage(id);
            runs.finish(id, SyncStatus.FAILED, describe(e));
            log.warn("Directory sync {} failed: {}", id, describe(e), e);
        }
    }

    private <T> int readPages(UUID id, String what, Stream<List<T>> pages, Consumer<List<T>> write,
            String counter) {
        runs.phase(id, what);
        int read = 0;
        try (pages) {
            var iterator = pages.iterator();
            while (iterator.hasNext()) {
                List<T> page = iterator.next();
                write.accept(page);
                runs.add(id, counter, page.size());
                int before = read;
                read += page.size();
                if (read / LOG_EVERY > before / LOG_EVERY) {
                    log.info("Directory sync {}: {} {} read", id, read, what);
                }
            }
        }
        return read;
    }

    private boolean refusedLargeRemoval(SyncRun run, @Nullable String refusal) {
        if (refusal == null || run.confirmLargeRemoval()) {
            return false;
        }
        runs.refuse(run.id(), refusal);
        log.warn("Directory sync {} stopped: {}", run.id(), refusal);
        return true;
    }

    private @Nullable String refusePeopleDepartures(SyncRun run) {
        int notSeen = writer.countPeopleNotSeen(run.id());
        int present = writer.countPeopleStillHere();
        return tooMany(notSeen, present)
                ? "The directory no longer lists " + notSeen + " of " + present + " people" + refusalAdvice()
                : null;
    }

    private @Nullable String refuseGroupRemovals(SyncRun run) {
        int notSeen = writer.countGroupsNotSeen(run.id());
        int present = writer.countGroups();
        return tooMany(notSeen, present)
                ? "The directory no longer lists " + notSeen + " of " + present + " groups" + refusalAdvice()
                : null;
    }

    private boolean tooMany(int gone, int present) {
        return gone > 0 && (long) gone * 100 > (long) present * settings.maxDeparturePercent();
    }

    private String refusalAdvice() {
        return " (more than " + settings.maxDeparturePercent() + " %), so nobody was marked departed and no group "
                + "or membership was removed. Check the connector's base and filter settings; if the directory is "
                + "right, confirm with POST /api/v1/directory/sync?confirmLargeRemoval=true, or with Confirm and sync on the "
                + "console's Directory page (/admin/directory)";
    }

    private static String describe(RuntimeException e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.length() > 3900 ? message.substring(0, 3900) : message;
    }
}
