package dev.clavis.connector.entra;

import static dev.clavis.connector.spi.ConfigProperty.optional;
import static dev.clavis.connector.spi.ConfigProperty.required;

import dev.clavis.connector.spi.ConfigProperty;
import dev.clavis.connector.spi.ConfigSchema;

/** The Entra connector's settings as data; {@link EntraSettings} checks how they fit together. */
final class EntraSettingsSchema {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            required("tenant-id", "the directory (tenant) id of the Entra ID tenant, or one of its verified domains"),
            required("client-id", "the application (client) id of the app registration Clavis signs in as"),
            optionalSecret("client-secret", "a client secret of the app registration; give this or certificate"),
            optionalSecret("certificate", "PEM text holding the app registration's certificate and its"
                    + " unencrypted PKCS#8 private key (BEGIN PRIVATE KEY); give this or client-secret"),
            optional("graph-base-url", "Microsoft Graph v1.0 endpoint; another national cloud's, or a test"
                    + " simulator's", "https://graph.microsoft.com/v1.0"),
            optional("authority-url", "Microsoft Entra sign-in endpoint, without the tenant",
                    "https://login.microsoftonline.com"),
            optional("page-size", "objects per page of a read, 1 to 999; reads of people that include sign-in"
                    + " activity ask for at most 120, Graph's limit", "100"),
            optional("connect-timeout", "how long to wait for a connection to Graph or the sign-in endpoint",
                    "PT10S"),
            optional("request-timeout", "how long to wait for any answer from Graph or the sign-in endpoint",
                    "PT30S"),
            optional("trust-store", "path of a PKCS#12 file with the CA certificates to trust, e.g. a proxy's"
                    + " that inspects TLS; default the JVM's trust", null),
            optionalSecret("trust-store-password", "password of trust-store, if it has one"));

    private EntraSettingsSchema() {}

    private static ConfigProperty optionalSecret(String name, String description) {
        return new ConfigProperty(name, description, false, true, null);
    }
}
