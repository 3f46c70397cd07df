package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import com.unboundid.util.StaticUtils;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.PersonStatus;
import java.text.ParseException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * OpenLDAP and other RFC directories: inetOrgPerson entries, suspended through the ppolicy overlay's
 * {@code pwdAccountLockedTime}.
 */
final class OpenLdapAccounts implements Accounts {

    static final String LOCKED_TIME = "pwdAccountLockedTime";

    /** ppolicy's value for "locked by an administrator until the attribute is removed". */
    static final String LOCKED_FOREVER = "000001010000Z";

    @Override
    public List<String> statusAttributes() {
        return List.of(LOCKED_TIME);
    }

    /** Any lock counts, including ppolicy's temporary lockout after failed binds: the person cannot sign in. */
    @Override
    public PersonStatus status(Entry person) {
        return person.hasAttribute(LOCKED_TIME) ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE;
    }

    @Override
    public Entry newPerson(NewUser user, LdapSettings settings) {
        String uid = Accounts.localPart(user);
        var entry = new Entry(new DN(new RDN("uid", uid), settings.newUserBase()));
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "inetOrgPerson");
        entry.addAttribute("uid", uid);
        entry.addAttribute("cn", user.displayName());
        Accounts.addProfile(entry, user, settings.attributes());
        return entry;
    }

    /** A temporary lockout is replaced by the permanent one, so it does not expire by itself. */
    @Override
    public List<Modification> suspension(Entry person) {
        if (LOCKED_FOREVER.equals(person.getAttributeValue(LOCKED_TIME))) {
            return List.of();
        }
        return List.of(new Modification(ModificationType.REPLACE, LOCKED_TIME, LOCKED_FOREVER));
    }

    @Override
    public Optional<Instant> lastLogin(Entry person, String attribute) {
        String value = person.getAttributeValue(attribute);
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(StaticUtils.decodeGeneralizedTime(value).toInstant());
        } catch (ParseException e) {
            throw new PermanentConnectorException(attribute + " of " + person.getDN() + " is not a generalized"
                    + " time: '" + value + "'; check last-login-attribute", e);
        }
    }
}
