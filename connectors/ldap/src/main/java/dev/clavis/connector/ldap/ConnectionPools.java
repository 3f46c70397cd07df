package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.FailoverServerSet;
import com.unboundid.ldap.sdk.GetEntryLDAPConnectionPoolHealthCheck;
import com.unboundid.ldap.sdk.LDAPConnectionOptions;
import com.unboundid.ldap.sdk.LDAPConnectionPool;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.ServerSet;
import com.unboundid.ldap.sdk.SimpleBindRequest;
import com.unboundid.ldap.sdk.SingleServerSet;
import com.unboundid.ldap.sdk.StartTLSPostConnectProcessor;
import com.unboundid.util.ssl.JVMDefaultTrustManager;
import com.unboundid.util.ssl.SSLUtil;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.List;
import javax.net.SocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;

/**
 * Builds the connection pool: bound as bind-dn, TLS with host-name verification (ldaps:// or StartTLS),
 * failover across the urls in order, and a health check of the root DSE in the background and after
 * errors. The pool starts empty and opens connections as they are needed, up to pool-size; a caller
 * that finds them all in use waits up to connect-timeout and then gets a transient failure.
 */
final class ConnectionPools {

    private static final long HEALTH_CHECK_INTERVAL_MILLIS = Duration.ofMinutes(1).toMillis();

    /** After a failover, connections to a later url are closed after this long so the first is tried again. */
    private static final long FAILOVER_CONNECTION_AGE_MILLIS = Duration.ofMinutes(15).toMillis();

    private ConnectionPools() {}

    static LDAPConnectionPool open(LdapSettings settings) {
        SSLUtil ssl = ssl(settings);
        var options = new LDAPConnectionOptions();
        options.setConnectTimeoutMillis(Math.toIntExact(settings.connectTimeout().toMillis()));
        options.setResponseTimeoutMillis(settings.responseTimeout().toMillis());
        options.setSSLSocketVerifier(new HostNameVerifier());
        try {
            var pool = new LDAPConnectionPool(
                    servers(settings, ssl, options),
                    new SimpleBindRequest(settings.bindDn(), settings.password()),
                    0,
                    settings.poolSize(),
                    settings.startTls() ? new StartTLSPostConnectProcessor(ssl.createSSLContext()) : null);
            pool.setConnectionPoolName("clavis-ldap");
            pool.setCreateIfNecessary(false);
            pool.setMaxWaitTimeMillis(settings.connectTimeout().toMillis());
            pool.setHealthCheck(new GetEntryLDAPConnectionPoolHealthCheck(
                    "", settings.responseTimeout().toMillis(), false, false, false, true, true));
            pool.setHealthCheckIntervalMillis(HEALTH_CHECK_INTERVAL_MILLIS);
            return pool;
        } catch (LDAPException | GeneralSecurityException e) {
            throw new InvalidSettingsException("ldap", List.of("cannot set up connections: " + e.getMessage()));
        }
    }

    private static ServerSet servers(LdapSettings settings, SSLUtil ssl, LDAPConnectionOptions options)
            throws GeneralSecurityException {
        var servers = new ServerSet[settings.urls().size()];
        for (int i = 0; i < servers.length; i++) {
            LDAPURL url = settings.urls().get(i);
            SocketFactory sockets = url.getScheme().equals("ldaps")
                    ? ssl.createSSLSocketFactory()
                    : SocketFactory.getDefault();
            servers[i] = new SingleServerSet(url.getHost(), url.getPort(), sockets, options);
        }
        if (servers.length == 1) {
            return servers[0];
        }
        var failover = new FailoverServerSet(servers);
        failover.setMaxFailoverConnectionAgeMillis(FAILOVER_CONNECTION_AGE_MILLIS);
        return failover;
    }

    private static SSLUtil ssl(LdapSettings settings) {
        KeyStore trustStore = settings.trustStore();
        if (trustStore == null) {
            return new SSLUtil(JVMDefaultTrustManager.getInstance());
        }
        try {
            var factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            factory.init(trustStore);
            TrustManager[] trustManagers = factory.getTrustManagers();
            return new SSLUtil(trustManagers);
        } catch (GeneralSecurityException e) {
            throw new InvalidSettingsException("ldap", List.of("'trust-store' cannot be used: " + e.getMessage()));
        }
    }
}
