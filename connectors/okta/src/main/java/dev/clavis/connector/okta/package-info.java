/**
 * The Okta connector: people, groups and memberships through Okta's management API, and their changes
 * since a cursor.
 *
 * <p>Person and group ids are Okta's own ({@code 00u…}, {@code 00g…}). Reads follow Okta's
 * {@code Link: <…>; rel="next"} cursors one page at a time; writes check the current state first,
 * because Okta answers 204 whether or not a membership changed. Every answer that is not a success
 * becomes a transient or permanent connector exception in {@link dev.clavis.connector.okta.OktaFailures};
 * nothing here retries or sleeps.
 */
@NullMarked
package dev.clavis.connector.okta;

import org.jspecify.annotations.NullMarked;
