package dev.clavis.embedded;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.schema.Schema;

/**
 * UnboundID's standard schema plus the two operational attributes the demo needs and that only
 * OpenLDAP overlays define. Same OIDs and syntax as OpenLDAP, so the connector reads them alike.
 */
final class DirectorySchema {

    // ppolicy leaves this user-modifiable too: an administrator locks an account by writing it.
    private static final String LOCKED_TIME = "( 1.3.6.1.4.1.42.2.27.8.1.17 NAME 'pwdAccountLockedTime'"
            + " DESC 'The time an user account was locked'"
            + " EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch"
            + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE USAGE directoryOperation"
            + " X-ORIGIN 'draft-behera-ldap-password-policy' )";

    // OpenLDAP's lastbind marks this NO-USER-MODIFICATION. Here the administrator may write it, because
    // the in-memory server does not maintain it on bind and demos and tests need to age a login.
    private static final String LAST_LOGIN = "( 1.3.6.1.4.1.4203.666.1.8 NAME 'authTimestamp'"
            + " DESC 'last successful authentication using any method/mech'"
            + " EQUALITY generalizedTimeMatch ORDERING generalizedTimeOrderingMatch"
            + " SYNTAX 1.3.6.1.4.1.1466.115.121.1.24 SINGLE-VALUE USAGE directoryOperation"
            + " X-ORIGIN 'OpenLDAP lastbind overlay' )";

    private DirectorySchema() {
    }

    static Schema create() {
        try {
            var additions = new Schema(new Entry("cn=schema",
                    new Attribute("objectClass", "top", "ldapSubentry", "subschema"),
                    new Attribute("attributeTypes", LOCKED_TIME, LAST_LOGIN)));
            return Schema.mergeSchemas(Schema.getDefaultStandardSchema(), additions);
        } catch (LDAPException e) {
            throw new EmbeddedDirectoryException("UnboundID's standard schema could not be read", e);
        }
    }
}
