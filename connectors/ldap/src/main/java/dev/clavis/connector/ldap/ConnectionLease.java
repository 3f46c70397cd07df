package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.LDAPConnection;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import org.jspecify.annotations.Nullable;

/**
 * One pooled connection held by one read stream: checked out when the stream first needs it, so an
 * unread stream holds nothing, and returned exactly once. Paged-results cookies belong to the
 * connection that issued them, which is why a stream keeps one connection throughout.
 */
final class ConnectionLease implements AutoCloseable {

    private final LDAPConnectionPool pool;
    private @Nullable LDAPConnection connection;
    private boolean returned;

    ConnectionLease(LDAPConnectionPool pool) {
        this.pool = pool;
    }

    LDAPConnection connection() throws LDAPException {
        if (returned) {
            throw new IllegalStateException("the stream's connection was returned to the pool");
        }
        if (connection == null) {
            connection = pool.getConnection();
        }
        return connection;
    }

    /** Returns the connection after a failure; the pool closes it if the failure broke it. */
    void returnAfter(LDAPException failure) {
        if (connection != null) {
            pool.releaseConnectionAfterException(connection, failure);
            connection = null;
        }
        returned = true;
    }

    @Override
    public void close() {
        if (connection != null) {
            pool.releaseConnection(connection);
            connection = null;
        }
        returned = true;
    }
}
