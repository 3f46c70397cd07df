package dev.clavis.embedded;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedAddResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedDeleteResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyDNResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedModifyResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedResult;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindRequest;
import com.unboundid.ldap.listener.interceptor.InMemoryInterceptedSimpleBindResult;
import com.unboundid.ldap.listener.interceptor.InMemoryOperationInterceptor;
import com.unboundid.ldap.sdk.Control;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPResult;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.ResultCode;
import com.unboundid.ldap.sdk.controls.SubtreeDeleteRequestControl;
import com.unboundid.ldif.LDIFAddChangeRecord;
import com.unboundid.ldif.LDIFChangeRecord;
import com.unboundid.ldif.LDIFDeleteChangeRecord;
import com.unboundid.ldif.LDIFModifyChangeRecord;
import com.unboundid.ldif.LDIFModifyDNChangeRecord;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import org.jspecify.annotations.Nullable;

/**
 * Sees every operation that arrives over LDAP. It lets only the administrator write, and journals
 * each successful add, modify, delete and modify DN before the client hears of its success.
 *
 * <p>The server itself refuses writes from anonymous connections; this refuses them from
 * connections bound as a person. It tracks those rather than the administrator's, because they are
 * rare (a person trying ldapsearch) while the application keeps a pool of administrator connections,
 * and the interceptor learns of a bind but not of every connection's end.
 *
 * <p>Writes are serialised from their request callback to their result callback (the in-memory
 * server serialises them anyway), so the journal lists changes in the order the server applied
 * them, and the entry read back after an add is exactly what that add produced. The fsync happens
 * after the order is released, so concurrent writers share it.
 *
 * <p>Only operations over the network pass through here; the server's own Java methods do not,
 * which is what seeding and journal replay rely on. Extended operations that write (password
 * modify, transactions) are not installed, so nothing writes around the journal.
 */
final class JournalingInterceptor extends InMemoryOperationInterceptor {

    private static final String HOLDS_ORDER = JournalingInterceptor.class.getName() + ".holdsOrder";
    private static final String PASSWORD_ATTRIBUTE = "userPassword";
    private static final System.Logger LOG = System.getLogger(JournalingInterceptor.class.getName());

    private final DN adminDn;
    private final Set<Long> personConnections = ConcurrentHashMap.newKeySet();
    private final ReentrantLock order = new ReentrantLock();
    private @Nullable InMemoryDirectoryServer server;
    private @Nullable DirectoryStore store;
    private volatile @Nullable String unavailable;

    JournalingInterceptor(DN adminDn) {
        this.adminDn = adminDn;
    }

    /** Starts journaling into {@code store}, or only guarding writes when it is null (persistence off). */
    void attach(InMemoryDirectoryServer server, @Nullable DirectoryStore store) {
        this.server = server;
        this.store = store;
    }

    /** Compacts with all writers held back. */
    void compactNow() throws IOException {
        InMemoryDirectoryServer attachedServer = server;
        DirectoryStore attachedStore = store;
        if (attachedServer == null || attachedStore == null) {
            return;
        }
        order.lock();
        try {
            attachedStore.compact(attachedServer);
        } finally {
            order.unlock();
        }
    }

    /**
     * Writes the final snapshot, if persistent, and refuses every later write, as one step: a
     * write that slipped in between would reach a journal about to be closed.
     */
    void stop() throws IOException {
        order.lock();
        try {
            // Also after a persistence failure: the snapshot saves what memory holds, if the disk lets it.
            if (server != null && store != null) {
                store.compact(server);
            }
        } finally {
            unavailable = "the embedded directory is closed";
            order.unlock();
        }
    }

    /** Forgets a connection that has ended. */
    void connectionEnded(long connectionId) {
        personConnections.remove(connectionId);
    }

    @Override
    public void processSimpleBindRequest(InMemoryInterceptedSimpleBindRequest request) {
        // Any bind, successful or not, ends the connection's previous identity; the server resets it too.
        personConnections.remove(request.getConnectionID());
    }

    @Override
    public void processSimpleBindResult(InMemoryInterceptedSimpleBindResult result) {
        String bindDn = result.getRequest().getBindDN();
        // An empty DN is an anonymous bind, which the server itself keeps from writing.
        if (result.getResult().getResultCode() == ResultCode.SUCCESS && !bindDn.isEmpty() && !isAdmin(bindDn)) {
            personConnections.add(result.getConnectionID());
        }
    }

    @Override
    public void processAddRequest(InMemoryInterceptedAddRequest request) throws LDAPException {
        beginWrite(request);
    }

    @Override
    public void processAddResult(InMemoryInterceptedAddResult result) {
        endWrite(result, result.getResult(), result::setResult,
                () -> addRecord(result.getRequest().getDN(), result.getRequest().toLDIFChangeRecord()));
    }

    @Override
    public void processModifyRequest(InMemoryInterceptedModifyRequest request) throws LDAPException {
        beginWrite(request);
    }

    @Override
    public void processModifyResult(InMemoryInterceptedModifyResult result) {
        endWrite(result, result.getResult(), result::setResult,
                () -> modifyRecord(result.getRequest().getDN(), result.getRequest().getModifications()));
    }

    @Override
    public void processDeleteRequest(InMemoryInterceptedDeleteRequest request) throws LDAPException {
        beginWrite(request);
    }

