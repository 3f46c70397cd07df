package dev.clavis.connector.ldap;

/** Which LDAP attribute holds each field of a person or group. */
record AttributeNames(
        String email,
        String displayName,
        String department,
        String title,
        String manager,
        String employeeType,
        String groupName,
        String lastLogin) {

    /** The attributes a person read asks for, besides the flavor's status attributes. */
    String[] personAttributes() {
        return new String[] {email, displayName, department, title, manager, employeeType, lastLogin};
    }
}
