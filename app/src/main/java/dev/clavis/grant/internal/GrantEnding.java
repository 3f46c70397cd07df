package dev.clavis.grant.internal;

import dev.clavis.grant.Grant;
import dev.clavis.grant.GrantEnded;
import dev.clavis.grant.GrantMembership;
import dev.clavis.grant.GrantStatus;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.provisioning.MembershipTask;
import dev.clavis.provisioning.ProvisioningQueue;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Ending a grant, whatever ends it: each membership is removed, unless another grant in effect needs
 * it or the person had it before Clavis added it; those are retained.
 */
@Component
class GrantEnding {

    private final GrantStore store;
    private final ProvisioningQueue provisioning;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    GrantEnding(GrantStore store, ProvisioningQueue provisioning, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.provisioning = provisioning;
        this.events = events;
        this.clock = clock;
    }

    /** Ends a locked grant that is in effect. */
    void end(Grant grant, GrantStatus status, String reason, String by) {
        end(grant, status, reason, by, false);
    }

    /**
     * @param evenHeldBefore also remove memberships the person had before Clavis granted them: a
     *     review decided on the access itself, not only on what Clavis added
     */
    void end(Grant grant, GrantStatus status, String reason, String by, boolean evenHeldBefore) {
        Instant now = clock.instant();
        store.end(grant.id(), status, now, reason, by);
        var removals = new ArrayList<MembershipTask>();
        for (GrantMembership membership : grant.memberships()) {
            String group = membership.groupName();
            if (membership.state().equals("FAILED") || membership.state().equals("REMOVED")) {
                continue;
            }
            if (membership.preexisting() && !evenHeldBefore) {
                store.membershipState(grant.id(), group, "RETAINED", "the person was a member before Clavis granted it", now);
            } else if (store.otherGrantNeeds(grant.personId(), group, grant.id())) {
                store.membershipState(grant.id(), group, "RETAINED", "another grant in effect needs it", now);
            } else {
                store.membershipState(grant.id(), group, "REMOVING", null, now);
                removals.add(new MembershipTask(MembershipOperation.REMOVE, group, grant.personId(), GrantReference.of(grant.id())));
            }
        }
        provisioning.enqueue(removals);
        events.publishEvent(new GrantEnded(grant.id(), grant.requestId(), grant.personId(), status, now, reason, by));
        if (removals.isEmpty()) {
            store.removalConfirmed(List.of(grant.id()), now);
        }
    }
}
