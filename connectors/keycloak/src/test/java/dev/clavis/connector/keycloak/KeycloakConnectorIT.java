package dev.clavis.connector.keycloak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.connector.keycloak.testserver.KeycloakRealm;
import dev.clavis.connector.keycloak.testserver.KeycloakServer;
import dev.clavis.connector.spi.ConnectorSettings;
import dev.clavis.connector.spi.DirectoryConnector;
import dev.clavis.connector.spi.DirectoryConnectorFactory;
import dev.clavis.connector.spi.DirectoryConnectors;
import dev.clavis.connector.spi.DirectoryGroup;
import dev.clavis.connector.spi.DirectoryMembership;
import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.MembershipChange;
import dev.clavis.connector.spi.MembershipProvisioning.AddOutcome;
import dev.clavis.connector.spi.MembershipProvisioning.RemoveOutcome;
import dev.clavis.connector.spi.NewUser;
import dev.clavis.connector.spi.PermanentConnectorException;
import dev.clavis.connector.spi.TransientConnectorException;
import dev.clavis.connector.testkit.DirectoryConnectorContract;
import dev.clavis.connector.testkit.TestDirectory;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The contract, and what only a real Keycloak shows, against Keycloak's own distribution started for
 * this test run. The connector is the service account of a confidential client holding exactly the
 * realm-management roles the README asks for; the test directory is the realm's administrator.
 */
class KeycloakConnectorIT extends DirectoryConnectorContract {

    static final List<String> ROLES = List.of("view-users", "manage-users", "view-events");
    private static final String PASSWORD = "person-password-1";

    private final List<DirectoryConnector> opened = new ArrayList<>();
    private KeycloakServer server;
    private KeycloakRealm realm;
    private String secret;
    private KeycloakConnector connector;
    private KeycloakTestDirectory directory;

    @BeforeAll
    void startKeycloak() {
        KeycloakServer.assumeItCanRun();
        server = KeycloakServer.start();
        realm = server.createRealm("acme-" + UUID.randomUUID().toString().substring(0, 8));
        secret = realm.createServiceClient("clavis", ROLES);
        connector = (KeycloakConnector) connector(realm.name(), "clavis", secret);
        directory = new KeycloakTestDirectory(realm);
    }

    @AfterAll
    void stopKeycloak() {
        opened.forEach(DirectoryConnector::close);
        if (server != null) {
            server.close();
        }
    }

    @Override
    protected DirectoryConnector connector() {
        return connector;
    }

    @Override
    protected TestDirectory directory() {
        return directory;
    }

    @Test
    void subgroupsAreListedByTheirPathWithTheirMembers() {
        String parent = realm.createGroup(uniqueName("dept"), null);
        String child = realm.createSubgroup(parent, "admins");
        String grandchild = realm.createSubgroup(child, "break-glass");
        String person = newPerson();
        realm.addMember(grandchild, person);
        String parentName = groupName(parent);

        assertThat(listedGroups()).contains(
                new DirectoryGroup(child, parentName + "/admins", null),
                new DirectoryGroup(grandchild, parentName + "/admins/break-glass", null));
        assertThat(listedMemberships()).contains(new DirectoryMembership(grandchild, person))
                .doesNotContain(new DirectoryMembership(parent, person), new DirectoryMembership(child, person));
    }

    @Test
    void membersOfASubgroupAreAddedAndRemovedIdempotently() {
        String parent = realm.createGroup(uniqueName("team"), null);
        String child = realm.createSubgroup(parent, "on-call");
        String sibling = realm.createSubgroup(parent, "on-call-backup");
        String person = newPerson();
        realm.addMember(sibling, person);
        var change = new MembershipChange(child, person);

        assertThat(connector.addMember(change)).isEqualTo(AddOutcome.ADDED);
        assertThat(connector.addMember(change)).isEqualTo(AddOutcome.ALREADY_MEMBER);
        assertThat(realm.members(child)).containsExactly(person);

        assertThat(connector.removeMember(change)).isEqualTo(RemoveOutcome.REMOVED);
        assertThat(connector.removeMember(change)).isEqualTo(RemoveOutcome.NOT_A_MEMBER);
        assertThat(realm.members(child)).isEmpty();
        assertThat(realm.members(sibling)).containsExactly(person);
    }

