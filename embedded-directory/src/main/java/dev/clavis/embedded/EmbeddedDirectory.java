package dev.clavis.embedded;

import com.unboundid.ldap.listener.Base64PasswordEncoderOutputFormatter;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.listener.SaltedMessageDigestInMemoryPasswordEncoder;
import com.unboundid.ldap.listener.WhoAmIExtendedOperationHandler;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.OperationType;
import com.unboundid.ldap.sdk.schema.Schema;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * A running embedded LDAP directory on 127.0.0.1, base {@link DirectoryLayout#BASE_DN}.
 *
 * <p>Everyone must bind; people may bind with their own password and read, only
 * {@link DirectoryLayout#ADMIN_DN} may write. With a data folder, every change made over LDAP is
 * on disk before the client is told it succeeded, and the directory comes back after a restart or
 * a crash; without one, every start is a fresh copy of the seed.
 *
 * <p>Thread-safe. {@link #close()} stops listening and writes a final snapshot.
 */
public final class EmbeddedDirectory implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(EmbeddedDirectory.class.getName());

    private final InMemoryDirectoryServer server;
    private final JournalingInterceptor interceptor;
    private final @Nullable DirectoryStore store;
    private final String adminPassword;
    private boolean closed;

    private EmbeddedDirectory(InMemoryDirectoryServer server, JournalingInterceptor interceptor,
            @Nullable DirectoryStore store, String adminPassword) {
        this.server = server;
        this.interceptor = interceptor;
        this.store = store;
        this.adminPassword = adminPassword;
    }

    /**
     * Loads the directory from {@code dataDir} (seeding it on first start) and starts listening.
     *
     * @throws EmbeddedDirectoryException when the data cannot be loaded, the data folder is in use
     *     by another process, or the port is taken
     */
    public static EmbeddedDirectory start(EmbeddedDirectoryOptions options) {
        Schema schema = DirectorySchema.create();
        var interceptor = new JournalingInterceptor(dn(DirectoryLayout.ADMIN_DN));
        InMemoryDirectoryServer server;
        try {
            server = new InMemoryDirectoryServer(config(options, schema, interceptor));
        } catch (LDAPException e) {
            throw new EmbeddedDirectoryException("the embedded directory cannot be configured: " + e.getMessage(), e);
        }
        DirectoryStore store = options.dataDir() == null
                ? null
                : DirectoryStore.open(options.dataDir().resolve(EmbeddedDirectoryOptions.STORAGE_FOLDER));
        try {
            load(server, schema, store, options.seed());
            interceptor.attach(server, store);
            server.startListening();
        } catch (LDAPException e) {
            closeQuietly(store);
            throw new EmbeddedDirectoryException("the embedded directory cannot listen on 127.0.0.1:" + options.port()
                    + " (" + e.getMessage() + "); choose another port with CLAVIS_EMBEDDED_LDAP_PORT", e);
        } catch (RuntimeException e) {
            closeQuietly(store);
            throw e;
        }
        var directory = new EmbeddedDirectory(server, interceptor, store, options.adminPassword());
        LOG.log(Level.INFO, "embedded directory {0} listening on {1} with {2} entries{3}", DirectoryLayout.BASE_DN,
                directory.url(), server.countEntries(), store == null ? ", not persisted" : ", kept in " + store.directory());
        return directory;
    }

    /** The port it listens on, the chosen one when the options asked for 0. */
    public int port() {
        return server.getListenPort();
    }

    /** {@code ldap://127.0.0.1:<port>}. */
    public String url() {
        return "ldap://127.0.0.1:" + port();
    }

    /** A new connection bound as the administrator; the caller closes it. */
    public LDAPConnection connectAsAdmin() throws LDAPException {
        return new LDAPConnection("127.0.0.1", port(), DirectoryLayout.ADMIN_DN, adminPassword);
    }

    /** Writes a fresh snapshot and empties the journal now, rather than at the next start or close. */
    public synchronized void compact() {
        if (closed) {
            throw new IllegalStateException("the embedded directory is closed");
        }
        try {
            interceptor.compactNow();
        } catch (IOException e) {
            throw new EmbeddedDirectoryException("the embedded directory cannot write a snapshot: " + e.getMessage(), e);
        }
    }

    /**
     * Stops listening, closes open connections and writes a final snapshot. Idempotent.
     *
     * @throws EmbeddedDirectoryException when the snapshot cannot be written; the journal still
     *     holds every change, so nothing is lost
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        server.shutDown(true);
        try {
            interceptor.stop();
        } catch (IOException e) {
            throw new EmbeddedDirectoryException("the final snapshot of the embedded directory could not be written ("
                    + e.getMessage() + "); the journal keeps the changes for the next start", e);
        } finally {
            closeQuietly(store);
        }
    }

    private static InMemoryDirectoryServerConfig config(EmbeddedDirectoryOptions options, Schema schema,
            JournalingInterceptor interceptor) throws LDAPException {
        var config = new InMemoryDirectoryServerConfig(DirectoryLayout.BASE_DN);
        config.setSchema(schema);
        config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", loopback(), options.port(), null));
        config.addAdditionalBindCredentials(DirectoryLayout.ADMIN_DN, options.adminPassword());
        // Anonymous clients may bind and nothing else, as on a production OpenLDAP.
        config.setAuthenticationRequiredOperationTypes(EnumSet.of(OperationType.ADD, OperationType.COMPARE,
                OperationType.DELETE, OperationType.EXTENDED, OperationType.MODIFY, OperationType.MODIFY_DN,
                OperationType.SEARCH));
        // Password modify and transactions would write around the journal; Who Am I only reads.
        config.getExtendedOperationHandlers().clear();
        config.addExtendedOperationHandler(new WhoAmIExtendedOperationHandler());
        // Simple binds only: the interceptor sees who a simple bind authenticates, not a SASL one.
        config.getSASLBindHandlers().clear();
        config.setListenerExceptionHandler(new ConnectionEndListener(interceptor));
        config.setPasswordEncoders(new SaltedMessageDigestInMemoryPasswordEncoder("{SSHA256}",
                Base64PasswordEncoderOutputFormatter.getInstance(), sha256(), 8, true, true));
        // The look-ups a sync or a sign-in makes; member is left out, its index would double the memory of a large directory.
        config.setEqualityIndexAttributes("uid", "mail", "cn", "entryUUID");
        config.addInMemoryOperationInterceptor(interceptor);
        return config;
    }

    private static void load(InMemoryDirectoryServer server, Schema schema, @Nullable DirectoryStore store,
            DirectorySeed seed) {
        if (store == null) {
            seed(server, seed);
        } else if (!store.load(server, schema)) {
            seed(server, seed);
            try {
                store.compact(server);
            } catch (IOException e) {
                throw new EmbeddedDirectoryException("the embedded directory cannot write its first snapshot in "
                        + store.directory() + ": " + e.getMessage(), e);
            }
        }
    }

    private static void seed(InMemoryDirectoryServer server, DirectorySeed seed) {
        long started = System.nanoTime();
        int count = 0;
        try (Stream<Entry> entries = seed.entries()) {
            Iterator<Entry> iterator = entries.iterator();
            while (iterator.hasNext()) {
                // One entry at a time: the seed builds each entry only when it is asked for the next.
                Entry entry = iterator.next();
                try {
                    server.add(entry);
                } catch (LDAPException e) {
                    throw new EmbeddedDirectoryException("the seed entry " + entry.getDN() + " was refused: " + e.getMessage(), e);
                }
                count++;
            }
        }
        LOG.log(Level.INFO, "embedded directory seeded with {0} entries in {1} ms", count,
                (System.nanoTime() - started) / 1_000_000);
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException("a literal address needs no lookup", e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    private static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalStateException(dn + " is a constant DN", e);
        }
    }

    private static void closeQuietly(@Nullable DirectoryStore store) {
        if (store == null) {
            return;
        }
        try {
            store.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "cannot release the data folder of the embedded directory: {0}", e.getMessage());
        }
    }
}
