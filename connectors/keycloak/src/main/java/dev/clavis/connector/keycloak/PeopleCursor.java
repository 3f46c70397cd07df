package dev.clavis.connector.keycloak;

import dev.clavis.connector.spi.DirectoryPerson;
import dev.clavis.connector.spi.PageStream;
import dev.clavis.connector.spi.PersonStatus;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * The realm's people, a page per call of {@code /users}. A person's manager is held as the manager's
 * email in the {@code manager} attribute and reported as the manager's id, looked up once per email
 * per read. Where the realm saves LOGIN events and {@code read-last-login} is on, each person's latest
 * one is their last sign-in.
 */
final class PeopleCursor implements PageStream.Cursor<DirectoryPerson> {

    private final AdminApi api;
    private final KeycloakSettings settings;
    private final LoginEvents logins;
    private final Map<String, Optional<String>> managerIds = new HashMap<>();
    private @Nullable Boolean loginsReadable;
    private int first;
    private boolean finished;

    PeopleCursor(AdminApi api, KeycloakSettings settings, LoginEvents logins) {
        this.api = api;
        this.settings = settings;
        this.logins = logins;
    }

    @Override
    public @Nullable List<DirectoryPerson> next() {
        if (finished) {
            return null;
        }
        List<Representations.User> users = api.list(
                "/users" + Paths.query("first", first, "max", settings.pageSize(), "briefRepresentation", false),
                Representations.USERS, Role.VIEW_USERS, "list people");
        first += settings.pageSize();
        finished = users.size() < settings.pageSize();
        if (users.isEmpty()) {
            return null;
        }
        return users.stream().map(this::person).toList();
    }

    private DirectoryPerson person(Representations.User user) {
        String managerEmail = user.attribute(Attributes.MANAGER);
        return new DirectoryPerson(
                user.id(),
                user.email() == null ? "" : user.email(),
                displayName(user),
                user.attribute(Attributes.DEPARTMENT),
                user.attribute(Attributes.TITLE),
                managerEmail == null ? null : managerId(managerEmail),
                user.attribute(Attributes.EMPLOYEE_TYPE),
                user.enabled() ? PersonStatus.ACTIVE : PersonStatus.SUSPENDED,
                lastLogin(user.id()));
    }

    private @Nullable String managerId(String email) {
        return managerIds.computeIfAbsent(email.toLowerCase(Locale.ROOT), key -> Users.byEmail(api, key)
                .map(Representations.User::id)).orElse(null);
    }

    private @Nullable Instant lastLogin(String id) {
        if (!settings.readLastLogin()) {
            return null;
        }
        if (loginsReadable == null) {
            loginsReadable = logins.whyUnavailable().isEmpty();
        }
        return loginsReadable ? logins.latest(id).orElse(null) : null;
    }

    static String displayName(Representations.User user) {
        String name = String.join(" ", nonBlank(user.firstName()), nonBlank(user.lastName())).strip();
        if (!name.isEmpty()) {
            return name;
        }
        return user.username() != null ? user.username() : user.id();
    }

    private static String nonBlank(@Nullable String value) {
        return value == null ? "" : value.strip();
    }
}
