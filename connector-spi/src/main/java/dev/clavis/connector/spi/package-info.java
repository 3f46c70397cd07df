/**
 * What an identity-provider connector is.
 *
 * <p>A provider ships a {@link dev.clavis.connector.spi.DirectoryConnectorFactory} registered for
 * {@link java.util.ServiceLoader}. The connector it creates reads people, groups and memberships as
 * lazy streams of pages; optional capabilities ({@link dev.clavis.connector.spi.MembershipProvisioning},
 * {@link dev.clavis.connector.spi.UserLifecycle}, {@link dev.clavis.connector.spi.LoginActivity},
 * {@link dev.clavis.connector.spi.DeltaSync}) are small interfaces the connector implements and the
 * platform detects with {@code instanceof}.
 *
 * <p>Connectors classify errors, they never retry: a {@link dev.clavis.connector.spi.TransientConnectorException}
 * may carry the provider's {@code retryAfter}; everything else is a
 * {@link dev.clavis.connector.spi.PermanentConnectorException}. Plain Java, no Spring.
 */
@NullMarked
package dev.clavis.connector.spi;

import org.jspecify.annotations.NullMarked;
