/**
 * The LDAP connector: OpenLDAP, the embedded directory and Active Directory.
 *
 * <p>Person and group ids are normalized DNs, so the values of a group's member attribute are person
 * ids without a lookup. Reads page with the simple paged results control on one pooled connection per
 * stream; writes are idempotent and checked against the directory's own answers. Every
 * {@link com.unboundid.ldap.sdk.LDAPException} becomes a transient or permanent connector exception in
 * {@link dev.clavis.connector.ldap.Failures}; nothing here retries.
 */
@NullMarked
package dev.clavis.connector.ldap;

import org.jspecify.annotations.NullMarked;
