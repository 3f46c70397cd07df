package dev.clavis.connector.okta;

import static dev.clavis.connector.spi.ConfigProperty.optional;
import static dev.clavis.connector.spi.ConfigProperty.required;

import dev.clavis.connector.spi.ConfigProperty;
import dev.clavis.connector.spi.ConfigSchema;

/**
 * The Okta connector's settings as data. Exactly one way to authenticate is given: an API token, or a
 * service app's client id and private key; {@link OktaSettings} checks which.
 */
final class OktaSettingsSchema {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            required("base-url", "the Okta org's URL, e.g. https://acme.okta.com"),
            new ConfigProperty("api-token", "an API token, sent as SSWS; or use client-id and private-key",
                    false, true, null),
            optional("client-id", "client id of an OAuth 2.0 service app that signs in with a private-key JWT", null),
            new ConfigProperty("private-key", "the service app's private key: PEM (PKCS#8) or a JWK in JSON",
                    false, true, null),
            optional("key-id", "kid of the service app's public key registered in Okta; default the JWK's kid",
                    null),
            optional("scopes", "scopes the service app asks for, separated by spaces",
                    "okta.users.read okta.users.manage okta.groups.read okta.groups.manage okta.logs.read"),
            optional("page-size", "users, groups or members per page of a read (Okta allows up to 200 for most)",
                    "200"),
            optional("activate-new-users", "create people ACTIVE (Okta emails them an activation link) rather"
                    + " than STAGED", "false"),
            optional("connect-timeout", "how long to wait for a connection to Okta", "PT5S"),
            optional("response-timeout", "how long to wait for Okta's answer to one call", "PT30S"));

    private OktaSettingsSchema() {}
}
