package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/** How one flavor of directory creates, suspends and describes accounts. */
interface Accounts {

    /** The attributes a person read asks for so that {@link #status} can tell. */
    List<String> statusAttributes();

    PersonStatus status(Entry person);

    /** The entry that creating this person adds, under {@code new-user-base}. */
    Entry newPerson(NewUser user, LdapSettings settings);

    /** The changes that stop the person signing in; none when they are suspended already. */
    List<Modification> suspension(Entry person);

    /**
     * The person's last sign-in from the flavor's last-login attribute; empty when it is absent.
     *
     * @throws PermanentConnectorException when the value is not a time, e.g. a misconfigured attribute
     */
    Optional<Instant> lastLogin(Entry person, String attribute);

    /** The part of the email before the @, which names the new entry and the account. */
    static String localPart(NewUser user) {
        int at = user.email().indexOf('@');
        if (at < 1) {
            throw new PermanentConnectorException("cannot create a person from email '" + user.email()
                    + "': the account name is taken from the part before the @");
        }
        return user.email().substring(0, at);
    }

    /** Sets the optional attributes every flavor writes from the same fields of a new person. */
    static void addProfile(Entry entry, NewUser user, AttributeNames names) {
        entry.addAttribute(names.email(), user.email());
        entry.addAttribute(names.displayName(), user.displayName());
        entry.addAttribute("givenName", user.givenName());
        entry.addAttribute("sn", user.familyName());
        addIfPresent(entry, names.department(), user.department());
        addIfPresent(entry, names.title(), user.title());
        addIfPresent(entry, names.manager(), user.managerId());
        addIfPresent(entry, names.employeeType(), user.employeeType());
    }

    private static void addIfPresent(Entry entry, String attribute, @Nullable String value) {
        if (value != null) {
            entry.addAttribute(attribute, value);
        }
    }
}
