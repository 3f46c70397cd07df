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
import dev.clavis.provisioning.MembershipChangesConfirmed;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipOutcome;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
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
 *
 * <p>A batch of confirmations moves its grants together: they are locked in one statement, and their
 * memberships' states and activations written in one batch each, before the grants' events are published.
 * One grant at a time, that was a locking read and two updates for every request granted.
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
    void on(MembershipChangesConfirmed confirmed) {
        Map<UUID, List<MembershipChangeConfirmed>> byGrant = new LinkedHashMap<>();
        for (MembershipChangeConfirmed change : confirmed.changes()) {
            GrantReference.parse(change.reference())
                    .ifPresent(grant -> byGrant.computeIfAbsent(grant, id -> new ArrayList<>()).add(change));
        }
        if (byGrant.isEmpty()) {
            return;
        }
        var moves = new Moves(clock.instant());
        for (Grant grant : store.lock(byGrant.keySet())) {
            var states = new HashMap<String, String>();
            grant.memberships().forEach(m -> states.put(m.groupName(), m.state()));
            for (MembershipChangeConfirmed change : byGrant.get(grant.id())) {
                if (change.operation() == MembershipOperation.ADD) {
                    added(grant, states, change, moves);
                } else {
                    removed(grant, states, change, moves);
                }
            }
        }
        moves.carryOut();
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

    /** @param states the grant's memberships' states as this batch has left them so far */
    private void added(Grant grant, Map<String, String> states, MembershipChangeConfirmed confirmed, Moves moves) {
        String group = confirmed.groupName();
        if (!"ADDING".equals(states.get(group))) {
            return;
        }
        // Only a first attempt's "already a member" means the person had it before: on a retry it may
        // be our own earlier attempt, confirmed by the directory just before a crash or a timeout.
        if (confirmed.outcome() == MembershipOutcome.ALREADY_MEMBER && confirmed.attempts() == 1
                && !store.otherGrantNeeds(grant.personId(), group, grant.id())) {
            store.markPreexisting(grant.id(), group);
        }
        states.put(group, "PRESENT");
        moves.states.add(new GrantStore.MembershipState(grant.id(), group, "PRESENT", confirmed.outcome().name()));
        if (grant.status() == GrantStatus.PENDING && states.values().stream().allMatch("PRESENT"::equals)) {
            AccessDuration duration = AccessDuration.parse(grant.duration()).orElse(AccessDuration.PERMANENT);
            Instant expiresAt = duration.isPermanent() ? null : moves.now.plus(duration.length());
            moves.activations.add(new GrantStore.Activation(grant, moves.now, expiresAt));
        }
    }

    private void removed(Grant grant, Map<String, String> states, MembershipChangeConfirmed confirmed, Moves moves) {
        states.put(confirmed.groupName(), "REMOVED");
        moves.states.add(new GrantStore.MembershipState(grant.id(), confirmed.groupName(), "REMOVED",
                confirmed.outcome().name()));
        boolean settled = states.values().stream().allMatch(SETTLED_AFTER_END::contains);
        if (!grant.status().inEffect() && settled && grant.removalConfirmedAt() == null) {
            moves.removed.put(grant.id(), grant);
        }
    }

    /** What a batch of confirmations does to its grants, written together, then told. */
    private final class Moves {

        final Instant now;
        final List<GrantStore.MembershipState> states = new ArrayList<>();
        final List<GrantStore.Activation> activations = new ArrayList<>();
        final Map<UUID, Grant> removed = new LinkedHashMap<>();

        Moves(Instant now) {
            this.now = now;
        }

        void carryOut() {
            store.membershipStates(states, now);
            store.activate(activations);
            store.removalConfirmed(List.copyOf(removed.keySet()), now);
            for (GrantStore.Activation activation : activations) {
                Grant grant = activation.grant();
                if (activation.expiresAt() != null) {
                    reminders.remindBefore(grant.id(), activation.expiresAt());
                }
                events.publishEvent(new GrantActivated(grant.id(), grant.requestId(), grant.personId(), grant.groups(),
                        now, activation.expiresAt()));
            }
            for (Grant grant : removed.values()) {
                events.publishEvent(new GrantRemovalConfirmed(grant.id(), grant.requestId(), now));
            }
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
}
