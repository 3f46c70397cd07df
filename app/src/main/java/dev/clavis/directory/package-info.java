/**
 * People, groups and memberships as the identity provider has them, copied into the database by
 * sync, and the live connection to the provider. Other modules read people through {@link
 * dev.clavis.directory.Directory} and change memberships through {@link dev.clavis.directory.DirectoryConnection}.
 */
@NullMarked
package dev.clavis.directory;

import org.jspecify.annotations.NullMarked;
