package dev.clavis.bench;

import dev.clavis.embedded.DirectoryLayout;
import java.time.Instant;
import java.util.List;

/**
 * An API token per bench person and manager, made through {@code POST /api/v1/tokens} with the admin
 * token: each request is made by its own beneficiary, each decision by the beneficiary's manager.
 */
final class BenchTokens {

    private static final List<String> SCOPES = List.of("request", "approve");

    private final String[] people;
    private final String[] managers;

    private BenchTokens(String[] people, String[] managers) {
        this.people = people;
        this.managers = managers;
    }

    static BenchTokens issue(RequestApi api, int people, int managers, int concurrency, Instant deadline)
            throws InterruptedException {
        var personTokens = new String[people];
        var managerTokens = new String[managers];
        Concurrently.all(managers, concurrency, deadline,
                i -> managerTokens[i] = api.token(DirectoryLayout.email(BenchDirectory.managerUid(i)), SCOPES));
        Concurrently.all(people, concurrency, deadline,
                i -> personTokens[i] = api.token(DirectoryLayout.email(BenchDirectory.personUid(i)), SCOPES));
        return new BenchTokens(personTokens, managerTokens);
    }

    String person(int index) {
        return people[index];
    }

    /** The token of the person's manager, the one approver of the approval run's role. */
    String managerOf(int person) {
        return managers[person / RequestBenchOptions.TEAM_SIZE];
    }
}
