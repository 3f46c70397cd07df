/**
 * The embedded demo directory: an UnboundID in-memory LDAP server on 127.0.0.1 that Clavis talks
 * to over the network with its ordinary LDAP connector, exactly as it would to OpenLDAP.
 *
 * <p>{@link dev.clavis.embedded.EmbeddedDirectory} starts the server, seeds it once from a
 * {@link dev.clavis.embedded.DirectorySeed} ({@link dev.clavis.embedded.DemoOrganization} by default,
 * {@link dev.clavis.embedded.SyntheticOrganization} for benchmarks) and keeps every change made over
 * LDAP in an LDIF snapshot plus an fsynced change journal, so data survives restarts and crashes.
 * Plain Java, no Spring.
 */
@NullMarked
package dev.clavis.embedded;

import org.jspecify.annotations.NullMarked;
