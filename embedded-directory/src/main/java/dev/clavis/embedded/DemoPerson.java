package dev.clavis.embedded;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * A person of the demo organisation. Times are relative ({@code ago}) so the organisation stays
 * the same whenever it is seeded; the entry turns them into timestamps at seeding.
 *
 * @param uid {@code first.last}, also the local part of the email
 * @param department the department's name, stored in {@code departmentNumber}
 * @param managerUid null only for the CEO
 * @param employeeType {@code employee}, {@code contractor} or {@code intern}
 * @param lastLoginAgo how long before seeding the person last signed in; null when never
 * @param suspendedAgo how long before seeding the account was locked; null when active
 */
public record DemoPerson(
        String uid,
        String givenName,
        String surname,
        String title,
        String department,
        @Nullable String managerUid,
        String employeeType,
        String employeeNumber,
        @Nullable Duration lastLoginAgo,
        @Nullable Duration suspendedAgo) {

    public static final String EMPLOYEE = "employee";
    public static final String CONTRACTOR = "contractor";
    public static final String INTERN = "intern";

    public String email() {
        return DirectoryLayout.email(uid);
    }

    public String displayName() {
        return givenName + " " + surname;
    }

    public String dn() {
        return DirectoryLayout.personDn(uid);
    }

    public boolean isSuspended() {
        return suspendedAgo != null;
    }

    Entries.Person fields() {
        return new Entries.Person(uid, givenName, surname, title, department, managerUid, employeeType, employeeNumber);
    }

    DemoPerson withActivity(@Nullable Duration lastLoginAgo, @Nullable Duration suspendedAgo) {
        return new DemoPerson(uid, givenName, surname, title, department, managerUid, employeeType, employeeNumber,
                lastLoginAgo, suspendedAgo);
    }
}
