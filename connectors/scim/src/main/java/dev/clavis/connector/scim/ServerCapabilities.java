package dev.clavis.connector.scim;

import dev.clavis.connector.spi.PermanentConnectorException;
import java.net.URI;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the server supports, read from its {@code /ServiceProviderConfig} on first need and kept, and
 * corrected by what it actually does: a server that refuses or ignores the membership filter is not
 * asked it again.
 */
final class ServerCapabilities {

    private static final String READ = "read the server's configuration (/ServiceProviderConfig)";

    private final ScimHttp http;
    private final URI baseUrl;
    private volatile @Nullable ServiceProvider declared;
    private volatile boolean memberFilterFails;

    ServerCapabilities(ScimHttp http, URI baseUrl) {
        this.http = http;
        this.baseUrl = baseUrl;
    }

    /** Reads the configuration again, as {@code verify()} does after the server may have been reconfigured. */
    ServiceProvider refresh() {
        Reply reply = http.get("/ServiceProviderConfig", Map.of(), READ);
        ServiceProvider read = reply.isNotFound() ? ServiceProvider.UNDECLARED : ServiceProvider.of(reply.body(READ));
        declared = read;
        memberFilterFails = false;
        return read;
    }

    ServiceProvider declared() {
        ServiceProvider known = declared;
        return known != null ? known : refresh();
    }

    int pageSize(int configured) {
        return declared().pageSize(configured);
    }

    boolean filtersMembers() {
        return declared().filter() && !memberFilterFails;
    }

    void memberFilterFailed() {
        memberFilterFails = true;
    }

    /**
     * @param action what needs PATCH, completing "could not ..."
     * @throws PermanentConnectorException where the server says it has no PATCH
     */
    void requirePatch(String action) {
        if (!declared().patch()) {
            throw new PermanentConnectorException("could not " + action + ": the SCIM server at " + baseUrl
                    + " says it does not support PATCH (ServiceProviderConfig patch.supported is false), and Clavis"
                    + " changes memberships and suspends people only with PATCH");
        }
    }
}
