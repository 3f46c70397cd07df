package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPInterface;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.ldap.sdk.SearchResultEntry;
import dev.clavis.connector.testkit.TestDirectory;
import dev.clavis.connector.testkit.TestPerson;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * The Acme directory seen through an administrator's LDAP connection, shaped as OpenLDAP
 * (inetOrgPerson, groupOfNames with a placeholder member) or as Active Directory (user, group).
 */
final class LdapTestDirectory implements TestDirectory {

    private final LDAPInterface admin;
    private final boolean activeDirectory;

    private LdapTestDirectory(LDAPInterface admin, boolean activeDirectory) {
        this.admin = admin;
        this.activeDirectory = activeDirectory;
    }

    static LdapTestDirectory openLdap(LDAPInterface admin) {
        return new LdapTestDirectory(admin, false);
    }

    static LdapTestDirectory activeDirectory(LDAPInterface admin) {
        return new LdapTestDirectory(admin, true);
    }

    @Override
    public String createPerson(TestPerson person) {
        String account = person.email().substring(0, person.email().indexOf('@'));
        var entry = new Entry(new DN(new RDN(activeDirectory ? "cn" : "uid", account), dn(Acme.PEOPLE)));
        if (activeDirectory) {
            entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
            entry.addAttribute("cn", account);
            entry.addAttribute("sAMAccountName", account);
            entry.addAttribute("displayName", person.displayName());
            entry.addAttribute("userAccountControl", "512");
        } else {
            entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
            entry.addAttribute("uid", account);
            entry.addAttribute("cn", person.displayName());
        }
        entry.addAttribute("sn", person.familyName());
        entry.addAttribute("givenName", person.givenName());
        entry.addAttribute("mail", person.email());
        optional(entry, activeDirectory ? "department" : "departmentNumber", person.department());
        optional(entry, "title", person.title());
        optional(entry, "manager", person.managerId());
        optional(entry, "employeeType", person.employeeType());
        add(entry);
        return Acme.id(entry.getDN());
    }

    @Override
    public String createGroup(String name, @Nullable String description) {
        var entry = new Entry(new DN(new RDN("cn", name), dn(Acme.GROUPS)));
        entry.addAttribute("cn", name);
        if (activeDirectory) {
            entry.addAttribute("objectClass", "top", "group");
        } else {
            entry.addAttribute("objectClass", "top", "groupOfNames");
            entry.addAttribute("member", Acme.PLACEHOLDER);
        }
        optional(entry, "description", description);
        add(entry);
        return Acme.id(entry.getDN());
    }

    /** Drops the placeholder as an administrator would, so the person may become the only member. */
    @Override
    public void addMember(String groupId, String personId) {
        try {
            admin.modify(groupId, new Modification(ModificationType.ADD, "member", personId));
            if (!activeDirectory && members(groupId).contains(Acme.id(Acme.PLACEHOLDER))) {
                admin.modify(groupId, new Modification(ModificationType.DELETE, "member", Acme.PLACEHOLDER));
            }
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every value of member and uniqueMember, normalized, uid suffixes dropped. */
    @Override
    public List<String> members(String groupId) {
        try {
            SearchResultEntry group = admin.getEntry(groupId, "member", "uniqueMember");
            var members = new ArrayList<String>();
            for (String attribute : List.of("member", "uniqueMember")) {
                Attribute values = group.getAttribute(attribute);
                if (values != null) {
                    for (String value : values.getValues()) {
                        members.add(Acme.id(value.replaceFirst("#'[01]*'B$", "")));
                    }
                }
            }
            return members;
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String unknownGroupId() {
        return Acme.id("cn=no-such-group-" + UUID.randomUUID() + "," + Acme.GROUPS);
    }

    @Override
    public String unknownPersonId() {
        return Acme.id("uid=no-such-person-" + UUID.randomUUID() + "," + Acme.PEOPLE);
    }

    @Override
    public int pageSize() {
        return Acme.PAGE_SIZE;
    }

    private void add(Entry entry) {
        try {
            admin.add(entry);
        } catch (LDAPException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void optional(Entry entry, String attribute, @Nullable String value) {
        if (value != null) {
            entry.addAttribute(attribute, value);
        }
    }

    private static DN dn(String dn) {
        try {
            return new DN(dn);
        } catch (LDAPException e) {
            throw new IllegalArgumentException(dn, e);
        }
    }
}
