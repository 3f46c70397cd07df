package dev.clavis.request.internal;

import dev.clavis.grant.GrantActivated;
import dev.clavis.grant.GrantEnded;
import dev.clavis.grant.GrantExpiringSoon;
import dev.clavis.grant.GrantExtended;
import dev.clavis.grant.GrantProvisioningFailed;
import dev.clavis.grant.GrantRemovalConfirmed;
import dev.clavis.grant.GrantStatus;
import dev.clavis.provisioning.MembershipChangeConfirmed;
import dev.clavis.provisioning.MembershipChangeFailed;
import dev.clavis.provisioning.MembershipChangeRetrying;
import dev.clavis.provisioning.MembershipOperation;
import dev.clavis.request.RequestEvents.AccessRequestFailed;
import dev.clavis.request.RequestEvents.AccessRequestGranted;
import dev.clavis.request.RequestStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Follows a request's grant to the end: GRANTED only when the directory confirmed every membership,
 * FAILED with the connector's error, EXPIRED or REVOKED when the grant ends; each membership change
 * with the directory's answer on the timeline. Each step is taken in the transaction of the grant's
 * or the directory's change that causes it, so the request never disagrees with its grant.
 */
@Component
class RequestProgress {

    private final RequestStore store;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RequestProgress(RequestStore store, ApplicationEventPublisher events, Clock clock) {
        this.store = store;
        this.events = events;
        this.clock = clock;
    }

    @EventListener
    void on(GrantActivated event) {
        Instant now = clock.instant();
        if (event.requestId() != null && store.status(event.requestId(), RequestStatus.PROVISIONING, RequestStatus.GRANTED, now)) {
            store.timeline(event.requestId(), "granted", "The directory confirmed every membership ("
                    + String.join(", ", event.groups()) + "); "
                    + (event.expiresAt() == null ? "the access is permanent" : "it expires at " + event.expiresAt()), now);
            events.publishEvent(new AccessRequestGranted(event.requestId(), event.grantId(), event.grantedAt(), event.expiresAt()));
        }
    }

    @EventListener
    void on(GrantProvisioningFailed event) {
        locked(event.requestId()).filter(r -> r.status().open()).ifPresent(request -> {
            Instant now = clock.instant();
            String reason = "The directory refused " + event.group() + ": " + event.error()
                    + ". Check the connector's permissions and the group, then ask again; memberships already added are being taken back.";
            store.status(request.id(), RequestStatus.FAILED, now);
            store.timeline(request.id(), "failed", reason, now);
            events.publishEvent(new AccessRequestFailed(request.id(), reason));
        });
    }

    @EventListener
    void on(GrantEnded event) {
        locked(event.requestId()).ifPresent(request -> {
            Instant now = clock.instant();
            RequestStatus status = event.status() == GrantStatus.EXPIRED ? RequestStatus.EXPIRED : RequestStatus.REVOKED;
            store.status(request.id(), status, now);
            store.timeline(request.id(), status.name().toLowerCase(),
                    (status == RequestStatus.EXPIRED ? "The grant expired" : "The grant was revoked by " + event.by() + ": " + event.reason())
                            + "; its memberships are being removed", now);
        });
    }

    @EventListener
    void on(GrantRemovalConfirmed event) {
        timeline(event.requestId(), "removed", "The directory confirmed the access is gone");
    }

    @EventListener
    void on(GrantExtended event) {
        store.timelineOfGrant(event.grantId(), "extended",
                "The grant now expires at " + event.expiresAt() + " (was " + event.previousExpiresAt() + ") by " + event.by(),
                clock.instant());
    }

    @EventListener
    void on(GrantExpiringSoon event) {
        timeline(event.requestId(), "expiring", "The grant expires at " + event.expiresAt());
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeConfirmed event) {
        directory(event.reference(), (event.operation() == MembershipOperation.ADD ? "Added to " : "Removed from ")
                + event.groupName() + ": the directory answered " + event.outcome() + " (attempt " + event.attempts() + ")");
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeRetrying event) {
        directory(event.reference(), event.operation() + " " + event.groupName() + " failed (" + event.error()
                + "); trying again at " + event.nextAttemptAt());
    }

    @EventListener
    @Order(0)
    void on(MembershipChangeFailed event) {
        directory(event.reference(), event.operation() + " " + event.groupName() + " gave up after " + event.attempts()
                + " attempts: " + event.error());
    }

    /** The directory's answer to a change a grant asked for, on the timeline of the grant's request. */
    private void directory(String reference, String detail) {
        if (!reference.startsWith("grant:")) {
            return;
        }
        UUID grant;
        try {
            grant = UUID.fromString(reference.substring("grant:".length()));
        } catch (IllegalArgumentException e) {
            return;
        }
        store.timelineOfGrant(grant, "directory", detail, clock.instant());
    }

    private Optional<StoredRequest> locked(@org.jspecify.annotations.Nullable UUID requestId) {
        return requestId == null ? Optional.empty() : store.lock(requestId);
    }

    private void timeline(@org.jspecify.annotations.Nullable UUID requestId, String kind, String detail) {
        if (requestId != null) {
            store.timeline(requestId, kind, detail, clock.instant());
        }
    }
}
