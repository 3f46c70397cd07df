/**
 * The Microsoft Entra ID connector: people, groups and memberships through Microsoft Graph v1.0,
 * authenticated as an app registration with client credentials (a secret or a certificate) through msal4j.
 *
 * <p>Ids are Graph object ids. Reads follow {@code @odata.nextLink} one page at a time; writes are
 * idempotent, mapping Graph's own "already there" and "not there" answers. Every failed call becomes a
 * transient or permanent connector exception in {@link dev.clavis.connector.entra.GraphFailures};
 * nothing here retries.
 */
@NullMarked
package dev.clavis.connector.entra;

import org.jspecify.annotations.NullMarked;