    @Override
    public void processDeleteResult(InMemoryInterceptedDeleteResult result) {
        endWrite(result, result.getResult(), result::setResult, () -> {
            // Keeps a subtree delete a subtree delete when replayed; other controls do not change the outcome.
            List<Control> controls = result.getRequest().hasControl(SubtreeDeleteRequestControl.SUBTREE_DELETE_REQUEST_OID)
                    ? List.of(new SubtreeDeleteRequestControl())
                    : List.of();
            return new LDIFDeleteChangeRecord(result.getRequest().getDN(), controls);
        });
    }

    @Override
    public void processModifyDNRequest(InMemoryInterceptedModifyDNRequest request) throws LDAPException {
        beginWrite(request);
    }

    @Override
    public void processModifyDNResult(InMemoryInterceptedModifyDNResult result) {
        var request = result.getRequest();
        endWrite(result, result.getResult(), result::setResult, () -> new LDIFModifyDNChangeRecord(
                request.getDN(), request.getNewRDN(), request.deleteOldRDN(), request.getNewSuperiorDN()));
    }

    private void beginWrite(InMemoryInterceptedRequest request) throws LDAPException {
        if (personConnections.contains(request.getConnectionID())) {
            throw new LDAPException(ResultCode.INSUFFICIENT_ACCESS_RIGHTS,
                    "only " + DirectoryLayout.ADMIN_DN + " may change the embedded directory");
        }
        String reason = unavailable;
        if (reason != null) {
            throw new LDAPException(ResultCode.UNAVAILABLE, reason);
        }
        if (store == null) {
            return;
        }
        // Each connection runs its operations one after another on one thread, so a hold found here
        // was left by an earlier operation whose result never came (the server threw). Free it.
        while (order.isHeldByCurrentThread()) {
            order.unlock();
        }
        order.lock();
        if (unavailable != null) {
            order.unlock();
            throw new LDAPException(ResultCode.UNAVAILABLE, unavailable);
        }
        request.setProperty(HOLDS_ORDER, Boolean.TRUE);
    }

    private void endWrite(InMemoryInterceptedResult result, LDAPResult outcome, Consumer<LDAPResult> replaceOutcome,
            RecordSource source) {
        DirectoryStore attachedStore = store;
        if (attachedStore == null || result.getProperty(HOLDS_ORDER) == null) {
            return;
        }
        long sequence = 0;
        try {
            if (outcome.getResultCode() == ResultCode.SUCCESS) {
                sequence = attachedStore.append(source.record());
                if (attachedStore.journalIsLarge()) {
                    attachedStore.compact(attachedServer());
                }
            }
        } catch (IOException | LDAPException | RuntimeException e) {
            replaceOutcome.accept(persistenceFailed(result, e));
            return;
        } finally {
            order.unlock();
        }
        if (sequence > 0) {
            try {
                attachedStore.awaitDurable(sequence);
            } catch (IOException e) {
                replaceOutcome.accept(persistenceFailed(result, e));
            }
        }
    }

    private LDAPResult persistenceFailed(InMemoryInterceptedResult result, Exception cause) {
        // The change is in memory but perhaps not on disk; taking more writes would widen the gap.
        String reason = "the embedded directory cannot persist changes (" + cause.getMessage()
                + "); it refuses writes until restarted";
        unavailable = reason;
        LOG.log(Level.ERROR, reason, cause);
        return new LDAPResult(result.getMessageID(), ResultCode.OTHER,
                "the change was applied in memory but may not be on disk: " + reason, null, List.of(), List.of());
    }

    private LDIFChangeRecord addRecord(String dn, LDIFAddChangeRecord requested) throws LDAPException {
        // The entry as stored: with its entryUUID and timestamps, so they survive a replay, and with
        // passwords hashed, so no clear text reaches the disk.
        Entry stored = attachedServer().getEntry(dn, "*", "+");
        return stored == null ? requested : new LDIFAddChangeRecord(stored);
    }

    private LDIFChangeRecord modifyRecord(String dn, List<Modification> requested) throws LDAPException {
        var modifications = new ArrayList<Modification>(requested.size());
        boolean passwordChanged = false;
        for (Modification modification : requested) {
            if (modification.getAttribute().getBaseName().equalsIgnoreCase(PASSWORD_ATTRIBUTE)) {
                passwordChanged = true;
            } else {
                modifications.add(modification);
            }
        }
        if (passwordChanged) {
            // Journal the hashed values the server stored instead of the clear text the client sent.
            Entry stored = attachedServer().getEntry(dn, PASSWORD_ATTRIBUTE);
            byte[][] hashes = stored == null || !stored.hasAttribute(PASSWORD_ATTRIBUTE)
                    ? new byte[0][]
                    : stored.getAttribute(PASSWORD_ATTRIBUTE).getValueByteArrays();
            modifications.add(new Modification(ModificationType.REPLACE, PASSWORD_ATTRIBUTE, hashes));
        }
        return new LDIFModifyChangeRecord(dn, modifications);
    }

    private InMemoryDirectoryServer attachedServer() {
        if (server == null) {
            throw new IllegalStateException("attach() comes before the server listens");
        }
        return server;
    }

    private boolean isAdmin(String bindDn) {
        try {
            return new DN(bindDn).equals(adminDn);
        } catch (LDAPException e) {
            return false;
        }
    }

    @FunctionalInterface
    private interface RecordSource {
        LDIFChangeRecord record() throws LDAPException;
    }
}
