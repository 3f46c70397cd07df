/**
 * The SCIM 2.0 connector: any service provider that speaks RFC 7643 and RFC 7644.
 *
 * <p>People are User resources with the enterprise extension, groups are Group resources, and ids are
 * the server's resource ids. Reads page with {@code startIndex}/{@code count}; a group's members, which
 * SCIM does not page, are read one group at a time. Memberships change with PATCH, and the server's
 * plain success for a change that changed nothing is told apart by asking first. What the server
 * supports comes from its {@code /ServiceProviderConfig}. Every failure becomes a transient or permanent
 * connector exception in {@link dev.clavis.connector.scim.ScimFailures}; nothing here retries.
 */
@NullMarked
package dev.clavis.connector.scim;

import org.jspecify.annotations.NullMarked;
