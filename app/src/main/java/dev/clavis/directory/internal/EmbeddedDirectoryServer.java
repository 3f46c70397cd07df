package dev.clavis.directory.internal;

import dev.clavis.embedded.AdminPasswordFile;
import dev.clavis.embedded.DirectoryLayout;
import dev.clavis.embedded.EmbeddedDirectory;
import dev.clavis.embedded.EmbeddedDirectoryOptions;
import java.nio.file.Path;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * The embedded demo directory, running while Clavis runs, on 127.0.0.1 only. Clavis reaches it
 * through the LDAP connector like any other LDAP server; this class only starts it and says where it is.
 */
@Component
@ConditionalOnProperty(name = "clavis.directory", havingValue = EmbeddedDirectoryServer.TYPE, matchIfMissing = true)
class EmbeddedDirectoryServer implements AutoCloseable {

    static final String TYPE = "embedded";

    private final EmbeddedDirectory server;
    private final String password;

    EmbeddedDirectoryServer(
            @Value("${clavis.data-dir}") Path dataDir,
            @Value("${clavis.embedded-ldap.port:10389}") int port,
            @Value("${clavis.embedded-ldap.password:}") String password) {
        this.password = password.isBlank() ? AdminPasswordFile.loadOrCreate(dataDir) : password;
        this.server = EmbeddedDirectory.start(EmbeddedDirectoryOptions.persistent(dataDir, this.password).withPort(port));
    }

    int port() {
        return server.port();
    }

    /** The LDAP connector's settings for this server. */
    Map<String, String> connectorSettings() {
        return Map.of(
                "url", "ldap://127.0.0.1:" + server.port(),
                "bind-dn", DirectoryLayout.ADMIN_DN,
                "password", password,
                "base-dn", DirectoryLayout.BASE_DN,
                "people-base", DirectoryLayout.PEOPLE_DN,
                "groups-base", DirectoryLayout.GROUPS_DN);
    }

    @Override
    public void close() {
        server.close();
    }
}
