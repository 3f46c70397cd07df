package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import java.util.HashMap;
import java.util.Map;

/** The test directory's layout and the connector settings that point at it. */
final class Acme {

    static final String BASE = "dc=acme,dc=test";
    static final String PEOPLE = "ou=people," + BASE;
    static final String GROUPS = "ou=groups," + BASE;
    static final String ADMIN = "cn=admin," + BASE;
    static final String ADMIN_PASSWORD = "admin-secret";
    static final String SERVICE = "cn=clavis,ou=services," + BASE;
    static final String SERVICE_PASSWORD = "service-secret";
    static final String PLACEHOLDER = "cn=empty-membership-placeholder," + BASE;
    static final int PAGE_SIZE = 10;
    static final int POOL_SIZE = 2;

    private Acme() {}

    static void createLayout(LDAPInterface admin) throws Exception {
        admin.add("dn: " + BASE, "objectClass: top", "objectClass: dcObject", "objectClass: organization", "dc: acme",
                "o: Acme");
        admin.add("dn: " + PEOPLE, "objectClass: organizationalUnit", "ou: people");
        admin.add("dn: " + GROUPS, "objectClass: organizationalUnit", "ou: groups");
    }

    /**
     * Settings for a connector bound as the directory's administrator, with a small page size so paging is
     * exercised and a pool of two so that a stream that does not give its connection back is noticed.
     */
    static Map<String, String> settings(String url) {
        var settings = new HashMap<String, String>();
        settings.put("url", url);
        settings.put("bind-dn", ADMIN);
        settings.put("password", ADMIN_PASSWORD);
        settings.put("base-dn", BASE);
        settings.put("people-base", PEOPLE);
        settings.put("groups-base", GROUPS);
        settings.put("page-size", Integer.toString(PAGE_SIZE));
        settings.put("pool-size", Integer.toString(POOL_SIZE));
        settings.put("connect-timeout", "PT2S");
        settings.put("response-timeout", "PT10S");
        return settings;
    }

    static DirectoryConnector connector(Map<String, String> settings) {
        var factory = new LdapConnectorFactory();
        return factory.create(ConnectorSettings.of("ldap", factory.configSchema(), settings));
    }

    static String id(String dn) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            throw new IllegalArgumentException(dn, e);
        }
    }
}