    @Test
    void aSuspendedPersonCanNoLongerSignIn() {
        String person = personWithPassword();
        String email = realm.email(person);
        assertThatCode(() -> realm.signIn(email, PASSWORD)).doesNotThrowAnyException();

        connector.suspendUser(person);

        assertThat(realm.isEnabled(person)).isFalse();
        assertThatThrownBy(() -> realm.signIn(email, PASSWORD)).hasMessageContaining("400");
    }

    @Test
    void signingInRecordsTheLastLoginWhichReadsOfPeopleCarry() {
        String person = personWithPassword();
        assertThat(connector.lastLogin(person)).isEmpty();
        Instant before = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        realm.signIn(realm.email(person), PASSWORD);

        assertThat(connector.lastLogin(person)).hasValueSatisfying(at -> assertThat(at).isAfterOrEqualTo(before));
        assertThat(listedPeople()).filteredOn(listed -> listed.id().equals(person)).singleElement()
                .satisfies(listed -> assertThat(listed.lastLoginAt()).isEqualTo(connector.lastLogin(person).orElseThrow()));
    }

    @Test
    void whereTheRealmSavesNoEventsVerifyWarnsAndTheLastLoginIsRefusedNotGuessed() {
        KeycloakRealm quiet = server.createRealm("quiet-" + UUID.randomUUID().toString().substring(0, 8));
        quiet.saveEvents(false);
        var quietConnector = (KeycloakConnector) connector(quiet.name(), "clavis", quiet.createServiceClient("clavis", ROLES));
        String person = quiet.createPerson("q@example.test", "Quinn", "Quiet", Map.of());

        List<String> warnings = warningsDuring(quietConnector::verify);

        assertThat(warnings).singleElement().asString().contains("last sign-in times are unknown", "Save events");
        assertThatThrownBy(() -> quietConnector.lastLogin(person))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("Save events");
        assertThat(listedPeople(quietConnector)).singleElement()
                .satisfies(listed -> assertThat(listed.lastLoginAt()).isNull());
    }

    @Test
    void whereTheUserProfileDoesNotDeclareTheAttributesVerifySaysKeycloakDropsThem() {
        KeycloakRealm bare = server.createRealm("bare-" + UUID.randomUUID().toString().substring(0, 8));
        bare.undeclareAttributes();
        var bareConnector = (KeycloakConnector) connector(bare.name(), "clavis", bare.createServiceClient("clavis", ROLES));

        List<String> warnings = warningsDuring(bareConnector::verify);

        assertThat(warnings).singleElement().asString()
                .contains("does not declare department, title, manager, employeeType", "User profile");
    }

    @Test
    void aServiceAccountWithoutManageUsersFailsVerificationNamingTheRole() {
        String clientId = uniqueName("reader");
        String readOnly = realm.createServiceClient(clientId, List.of("view-users"));

        assertThatThrownBy(() -> connector(realm.name(), clientId, readOnly).verify())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("manage-users")
                .hasMessageNotContaining("view-users,")
                .hasMessageNotContaining(readOnly);
    }

    @Test
    void aServiceAccountWithoutAdminRolesIsRefusedReadingPeopleWithTheRoleItNeeds() {
        String clientId = uniqueName("bare");
        String nothing = realm.createServiceClient(clientId, List.of());
        var bare = connector(realm.name(), clientId, nothing);

        assertThatThrownBy(() -> bare.people().forEach(page -> { }))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("view-users")
                .hasMessageNotContaining(nothing);
    }

    @Test
    void aWrongSecretIsPermanentAndNamesTheSettingsNotTheSecret() {
        String wrong = "not-the-secret-" + UUID.randomUUID();

        assertThatThrownBy(() -> connector(realm.name(), "clavis", wrong).verify())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("CLAVIS_KEYCLOAK_CLIENT_SECRET")
                .hasMessageNotContaining(wrong)
                .hasMessageNotContaining(secret);
    }

    @Test
    void anUnknownRealmIsPermanentAndNamed() {
        assertThatThrownBy(() -> connector("no-such-realm", "clavis", secret).verify())
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("no realm 'no-such-realm'");
    }

    @Test
    void aKeycloakThatDoesNotAnswerIsTransient() throws IOException {
        int closed;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        var unreachable = connector("http://127.0.0.1:" + closed, realm.name(), "clavis", secret);

        assertThatThrownBy(unreachable::verify)
                .isInstanceOf(TransientConnectorException.class)
                .hasMessageContaining("127.0.0.1:" + closed)
                .hasMessageNotContaining(secret);
    }

