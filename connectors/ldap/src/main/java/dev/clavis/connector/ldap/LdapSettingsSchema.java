package dev.clavis.connector.ldap;

import static dev.clavis.connector.spi.ConfigProperty.optional;
import static dev.clavis.connector.spi.ConfigProperty.required;
import static dev.clavis.connector.spi.ConfigProperty.secret;

import dev.clavis.connector.spi.ConfigProperty;
import dev.clavis.connector.spi.ConfigSchema;

/**
 * The LDAP connector's settings as data. Defaults that depend on another setting (a base DN, the
 * flavor) are declared without a value here and applied by {@link LdapSettings}; their descriptions
 * say what applies.
 */
final class LdapSettingsSchema {

    static final ConfigSchema SCHEMA = ConfigSchema.of(
            required("url", "ldap:// or ldaps:// URL of the directory; several, separated by spaces, are tried in"
                    + " order for failover"),
            required("bind-dn", "DN the connector binds as"),
            secret("password", "password of bind-dn"),
            required("base-dn", "DN under which people and groups live, e.g. dc=acme,dc=com"),
            optional("people-base", "DN under which people are searched; default base-dn", null),
            optional("groups-base", "DN under which groups are searched; default base-dn", null),
            optional("flavor", "openldap or active-directory", "openldap"),
            optional("people-filter", "LDAP filter that selects people; default (objectClass=inetOrgPerson),"
                    + " active-directory (&(objectCategory=person)(objectClass=user))", null),
            optional("groups-filter", "LDAP filter that selects groups; default"
                    + " (|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames)), active-directory"
                    + " (objectClass=group)", null),
            optional("email-attribute", "attribute holding a person's email; default mail", null),
            optional("display-name-attribute", "attribute holding a person's display name; default cn,"
                    + " active-directory displayName", null),
            optional("department-attribute", "attribute holding a person's department; default"
                    + " departmentNumber, active-directory department", null),
            optional("title-attribute", "attribute holding a person's job title; default title", null),
            optional("manager-attribute", "attribute holding the DN of a person's manager; default manager",
                    null),
            optional("employee-type-attribute", "attribute holding a person's employee type; default"
                    + " employeeType", null),
            optional("group-name-attribute", "attribute holding a group's name; default cn", null),
            optional("last-login-attribute", "attribute holding a person's last sign-in; default authTimestamp"
                    + " (OpenLDAP lastbind overlay), active-directory lastLogonTimestamp", null),
            optional("new-user-base", "DN under which created people are added; default people-base", null),
            optional("empty-group-member", "member value kept in a groupOfNames or groupOfUniqueNames whose"
                    + " last member was removed, because those classes require a member; never reported as a"
                    + " membership; default cn=empty-membership-placeholder,<base-dn>", null),
            optional("page-size", "entries per page of a read, and memberships per page", "500"),
            optional("pool-size", "most connections held open; each unclosed read stream holds one", "10"),
            optional("connect-timeout", "how long to wait for a connection, to the server or from a full pool",
                    "PT5S"),
            optional("response-timeout", "how long to wait for any answer from the directory", "PT30S"),
            optional("start-tls", "upgrade ldap:// connections with StartTLS", "false"),
            optional("trust-store", "path of a JKS or PKCS#12 trust store for TLS; default the JVM's trust",
                    null),
            new ConfigProperty("trust-store-password", "password of trust-store, if it has one", false, true,
                    null));

    private LdapSettingsSchema() {}
}
