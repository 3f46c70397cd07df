package dev.clavis.connector.scim;

import tools.jackson.databind.JsonNode;

/**
 * What the server says it supports, from its {@code /ServiceProviderConfig} (RFC 7643 section 5).
 *
 * @param filterMaxResults the most resources the server returns in one answer; 0 where it states none
 */
record ServiceProvider(boolean patch, boolean filter, int filterMaxResults) {

    /** What the connector assumes of a server that does not serve its configuration: try, and adapt to refusals. */
    static final ServiceProvider UNDECLARED = new ServiceProvider(true, true, 0);

    static ServiceProvider of(JsonNode config) {
        return new ServiceProvider(
                config.path("patch").path("supported").asBoolean(false),
                config.path("filter").path("supported").asBoolean(false),
                Math.max(0, config.path("filter").path("maxResults").asInt(0)));
    }

    /** The page size to ask for: the configured one, lowered to the server's maximum. */
    int pageSize(int configured) {
        return filterMaxResults > 0 ? Math.min(configured, filterMaxResults) : configured;
    }
}
