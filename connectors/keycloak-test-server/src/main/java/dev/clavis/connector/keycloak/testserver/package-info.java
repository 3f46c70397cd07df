/**
 * For tests only: a real Keycloak started from the distribution this module's build unpacked, and a
 * realm prepared through the admin API the way the connector's README tells an administrator to.
 */
@NullMarked
package dev.clavis.connector.keycloak.testserver;

import org.jspecify.annotations.NullMarked;
