package dev.clavis.connector.ldap;

import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;
import java.net.InetAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;

/**
 * The Acme directory in an UnboundID in-memory server on an ephemeral loopback port, with schema
 * checking on. The standard schema is made to behave like OpenLDAP's (groups that require a member, the
 * attributes the ppolicy and lastbind overlays define), or given the few Active Directory attributes and
 * classes the connector uses.
 */
final class InMemoryAcme implements AutoCloseable {

    private static final List<String> OPENLDAP_SCHEMA = List.of(
            // As RFC 4519 and OpenLDAP define them, with a required member; the SDK's standard schema makes it
            // optional, which would hide what removing a group's last member does to a real server.
            "objectClasses: ( 2.5.6.9 NAME 'groupOfNames' SUP top STRUCTURAL MUST ( member $ cn ) MAY ("
                    + " businessCategory $ seeAlso $ owner $ ou $ o $ description ) )",
            "objectClasses: ( 2.5.6.17 NAME 'groupOfUniqueNames' SUP top STRUCTURAL MUST ( uniqueMember $ cn )"
                    + " MAY ( businessCategory $ seeAlso $ owner $ ou $ o $ description ) )",
            // Directory String rather than Generalized Time: the in-memory server's syntax check refuses
            // ppolicy's year-0000 "locked forever" value, which OpenLDAP accepts.
            "attributeTypes: ( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime'"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE USAGE directoryOperation )",
            "attributeTypes: ( 1.3.6.1.4.1.453.16.2.188 NAME 'authTimestamp' EQUALITY generalizedTimeMatch"
                    + " ORDERING generalizedTimeOrderingMatch SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE"
                    + " USAGE dSAOperation )");

    private static final List<String> ACTIVE_DIRECTORY_SCHEMA = List.of(
            "attributeTypes: ( 1.2.840.113556.1.4.221 NAME 'sAMAccountName' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15"
                    + " SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.656 NAME 'userPrincipalName'"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.15 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.8 NAME 'userAccountControl' EQUALITY integerMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.4.1696 NAME 'lastLogonTimestamp' EQUALITY integerMatch"
                    + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.27 SINGLE-VALUE )",
            "attributeTypes: ( 1.2.840.113556.1.2.141 NAME 'department' SYNTAX 1.3.6.1.4.1.1466.115.121.1.15"
                    + " SINGLE-VALUE )",
            "objectClasses: ( 1.2.840.113556.1.5.9 NAME 'user' SUP organizationalPerson STRUCTURAL MAY ("
                    + " sAMAccountName $ userPrincipalName $ userAccountControl $ lastLogonTimestamp $ department"
                    + " $ displayName $ mail $ givenName $ title $ manager $ employeeType ) )",
            "objectClasses: ( 1.2.840.113556.1.5.8 NAME 'group' SUP top STRUCTURAL MUST cn MAY ( member $"
                    + " description $ sAMAccountName ) )");

    private final InMemoryDirectoryServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    private InMemoryAcme(List<String> schemaLines, InMemoryListenerConfig listener) throws Exception {
        var config = new InMemoryDirectoryServerConfig(Acme.BASE);
        config.addAdditionalBindCredentials(Acme.ADMIN, Acme.ADMIN_PASSWORD);
        config.setListenerConfigs(listener);
        var extra = new Entry("cn=schema");
        schemaLines.forEach(line -> {
            int colon = line.indexOf(": ");
            extra.addAttribute(line.substring(0, colon), line.substring(colon + 2));
        });
        config.setSchema(Schema.mergeSchemas(Schema.getDefaultStandardSchema(), new Schema(extra)));
        config.setAccessLogHandler(new Handler() {
            @Override
            public void publish(LogRecord record) {
                requests.add(record.getMessage());
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        });
        server = new InMemoryDirectoryServer(config);
        server.startListening();
        Acme.createLayout(server);
    }

    static InMemoryAcme openLdap() throws Exception {
        return new InMemoryAcme(OPENLDAP_SCHEMA, plainListener());
    }

    static InMemoryAcme activeDirectory() throws Exception {
        return new InMemoryAcme(ACTIVE_DIRECTORY_SCHEMA, plainListener());
    }

    static InMemoryAcme openLdap(InMemoryListenerConfig listener) throws Exception {
        return new InMemoryAcme(OPENLDAP_SCHEMA, listener);
    }

    private static InMemoryListenerConfig plainListener() throws LDAPException {
        return InMemoryListenerConfig.createLDAPConfig("ldap", InetAddress.getLoopbackAddress(), 0, null);
    }

    /** The server itself, which acts as an administrator that no access control applies to. */
    InMemoryDirectoryServer admin() {
        return server;
    }

    String url() {
        return "ldap://127.0.0.1:" + server.getListenPort();
    }

    /** How many search requests the server has received so far. */
    long searches() {
        return requests.stream().filter(message -> message.contains(" SEARCH REQUEST ")).count();
    }

    /** How many modify requests the server has received so far. */
    long modifies() {
        return requests.stream().filter(message -> message.contains(" MODIFY REQUEST ")).count();
    }

    @Override
    public void close() {
        server.shutDown(true);
    }
}
