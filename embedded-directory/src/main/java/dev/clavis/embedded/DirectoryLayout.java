package dev.clavis.embedded;

/**
 * Where things live in the embedded directory. The same layout as a typical OpenLDAP installation,
 * so the LDAP connector needs no special case for it.
 */
public final class DirectoryLayout {

    public static final String BASE_DN = "dc=acme,dc=test";
    public static final String PEOPLE_DN = "ou=people," + BASE_DN;
    public static final String GROUPS_DN = "ou=groups," + BASE_DN;

    /** The administrator; the only identity that may change the directory. Not an entry of its own. */
    public static final String ADMIN_DN = "cn=admin," + BASE_DN;

    public static final String MAIL_DOMAIN = "acme.test";

    /** Marks a suspended person, as OpenLDAP's ppolicy overlay does. */
    public static final String LOCKED_TIME_ATTRIBUTE = "pwdAccountLockedTime";

    /** The last successful sign-in, as OpenLDAP's lastbind overlay records it. */
    public static final String LAST_LOGIN_ATTRIBUTE = "authTimestamp";

    private DirectoryLayout() {
    }

    /** @param uid a person's uid, {@code first.last} */
    public static String personDn(String uid) {
        return "uid=" + uid + "," + PEOPLE_DN;
    }

    public static String groupDn(String name) {
        return "cn=" + name + "," + GROUPS_DN;
    }

    public static String email(String uid) {
        return uid + "@" + MAIL_DOMAIN;
    }
}
