package dev.clavis.embedded;

import com.unboundid.ldap.listener.LDAPListenerClientConnection;
import com.unboundid.ldap.listener.LDAPListenerExceptionHandler;
import com.unboundid.ldap.sdk.LDAPException;
import java.net.Socket;
import org.jspecify.annotations.Nullable;

/**
 * Tells the interceptor when a connection dropped, so it forgets the connection's identity. The
 * listener reports only ends it sees as failures (a client gone without unbinding); a clean unbind
 * leaves one number behind, which only person binds ever create.
 */
final class ConnectionEndListener implements LDAPListenerExceptionHandler {

    private final JournalingInterceptor interceptor;

    ConnectionEndListener(JournalingInterceptor interceptor) {
        this.interceptor = interceptor;
    }

    @Override
    public void connectionCreationFailure(@Nullable Socket socket, Throwable cause) {
        // Nothing was tracked for a connection that never came to be.
    }

    @Override
    public void connectionTerminated(LDAPListenerClientConnection connection, LDAPException cause) {
        interceptor.connectionEnded(connection.getConnectionID());
    }
}
