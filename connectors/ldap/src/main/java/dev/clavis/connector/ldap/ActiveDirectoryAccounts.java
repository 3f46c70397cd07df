package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.Modification;
import com.unboundid.ldap.sdk.ModificationType;
import com.unboundid.ldap.sdk.RDN;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Active Directory: {@code user} entries, suspended with the ACCOUNTDISABLE bit of
 * {@code userAccountControl}; last sign-in from a Windows FILETIME.
 */
final class ActiveDirectoryAccounts implements Accounts {

    static final String ACCOUNT_CONTROL = "userAccountControl";
    static final long ACCOUNT_DISABLE = 0x2;
    private static final long NORMAL_ACCOUNT = 0x200;

    /** sAMAccountName's length limit, kept from pre-Windows 2000 logon names. */
    private static final int ACCOUNT_NAME_LIMIT = 20;

    /** Seconds from 1601-01-01, where FILETIME counts from, to 1970-01-01. */
    private static final long FILETIME_EPOCH_OFFSET = 11_644_473_600L;

    @Override
    public List<String> statusAttributes() {
        return List.of(ACCOUNT_CONTROL);
    }

    @Override
    public PersonStatus status(Entry person) {
        return (accountControl(person) & ACCOUNT_DISABLE) != 0 ? PersonStatus.SUSPENDED : PersonStatus.ACTIVE;
    }

    /**
     * A normal account created disabled (0x202): AD refuses to enable an account without a password that
     * meets its policy, and this connector never sets passwords. An administrator or the person's
     * onboarding sets one and enables the account.
     */
    @Override
    public Entry newPerson(NewUser user, LdapSettings settings) {
        String account = Accounts.localPart(user);
        if (account.length() > ACCOUNT_NAME_LIMIT) {
            throw new PermanentConnectorException("cannot create " + user.email() + " in Active Directory: the"
                    + " account name '" + account + "' is longer than sAMAccountName's " + ACCOUNT_NAME_LIMIT
                    + " characters");
        }
        var entry = new Entry(new DN(new RDN("cn", account), settings.newUserBase()));
        entry.addAttribute("objectClass", "top", "person", "organizationalPerson", "user");
        entry.addAttribute("cn", account);
        entry.addAttribute("sAMAccountName", account);
        entry.addAttribute("userPrincipalName", user.email());
        entry.addAttribute(ACCOUNT_CONTROL, Long.toString(NORMAL_ACCOUNT | ACCOUNT_DISABLE));
        Accounts.addProfile(entry, user, settings.attributes());
        return entry;
    }

    /**
     * Deletes the value read and adds the new one in one modify, so a concurrent change to the other
     * bits makes the directory refuse (noSuchAttribute) rather than lose that change.
     */
    @Override
    public List<Modification> suspension(Entry person) {
        if (!person.hasAttribute(ACCOUNT_CONTROL)) {
            return List.of(new Modification(
                    ModificationType.REPLACE, ACCOUNT_CONTROL, Long.toString(NORMAL_ACCOUNT | ACCOUNT_DISABLE)));
        }
        long current = accountControl(person);
        if ((current & ACCOUNT_DISABLE) != 0) {
            return List.of();
        }
        return List.of(
                new Modification(ModificationType.DELETE, ACCOUNT_CONTROL, Long.toString(current)),
                new Modification(ModificationType.ADD, ACCOUNT_CONTROL, Long.toString(current | ACCOUNT_DISABLE)));
    }

    /** Zero means never; AD updates lastLogonTimestamp only every 9 to 14 days by default. */
    @Override
    public Optional<Instant> lastLogin(Entry person, String attribute) {
        String value = person.getAttributeValue(attribute);
        if (value == null) {
            return Optional.empty();
        }
        long fileTime = parse(person, attribute, value);
        if (fileTime <= 0 || fileTime == Long.MAX_VALUE) {
            return Optional.empty();
        }
        return Optional.of(Instant.ofEpochSecond(
                fileTime / 10_000_000 - FILETIME_EPOCH_OFFSET, fileTime % 10_000_000 * 100));
    }

    private static long accountControl(Entry person) {
        String value = person.getAttributeValue(ACCOUNT_CONTROL);
        return value == null ? NORMAL_ACCOUNT : parse(person, ACCOUNT_CONTROL, value);
    }

    private static long parse(Entry person, String attribute, String value) {
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new PermanentConnectorException(
                    attribute + " of " + person.getDN() + " is not a number: '" + value + "'", e);
        }
    }
}
