package dev.clavis.connector.entra;

import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.jspecify.annotations.Nullable;

/**
 * The connector's settings, checked and read: the credential is parsed and the trust store loaded here,
 * so a bad setting is reported when the connector is created, naming the setting.
 *
 * @param graphBaseUrl without a trailing slash, e.g. {@code https://graph.microsoft.com/v1.0}
 * @param authority the sign-in endpoint with the tenant, e.g. {@code https://login.microsoftonline.com/contoso.com/}
 */
record EntraSettings(
        String tenantId,
        String clientId,
        ClientCredential credential,
        URI graphBaseUrl,
        URI authority,
        int pageSize,
        Duration connectTimeout,
        Duration requestTimeout,
        SSLContext tls) {

    static final String TYPE = "entra";

    static EntraSettings from(ConnectorSettings settings) {
        var problems = new ArrayList<String>();
        String tenantId = settings.get("tenant-id");
        if (!tenantId.matches("[A-Za-z0-9.-]+")) {
            problems.add("'tenant-id' must be a tenant id (a GUID) or a verified domain, not '" + tenantId + "'");
        }
        ClientCredential credential = credential(settings, problems);
        URI graph = httpsUrl(settings, "graph-base-url", problems);
        URI authorityUrl = httpsUrl(settings, "authority-url", problems);
        int pageSize = settings.getInt("page-size");
        if (pageSize < 1 || pageSize > 999) {
            problems.add("'page-size' must be between 1 and 999, Graph's largest page, not " + pageSize);
        }
        SSLContext tls = tls(settings, problems);
        if (!problems.isEmpty() || graph == null || authorityUrl == null || credential == null || tls == null) {
            throw new InvalidSettingsException(TYPE, problems);
        }
        return new EntraSettings(
                tenantId,
                settings.get("client-id"),
                credential,
                withoutTrailingSlash(graph),
                URI.create(withoutTrailingSlash(authorityUrl) + "/" + tenantId + "/"),
                pageSize,
                settings.getDuration("connect-timeout"),
                settings.getDuration("request-timeout"),
                tls);
    }

    /**
     * The scope of an app-only token for this Graph endpoint: its origin with {@code /.default}, which asks
     * for every application permission the app registration was granted.
     */
    String graphScope() {
        return graphBaseUrl.getScheme() + "://" + graphBaseUrl.getRawAuthority() + "/.default";
    }

    private static @Nullable ClientCredential credential(ConnectorSettings settings, List<String> problems) {
        Optional<String> secret = settings.find("client-secret");
        Optional<String> certificate = settings.find("certificate");
        if (secret.isPresent() == certificate.isPresent()) {
            problems.add("give exactly one of 'client-secret' and 'certificate' (CLAVIS_ENTRA_CLIENT_SECRET[_FILE]"
                    + " or CLAVIS_ENTRA_CERTIFICATE_FILE)");
            return null;
        }
        if (secret.isPresent()) {
            return new ClientCredential.Secret(secret.get());
        }
        try {
            return PemCertificate.parse(certificate.get());
        } catch (IllegalArgumentException e) {
            problems.add("'certificate' " + e.getMessage());
            return null;
        }
    }

    private static @Nullable URI httpsUrl(ConnectorSettings settings, String name, List<String> problems) {
        String value = settings.get(name);
        try {
            URI uri = new URI(value);
            if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null || uri.getRawQuery() != null) {
                problems.add("'" + name + "' must be an https:// URL without a query, not '" + value + "'");
                return null;
            }
            return uri;
        } catch (URISyntaxException e) {
            problems.add("'" + name + "' is not a URL: '" + value + "'");
            return null;
        }
    }

    private static URI withoutTrailingSlash(URI uri) {
        String text = uri.toString();
        return URI.create(text.endsWith("/") ? text.substring(0, text.length() - 1) : text);
    }

    private static @Nullable SSLContext tls(ConnectorSettings settings, List<String> problems) {
        try {
            Optional<String> storePath = settings.find("trust-store");
            if (storePath.isEmpty()) {
                return SSLContext.getDefault();
            }
            char[] password = settings.find("trust-store-password").map(String::toCharArray).orElse(null);
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (InputStream in = Files.newInputStream(Path.of(storePath.get()))) {
                store.load(in, password);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(store);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return context;
        } catch (IOException | GeneralSecurityException e) {
            problems.add("'trust-store' " + settings.find("trust-store").orElse("") + " cannot be read as PKCS#12"
                    + " with trust-store-password: " + e.getMessage());
            return null;
        }
    }
}
