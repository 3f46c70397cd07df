package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.Attribute;
import com.unboundid.ldap.sdk.Entry;
import com.unboundid.ldap.sdk.LDAPException;
import dev.clavis.connector.spi.PermanentConnectorException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The member values of one group, one at a time, as DN strings.
 *
 * <p>Active Directory sends at most MaxValRange (1,500 by default) values of a large group's
 * {@code member} as {@code member;range=0-1499} and expects the client to ask for
 * {@code member;range=1500-*} and so on; the next range is read only when the values before it have
 * been taken, so one group's members are never all in memory. {@code uniqueMember} values lose their
 * optional {@code #'0101'B} uid suffix (RFC 4519), which is not part of the member's DN.
 */
final class MemberValues {

    /** Reads one attribute of one entry; null when the entry is gone. */
    @FunctionalInterface
    interface RangeReader {
        @Nullable Entry read(String dn, String attribute) throws LDAPException;
    }

    private static final Pattern UID_SUFFIX = Pattern.compile("#'[01]*'B$");
    private static final String RANGE = "range=";

    private final Entry group;
    private final RangeReader reader;
    private final Iterator<String> attributes;
    private String attribute = "";
    private List<String> values = List.of();
    private int index;
    /** Where the next range of the current attribute starts, or -1 when the server sent all of it. */
    private int nextRange = -1;

    MemberValues(Entry group, List<String> memberAttributes, RangeReader reader) {
        this.group = group;
        this.reader = reader;
        this.attributes = memberAttributes.iterator();
    }

    /** The next member value, or null when there are no more. */
    @Nullable String next() throws LDAPException {
        while (index == values.size()) {
            if (nextRange >= 0) {
                Entry ranged = reader.read(group.getDN(), attribute + ";" + RANGE + nextRange + "-*");
                take(ranged == null ? List.of() : ranged.getAttributesWithOptions(attribute, null));
            } else if (attributes.hasNext()) {
                attribute = attributes.next();
                take(group.getAttributesWithOptions(attribute, null));
            } else {
                return null;
            }
        }
        String value = values.get(index++);
        return attribute.equalsIgnoreCase("uniqueMember") ? UID_SUFFIX.matcher(value).replaceFirst("") : value;
    }

    private void take(List<Attribute> sent) {
        values = new ArrayList<>();
        index = 0;
        nextRange = -1;
        for (Attribute part : sent) {
            values.addAll(List.of(part.getValues()));
            for (String option : part.getOptions()) {
                if (option.toLowerCase(Locale.ROOT).startsWith(RANGE)) {
                    nextRange = rangeAfter(option);
                }
            }
        }
        if (values.isEmpty()) {
            nextRange = -1;
        }
    }

    /** {@code range=0-1499} continues at 1500; {@code range=1500-*} is the last. */
    private int rangeAfter(String option) {
        String end = option.substring(option.indexOf('-') + 1);
        if (end.equals("*")) {
            return -1;
        }
        try {
            return Integer.parseInt(end) + 1;
        } catch (NumberFormatException e) {
            throw new PermanentConnectorException("the directory sent a malformed range option '" + option + "' with "
                    + attribute + " of " + group.getDN(), e);
        }
    }
}