    /** Keycloak's default access token lives 300 s, so it is renewed 30 s before. */
    @Test
    void theTokenIsKeptUntilShortlyBeforeItExpiresThenFetchedAnew() {
        var settings = KeycloakSettings.from(ConnectorSettings.of("keycloak", KeycloakSettings.SCHEMA, Map.of(
                "base-url", server.baseUrl(), "realm", realm.name(), "client-id", "clavis", "client-secret", secret)));
        var clock = new MovableClock();
        try (var transport = new Transport(settings)) {
            var tokens = new AccessTokens(settings, transport, clock);
            String first = tokens.current();

            clock.move(Duration.ofSeconds(269));
            assertThat(tokens.current()).isEqualTo(first);

            clock.move(Duration.ofSeconds(2));
            String renewed = tokens.current();
            assertThat(renewed).isNotEqualTo(first);

            tokens.forget(renewed);
            assertThat(tokens.current()).isNotEqualTo(renewed);
        }
    }

    @Test
    void aRetriedCreateAnswersThePersonCreatedBefore() {
        var user = new NewUser(uniqueName("again") + "@example.test", "Re", "Try", null, null,
                null, null);

        String first = connector.createUser(user);

        assertThat(connector.createUser(user)).isEqualTo(first);
    }

    @Test
    void creatingAPersonWhoseEmailSomeoneElseHasIsRefused() {
        String email = uniqueName("taken") + "@example.test";
        String holder = realm.createPerson(uniqueName("holder"), email, "Hol", "Der", Map.of());
        var user = new NewUser(email, "Other", "Person", null, null, null, null);

        assertThatThrownBy(() -> connector.createUser(user))
                .isInstanceOf(PermanentConnectorException.class)
                .hasMessageContaining("another person");

        assertThat(listedPeople()).filteredOn(person -> person.email().equals(email))
                .extracting(DirectoryPerson::id).containsExactly(holder);
    }

    private static final class MovableClock extends Clock {

        private Instant now = Instant.now();

        void move(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private String personWithPassword() {
        String person = newPerson();
        realm.setPassword(person, PASSWORD);
        return person;
    }

    private String groupName(String id) {
        return listedGroups().stream().filter(group -> group.id().equals(id)).findFirst().orElseThrow().name();
    }

    private List<DirectoryGroup> listedGroups() {
        try (Stream<List<DirectoryGroup>> pages = connector.groups()) {
            return pages.flatMap(List::stream).toList();
        }
    }

    private List<DirectoryMembership> listedMemberships() {
        try (Stream<List<DirectoryMembership>> pages = connector.memberships()) {
            return pages.flatMap(List::stream).toList();
        }
    }

    private List<DirectoryPerson> listedPeople() {
        return listedPeople(connector);
    }

    private static List<DirectoryPerson> listedPeople(DirectoryConnector connector) {
        try (Stream<List<DirectoryPerson>> pages = connector.people()) {
            return pages.flatMap(List::stream).toList();
        }
    }

    private DirectoryConnector connector(String realmName, String clientId, String clientSecret) {
        return connector(server.baseUrl(), realmName, clientId, clientSecret);
    }

    /** Through ServiceLoader and the settings, as the platform creates it. */
    private DirectoryConnector connector(String baseUrl, String realmName, String clientId, String clientSecret) {
        DirectoryConnectorFactory factory = DirectoryConnectors.forType("keycloak").orElseThrow();
        Map<String, String> settings = new HashMap<>();
        settings.put("base-url", baseUrl);
        settings.put("realm", realmName);
        settings.put("client-id", clientId);
        settings.put("client-secret", clientSecret);
        settings.put("page-size", Integer.toString(KeycloakTestDirectory.PAGE_SIZE));
        DirectoryConnector created = factory.create(ConnectorSettings.of("keycloak", factory.configSchema(), settings));
        opened.add(created);
        return created;
    }

    private static List<String> warningsDuring(Runnable action) {
        Logger logger = Logger.getLogger(KeycloakConnector.class.getName());
        var warnings = new ArrayList<String>();
        var formatter = new SimpleFormatter();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                if (record.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()) {
                    warnings.add(formatter.formatMessage(record));
                }
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        logger.addHandler(handler);
        try {
            action.run();
        } finally {
            logger.removeHandler(handler);
        }
        return warnings;
    }
}
