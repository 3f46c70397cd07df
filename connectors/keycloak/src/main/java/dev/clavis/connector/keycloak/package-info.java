/**
 * Keycloak through its Admin REST API, as the service account of a confidential client.
 *
 * <p>Plain {@link java.net.http.HttpClient} and Jackson: the connector makes a handful of calls and
 * classifies every answer itself, which Keycloak's admin client (RESTEasy) would hide behind its own
 * exceptions. Settings and behaviour are described in this module's README.
 */
@NullMarked
package dev.clavis.connector.keycloak;

import org.jspecify.annotations.NullMarked;
