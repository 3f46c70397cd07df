package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.RDN;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.util.ArrayList;
import java.util.List;

/** Turns directory entries into people and groups, with normalized DNs as ids. */
final class EntryMapper {

    private final AttributeNames names;
    private final Accounts accounts;

    EntryMapper(AttributeNames names, Accounts accounts) {
        this.names = names;
        this.accounts = accounts;
    }

    /** What a person read asks the directory for. */
    String[] personAttributes() {
        var attributes = new ArrayList<>(List.of(names.personAttributes()));
        attributes.addAll(accounts.statusAttributes());
        return attributes.toArray(String[]::new);
    }

    String[] groupAttributes() {
        return new String[] {names.groupName(), "description"};
    }

    /**
     * A person without an email is reported with an empty one rather than left out, so their memberships
     * still show in reviews; one without a display name is reported by the value of their DN's first RDN.
     */
    DirectoryPerson person(Entry entry) {
        String manager = entry.getAttributeValue(names.manager());
        return new DirectoryPerson(
                id(entry),
                valueOr(entry, names.email(), ""),
                valueOr(entry, names.displayName(), rdnValue(entry)),
                entry.getAttributeValue(names.department()),
                entry.getAttributeValue(names.title()),
                manager == null ? null : normalized(manager, entry, names.manager()),
                entry.getAttributeValue(names.employeeType()),
                accounts.status(entry),
                accounts.lastLogin(entry, names.lastLogin()).orElse(null));
    }

    /** A group without a name attribute is named by the value of its DN's first RDN. */
    DirectoryGroup group(Entry entry) {
        return new DirectoryGroup(
                id(entry), valueOr(entry, names.groupName(), rdnValue(entry)), entry.getAttributeValue("description"));
    }

    static String id(Entry entry) {
        return normalized(entry.getDN(), entry, "dn");
    }

    private static String normalized(String dn, Entry entry, String attribute) {
        try {
            return new DN(dn).toNormalizedString();
        } catch (LDAPException e) {
            throw new PermanentConnectorException(
                    attribute + " of " + entry.getDN() + " is not a DN: '" + dn + "'", e);
        }
    }

    private static String valueOr(Entry entry, String attribute, String fallback) {
        String value = entry.getAttributeValue(attribute);
        return value == null ? fallback : value;
    }

    private static String rdnValue(Entry entry) {
        try {
            RDN rdn = entry.getParsedDN().getRDN();
            return rdn == null ? entry.getDN() : rdn.getAttributeValues()[0];
        } catch (LDAPException e) {
            return entry.getDN();
        }
    }
}
