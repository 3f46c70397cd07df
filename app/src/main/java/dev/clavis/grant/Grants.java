package dev.clavis.grant;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Creating, reading, extending and ending grants. */
public interface Grants {

    /** Creates a PENDING grant and queues its memberships, in the caller's transaction. */
    void create(NewGrant grant);

    Optional<Grant> find(UUID grantId);

    /** The person's grants that are pending or active. */
    List<Grant> inEffectFor(UUID personId);

    /**
     * Moves an active grant's expiry, without touching the directory.
     *
     * @throws dev.clavis.platform.ConflictException when the grant is not active
     */
    void extend(UUID grantId, Instant expiresAt, String by);

    /**
     * Ends an active or pending grant now; its memberships are removed the same durable way as at expiry.
     *
     * @throws dev.clavis.platform.ConflictException when the grant has already ended
     */
    void revoke(UUID grantId, String reason, String by);

    /**
     * Ends a grant on an access review's Revoke: like {@link #revoke}, but a membership the person had
     * before Clavis granted it is removed too, since the reviewer decided the person should not have it.
     * A membership another grant in effect needs is still left in place.
     *
     * @return whether the grant was in effect and has been ended; false, changing nothing, when it had
     *     already ended (it may expire between the review's reading it and its Revoke) or is unknown
     */
    boolean revokeOnReview(UUID grantId, String reason, String by);

    /** Counts and lags for dashboards and alerts. */
    GrantFigures figures();
}
