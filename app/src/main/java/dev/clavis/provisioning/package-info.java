/**
 * The durable queue of membership changes and the worker that applies them through the directory
 * connector: idempotent, retried with backoff on transient errors, paced under the provider's rate
 * limit, and always ending in {@link dev.clavis.provisioning.MembershipChangeConfirmed} or
 * {@link dev.clavis.provisioning.MembershipChangeFailed}, never in silence.
 */
@NullMarked
package dev.clavis.provisioning;

import org.jspecify.annotations.NullMarked;
