/**
 * The contract every connector passes.
 *
 * <p>A connector's test extends {@link dev.clavis.connector.testkit.DirectoryConnectorContract} and
 * supplies the connector under test and a {@link dev.clavis.connector.testkit.TestDirectory}: the
 * directory behind it, reached through the directory's own means. The contract seeds the directory,
 * then checks reads, paging, idempotent membership changes and the optional capabilities against the
 * directory's state, never against calls made.
 */
@NullMarked
package dev.clavis.connector.testkit;

import org.jspecify.annotations.NullMarked;
