package dev.clavis.connector.ldap;

import com.unboundid.ldap.sdk.DN;
import com.unboundid.ldap.sdk.Filter;
import com.unboundid.ldap.sdk.LDAPException;
import com.unboundid.ldap.sdk.LDAPURL;
import com.unboundid.ldap.sdk.RDN;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.InvalidSettingsException;
import java.io.File;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * The connector's settings, parsed and checked together so that every problem is named at once.
 * {@link #toString()} leaves out the passwords.
 *
 * @param trustStore loaded when the settings are read, so a wrong path or password is a settings problem
 *     and not a failure on first connect
 */
record LdapSettings(
        List<LDAPURL> urls,
        String bindDn,
        String password,
        DN baseDn,
        DN peopleBase,
        DN groupsBase,
        DN newUserBase,
        DN emptyGroupMember,
        Flavor flavor,
        Filter peopleFilter,
        Filter groupsFilter,
        AttributeNames attributes,
        int pageSize,
        int poolSize,
        Duration connectTimeout,
        Duration responseTimeout,
        boolean startTls,
        @Nullable KeyStore trustStore) {

    /**
     * @throws InvalidSettingsException naming every setting that cannot work
     */
    static LdapSettings from(ConnectorSettings settings) {
        var reader = new Reader(settings);
        LdapSettings parsed = reader.read();
        if (!reader.problems.isEmpty()) {
            throw new InvalidSettingsException(settings.connectorType(), reader.problems);
        }
        return parsed;
    }

    String urlText() {
        return urls.stream().map(LDAPURL::toString).collect(Collectors.joining(" "));
    }

    @Override
    public String toString() {
        return "LdapSettings{url=" + urlText() + ", bind-dn=" + bindDn + ", base-dn=" + baseDn + ", flavor="
                + flavor.settingValue + "}";
    }

    /** Reads each setting, noting what is wrong instead of stopping at the first problem. */
    private static final class Reader {

        private final ConnectorSettings settings;
        private final List<String> problems = new ArrayList<>();

        Reader(ConnectorSettings settings) {
            this.settings = settings;
        }

        LdapSettings read() {
            Flavor flavor = Flavor.fromSetting(settings.get("flavor")).orElseGet(() -> {
                problems.add("'flavor' must be openldap or active-directory, not '" + settings.get("flavor") + "'");
                return Flavor.OPENLDAP;
            });
            List<LDAPURL> urls = urls();
            DN baseDn = dn("base-dn", settings.get("base-dn"));
            DN peopleBase = optionalDn("people-base", baseDn);
            DN groupsBase = optionalDn("groups-base", baseDn);
            DN newUserBase = optionalDn("new-user-base", peopleBase);
            if (!newUserBase.isDescendantOf(peopleBase, true)) {
                problems.add("'new-user-base' must be people-base or under it, or created people would not be"
                        + " listed");
            }
            DN emptyGroupMember = settings.find("empty-group-member")
                    .map(value -> dn("empty-group-member", value))
                    .orElseGet(() -> new DN(new RDN("cn", "empty-membership-placeholder"), baseDn));
            boolean startTls = attempt(() -> settings.getBoolean("start-tls"), false);
            if (startTls && urls.stream().anyMatch(url -> url.getScheme().equals("ldaps"))) {
                problems.add("'start-tls' cannot be used with ldaps:// urls, which are encrypted already");
            }
            int pageSize = positive("page-size");
            int poolSize = positive("pool-size");
            AttributeNames defaults = flavor.attributes;
            return new LdapSettings(
                    urls,
                    settings.get("bind-dn"),
                    settings.get("password"),
                    baseDn,
                    peopleBase,
                    groupsBase,
                    newUserBase,
                    emptyGroupMember,
                    flavor,
                    filter("people-filter", flavor.peopleFilter),
                    filter("groups-filter", flavor.groupsFilter),
                    new AttributeNames(
                            attribute("email-attribute", defaults.email()),
                            attribute("display-name-attribute", defaults.displayName()),
                            attribute("department-attribute", defaults.department()),
                            attribute("title-attribute", defaults.title()),
                            attribute("manager-attribute", defaults.manager()),
                            attribute("employee-type-attribute", defaults.employeeType()),
                            attribute("group-name-attribute", defaults.groupName()),
                            attribute("last-login-attribute", defaults.lastLogin())),
                    pageSize,
                    poolSize,
                    duration("connect-timeout"),
                    duration("response-timeout"),
                    startTls,
                    trustStore());
        }

        private List<LDAPURL> urls() {
            var urls = new ArrayList<LDAPURL>();
            for (String text : settings.get("url").split("\\s+")) {
                try {
                    urls.add(new LDAPURL(text));
                } catch (LDAPException e) {
                    problems.add("'url' must be ldap://host[:port] or ldaps://host[:port], not '" + text + "'");
                }
            }
            return urls;
        }

        private DN dn(String name, String value) {
            try {
                DN dn = new DN(value);
                if (dn.isNullDN()) {
                    problems.add("'" + name + "' must not be empty");
                }
                return dn;
            } catch (LDAPException e) {
                problems.add("'" + name + "' is not a DN: '" + value + "'");
                return DN.NULL_DN;
            }
        }

        private DN optionalDn(String name, DN fallback) {
            return settings.find(name).map(value -> dn(name, value)).orElse(fallback);
        }

        private Filter filter(String name, String flavorDefault) {
            String value = settings.find(name).orElse(flavorDefault);
            try {
                return Filter.create(value);
            } catch (LDAPException e) {
                problems.add("'" + name + "' is not an LDAP filter: '" + value + "'");
                return Filter.createPresenceFilter("objectClass");
            }
        }

        private String attribute(String name, String flavorDefault) {
            String value = settings.find(name).orElse(flavorDefault);
            if (!value.matches("[A-Za-z][A-Za-z0-9-]*")) {
                problems.add("'" + name + "' must be an attribute name, not '" + value + "'");
            }
            return value;
        }

        private int positive(String name) {
            int value = attempt(() -> settings.getInt(name), 1);
            if (value < 1) {
                problems.add("'" + name + "' must be at least 1, not " + value);
            }
            return value;
        }

        private Duration duration(String name) {
            Duration value = attempt(() -> settings.getDuration(name), Duration.ofSeconds(1));
            if (value.isNegative() || value.isZero()) {
                problems.add("'" + name + "' must be longer than zero");
            }
            return value;
        }

        private @Nullable KeyStore trustStore() {
            String path = settings.find("trust-store").orElse(null);
            if (path == null) {
                return null;
            }
            char[] password = settings.find("trust-store-password").map(String::toCharArray).orElse(null);
            try {
                return KeyStore.getInstance(new File(path), password);
            } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
                problems.add("'trust-store' " + path + " cannot be read as a JKS or PKCS#12 trust store with the"
                        + " given trust-store-password: " + e.getMessage());
                return null;
            }
        }

        private <T> T attempt(Supplier<T> read, T fallback) {
            try {
                return read.get();
            } catch (InvalidSettingsException e) {
                problems.addAll(e.problems());
                return fallback;
            }
        }
    }
}
