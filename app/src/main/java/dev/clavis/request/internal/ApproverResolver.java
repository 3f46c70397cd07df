package dev.clavis.request.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.directory.Directory;
import dev.clavis.directory.Person;
import dev.clavis.directory.PersonStatus;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Who approves a stage, decided when it opens. The requester and the beneficiary are never approvers;
 * people who left or are suspended neither. When the rule leaves no one, the stage falls to the app's
 * owners, then to the admins: escalation levels 1 and 2.
 */
@Component
class ApproverResolver {

    static final int APP_OWNERS = 1;
    static final int ADMINS = 2;

    private final Directory directory;
    private final RequestSettings settings;

    ApproverResolver(Directory directory, RequestSettings settings) {
        this.directory = directory;
        this.settings = settings;
    }

    record Approvers(int escalation, List<Person> persons, String description) {

        List<UUID> people() {
            return persons.stream().map(Person::id).toList();
        }
    }

    /**
     * The approvers at {@code fromLevel} or, where that leaves no one, the next level that has someone.
     * Takes the people rather than a stored request, so a preview resolves a stage exactly as opening it does.
     */
    Optional<Approvers> resolve(ApproverRule rule, App app, UUID requester, UUID beneficiary, int fromLevel) {
        for (int level = fromLevel; level <= ADMINS; level++) {
            List<Person> people = eligible(candidates(rule, app, beneficiary, level), requester, beneficiary);
            if (!people.isEmpty()) {
                return Optional.of(new Approvers(level, people, describe(rule, level)));
            }
        }
        return Optional.empty();
    }

    private Stream<Person> candidates(ApproverRule rule, App app, UUID beneficiary, int level) {
        if (level == APP_OWNERS) {
            return owners(app);
        }
        if (level >= ADMINS) {
            return directory.membersOf(settings.adminGroup()).stream();
        }
        if (rule instanceof ApproverRule.Manager) {
            return directory.person(beneficiary)
                    .flatMap(p -> p.managerId() == null ? Optional.empty() : directory.person(p.managerId()))
                    .stream();
        }
        if (rule instanceof ApproverRule.AppOwner) {
            return owners(app);
        }
        if (rule instanceof ApproverRule.User user) {
            return directory.personByEmail(user.email()).stream();
        }
        return directory.membersOf(((ApproverRule.Group) rule).name()).stream();
    }

    private Stream<Person> owners(App app) {
        return app.owners().stream().map(directory::personByEmail).flatMap(Optional::stream);
    }

    private static List<Person> eligible(Stream<Person> candidates, UUID requester, UUID beneficiary) {
        Map<UUID, Person> people = new LinkedHashMap<>();
        candidates.filter(p -> p.status() == PersonStatus.ACTIVE)
                .filter(p -> !p.id().equals(beneficiary) && !p.id().equals(requester))
                .forEach(p -> people.putIfAbsent(p.id(), p));
        return List.copyOf(people.values());
    }

    private String describe(ApproverRule rule, int level) {
        return switch (level) {
            case 0 -> rule.text();
            case APP_OWNERS -> "app owners (instead of " + rule.text() + ")";
            default -> "admins in " + settings.adminGroup() + " (instead of " + rule.text() + ")";
        };
    }
}
