package dev.clavis.connector.ldap;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/** The kind of directory server, which decides defaults and how accounts are created and suspended. */
enum Flavor {
    OPENLDAP(
            "openldap",
            "(objectClass=inetOrgPerson)",
            "(|(objectClass=groupOfNames)(objectClass=groupOfUniqueNames))",
            new AttributeNames("mail", "cn", "departmentNumber", "title", "manager", "employeeType", "cn",
                    "authTimestamp"),
            List.of("member", "uniqueMember")),
    ACTIVE_DIRECTORY(
            "active-directory",
            "(&(objectCategory=person)(objectClass=user))",
            "(objectClass=group)",
            new AttributeNames("mail", "displayName", "department", "title", "manager", "employeeType", "cn",
                    "lastLogonTimestamp"),
            List.of("member"));

    final String settingValue;
    final String peopleFilter;
    final String groupsFilter;
    final AttributeNames attributes;
    /** The attributes whose values are a group's members. */
    final List<String> memberAttributes;

    Flavor(String settingValue, String peopleFilter, String groupsFilter, AttributeNames attributes,
            List<String> memberAttributes) {
        this.settingValue = settingValue;
        this.peopleFilter = peopleFilter;
        this.groupsFilter = groupsFilter;
        this.attributes = attributes;
        this.memberAttributes = memberAttributes;
    }

    static Optional<Flavor> fromSetting(String value) {
        return Stream.of(values()).filter(f -> f.settingValue.equalsIgnoreCase(value)).findFirst();
    }

    Accounts accounts() {
        return this == ACTIVE_DIRECTORY ? new ActiveDirectoryAccounts() : new OpenLdapAccounts();
    }
}
