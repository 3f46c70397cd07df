/**
 * The Google Workspace connector: the Admin SDK Directory API, called as a service account that
 * impersonates an administrator through domain-wide delegation.
 *
 * <p>Person and group ids are Google's immutable unique ids, never email addresses, which can be
 * renamed. Reads follow {@code nextPageToken} one page at a time; writes are idempotent and read
 * Google's own "already a member" (409) and "not a member" (404) answers. Every failed call becomes a
 * transient or permanent connector exception in {@link dev.clavis.connector.google.Failures}; nothing
 * here retries, and the auth library's own retries are switched off.
 */
@NullMarked
package dev.clavis.connector.google;

import org.jspecify.annotations.NullMarked;
