package dev.clavis.grant.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantActivated;
import dev.clavis.grant.GrantMembership;
import dev.clavis.grant.GrantProvisioningFailed;
import dev.clavis.grant.GrantRemovalConfirmed;
import dev.clavis.grant.GrantRemovalFailed;
import dev.clavis.grant.GrantStatus;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Moves grants on as the directory confirms their memberships, in the transaction that records the
 * directory's answer: the answer and what it does to the grant commit together or not at all, so a
 * crash in between cannot lose either. They run after the listeners that record the answer itself
 * (audit, timeline), so the trail reads "added to the group", then "grant active".
 */
@Component
class GrantProvisioningOutcomes {

    private static final Set<String> SETTLED_AFTER_END = Set.of("REMOVED", "RETAINED", "FAILED");

    private final GrantStore store;
    private final GrantReminders reminders;
    private final ProvisioningQueue provisioning;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrantProvisioningOutcomes(GrantStore store, GrantReminders reminders, ProvisioningQueue provisioning,
            ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.reminders = reminders;
        this.provisioning = provisioning;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(MembershipChangeConfirmed confirmed) {
        GrantReference.parse(confirmed.reference()).flatMap(store::lock).ifPresent(grant -> {
            if (confirmed.operation() == MembershipOperation.ADD) {
                added(grant, confirmed);
            } else {
                removed(grant, confirmed);
            }
        });
    }

    @EventListener
    @Order(Ordered.LOWEST_PRECEDENCE)
    void on(MembershipChangeFailed failed) {
        GrantReference.parse(failed.reference()).flatMap(store::lock).ifPresent(grant -> {
            Instant now = clock.instant();
            store.membershipState(grant.id(), failed.groupName(), "FAILED", failed.error(), now);
            if (failed.operation() == MembershipOperation.ADD && grant.status() == GrantStatus.PENDING) {
                store.fail(grant.id(), now, failed.groupName() + ": " + failed.error());
                takeBackAdded(grant, failed.groupName());
                events.publishEvent(new GrantProvisioningFailed(grant.id(), grant.requestId(), failed.groupName(), failed.error()));
            } else if (failed.operation() == MembershipOperation.REMOVE) {
                events.publishEvent(new GrantRemovalFailed(grant.id(), grant.requestId(), failed.groupName(), failed.error()));
            }
        });
    }

    private void added(Grant grant, MembershipChangeConfirmed confirmed) {
        Instant now = clock.instant();
        GrantMembership membership = membership(grant, confirmed.groupName());
        if (membership == null || !membership.state().equals("ADDING")) {
            return;
        }
        // Only a first attempt's "already a member" means the person had it before: on a retry it may
        // be our own earlier attempt, confirmed by the directory just before a crash or a timeout.
        if (confirmed.outcome() == MembershipOutcome.ALREADY_MEMBER && confirmed.attempts() == 1
                && !store.otherGrantNeeds(grant.personId(), confirmed.groupName(), grant.id())) {
            store.markPreexisting(grant.id(), confirmed.groupName());
        }
        store.membershipState(grant.id(), confirmed.groupName(), "PRESENT", confirmed.outcome().name(), now);
        boolean allPresent = grant.memberships().stream()
                .allMatch(m -> m.groupName().equals(confirmed.groupName()) || m.state().equals("PRESENT"));
        if (grant.status() == GrantStatus.PENDING && allPresent) {
            AccessDuration duration = AccessDuration.parse(grant.duration()).orElse(AccessDuration.PERMANENT);
            Instant expiresAt = duration.isPermanent() ? null : now.plus(duration.length());
            store.activate(grant.id(), now, expiresAt);
            if (expiresAt != null) {
                reminders.remindBefore(grant.id(), expiresAt);
            }
            events.publishEvent(new GrantActivated(grant.id(), grant.requestId(), grant.personId(), grant.groups(), now, expiresAt));
        }
    }

    private void removed(Grant grant, MembershipChangeConfirmed confirmed) {
        Instant now = clock.instant();
        store.membershipState(grant.id(), confirmed.groupName(), "REMOVED", confirmed.outcome().name(), now);
        boolean settled = grant.memberships().stream()
                .allMatch(m -> m.groupName().equals(confirmed.groupName()) || SETTLED_AFTER_END.contains(m.state()));
        if (!grant.status().inEffect() && settled && grant.removalConfirmedAt() == null) {
            store.removalConfirmed(grant.id(), now);
            events.publishEvent(new GrantRemovalConfirmed(grant.id(), grant.requestId(), now));
        }
    }

    /** A grant that failed part-way takes back the memberships it had added, so no half-grant is left. */
    private void takeBackAdded(Grant grant, String failedGroup) {
        Instant now = clock.instant();
        var removals = new ArrayList<MembershipTask>();
        for (GrantMembership m : grant.memberships()) {
            if (m.groupName().equals(failedGroup)) {
                continue;
            }
            boolean clavisAdded = (m.state().equals("PRESENT") || m.state().equals("ADDING")) && !m.preexisting();
            if (clavisAdded && !store.otherGrantNeeds(grant.personId(), m.groupName(), grant.id())) {
                store.membershipState(grant.id(), m.groupName(), "REMOVING", "taken back: the grant failed", now);
                removals.add(new MembershipTask(MembershipOperation.REMOVE, m.groupName(), grant.personId(),
                        GrantReference.of(grant.id())));
            }
        }
        provisioning.enqueue(removals);
    }

    private static @Nullable GrantMembership membership(Grant grant, String group) {
        return grant.memberships().stream().filter(m -> m.groupName().equals(group)).findFirst().orElse(null);
    }
}
