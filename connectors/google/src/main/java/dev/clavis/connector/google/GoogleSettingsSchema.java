package dev.clavis.connector.google;

import static dev.clavis.connector.spi.ConfigProperty.optional;
import static dev.clavis.connector.spi.ConfigProperty.required;
import static dev.clavis.connector.spi.ConfigProperty.secret;

import dev.clavis.connector.spi.ConfigSchema;

/** The Google connector's settings as data; {@link GoogleSettings} checks them together. */
final class GoogleSettingsSchema {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            secret("service-account-key", "the service account's JSON key as Google Cloud issues it; usually"
                    + " given as a file with CLAVIS_GOOGLE_SERVICE_ACCOUNT_KEY_FILE"),
            required("admin-email", "a Google Workspace administrator the service account acts as through"
                    + " domain-wide delegation"),
            optional("customer", "the Google Workspace customer id whose people and groups are read;"
                    + " my_customer is the administrator's own", "my_customer"),
            optional("domain", "read only the people and groups of this domain instead of the whole customer",
                    null),
            optional("base-url", "where the Admin SDK answers", "https://admin.googleapis.com"),
            optional("token-url", "where access tokens are obtained; default the key's token_uri", null),
            optional("page-size", "people per page of a read (at most 500); Google caps groups and members"
                    + " at 200 per page", "500"),
            optional("connect-timeout", "how long to wait for a connection to Google", "PT10S"),
            optional("request-timeout", "how long to wait for any answer from Google", "PT30S"));

    private GoogleSettingsSchema() {}
}
