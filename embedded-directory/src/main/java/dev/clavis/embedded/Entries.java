package dev.clavis.embedded;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** Builds the entries both organisations are made of, so the demo and the benchmark look alike. */
final class Entries {

    // Whole seconds, as OpenLDAP writes authTimestamp and pwdAccountLockedTime.
    private static final DateTimeFormatter GENERALIZED_TIME =
            DateTimeFormatter.ofPattern("yyyyMMddHHmmss'Z'").withZone(ZoneOffset.UTC);

    private Entries() {
    }

    static List<Entry> base() {
        return List.of(
                new Entry(DirectoryLayout.BASE_DN,
                        new Attribute("objectClass", "top", "dcObject", "organization"),
                        new Attribute("dc", "acme"),
                        new Attribute("o", "Acme")),
                new Entry(DirectoryLayout.PEOPLE_DN,
                        new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", "people")),
                new Entry(DirectoryLayout.GROUPS_DN,
                        new Attribute("objectClass", "top", "organizationalUnit"),
                        new Attribute("ou", "groups")));
    }

    static Entry person(Person person, @Nullable Instant lastLogin, @Nullable Instant lockedAt) {
        var attributes = new ArrayList<Attribute>(16);
        attributes.add(new Attribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson"));
        attributes.add(new Attribute("uid", person.uid()));
        attributes.add(new Attribute("cn", person.givenName() + " " + person.surname()));
        attributes.add(new Attribute("sn", person.surname()));
        attributes.add(new Attribute("givenName", person.givenName()));
        attributes.add(new Attribute("displayName", person.givenName() + " " + person.surname()));
        attributes.add(new Attribute("mail", DirectoryLayout.email(person.uid())));
        attributes.add(new Attribute("title", person.title()));
        attributes.add(new Attribute("departmentNumber", person.department()));
        attributes.add(new Attribute("employeeType", person.employeeType()));
        attributes.add(new Attribute("employeeNumber", person.employeeNumber()));
        if (person.managerUid() != null) {
            attributes.add(new Attribute("manager", DirectoryLayout.personDn(person.managerUid())));
        }
        // Clear text on purpose: the server hashes it ({SSHA256}) as it stores the entry.
        attributes.add(new Attribute("userPassword", DemoOrganization.DEMO_PASSWORD));
        if (lastLogin != null) {
            attributes.add(new Attribute(DirectoryLayout.LAST_LOGIN_ATTRIBUTE, generalizedTime(lastLogin)));
        }
        if (lockedAt != null) {
            attributes.add(new Attribute(DirectoryLayout.LOCKED_TIME_ATTRIBUTE, generalizedTime(lockedAt)));
        }
        return new Entry(DirectoryLayout.personDn(person.uid()), attributes);
    }

    static Entry group(String name, String description, Collection<String> memberDns) {
        var attributes = new ArrayList<Attribute>(4);
        attributes.add(new Attribute("objectClass", "top", "groupOfNames"));
        attributes.add(new Attribute("cn", name));
        attributes.add(new Attribute("description", description));
        if (!memberDns.isEmpty()) {
            attributes.add(new Attribute("member", memberDns));
        }
        return new Entry(DirectoryLayout.groupDn(name), attributes);
    }

    static String generalizedTime(Instant instant) {
        return GENERALIZED_TIME.format(instant);
    }

    /** What a person entry is made of, whichever organisation the person belongs to. */
    record Person(String uid, String givenName, String surname, String title, String department,
            @Nullable String managerUid, String employeeType, String employeeNumber) {
    }
}
