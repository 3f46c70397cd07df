package dev.clavis.bench;

import dev.clavis.embedded.DirectoryLayout;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

/**
 * The bench's apps, appended to the catalog in force. Every role maps to a group of its own, made by
 * {@link BenchDirectory}, so each measurement sees only its own memberships.
 *
 * <p>The expiring role offers every whole second from {@link #SHORTEST} to {@link #LONGEST}: a request
 * made at any moment of the creation run can then ask for exactly the time left until one common minute,
 * which is how 10,000 grants made over several minutes come to expire within the same one.
 */
final class BenchCatalog {

    static final String APP = "bench";
    static final String EXPIRY_APP = "bench-expiry";
    static final String WARMUP = "warmup";
    static final String INSTANT = "instant";
    static final String APPROVED = "approved";
    static final String EXPIRING = "short";
    static final Duration SHORTEST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofMinutes(40);

    /** Each role's group, in the directory under ou=groups. */
    static final List<String> GROUPS = List.of(group(WARMUP), group(INSTANT), group(APPROVED), group(EXPIRING));

    private BenchCatalog() {
    }

    static String group(String role) {
        return "bench-" + role;
    }

    /** The catalog in force (its YAML, as {@code GET /api/v1/catalog} answers it) with the bench apps added. */
    static String withBenchApps(String current) {
        String apps = current.strip().endsWith("apps: []") ? current.strip().replace("apps: []", "apps:") : current.strip();
        String owner = DirectoryLayout.email(BenchDirectory.OWNER);
        String durations = LongStream.rangeClosed(SHORTEST.toSeconds(), LONGEST.toSeconds())
                .mapToObj(seconds -> "PT" + seconds + "S")
                .collect(Collectors.joining(", "));
        return apps + "\n" + """
                  - id: %1$s
                    name: Request benchmark
                    owners: [%2$s]
                    roles:
                      - id: %3$s
                        groups: [%4$s]
                        risk: low
                        durations: [permanent]
                        approval: auto
                      - id: %5$s
                        groups: [%6$s]
                        risk: low
                        durations: [permanent]
                        approval: auto
                      - id: %7$s
                        groups: [%8$s]
                        risk: low
                        durations: [permanent]
                        approval:
                          - approvers: manager
                  - id: %9$s
                    name: Request benchmark, expiring grants
                    owners: [%2$s]
                    roles:
                      - id: %10$s
                        groups: [%11$s]
                        risk: low
                        durations: [%12$s]
                        approval: auto
                """.formatted(APP, owner, WARMUP, group(WARMUP), INSTANT, group(INSTANT), APPROVED, group(APPROVED),
                EXPIRY_APP, EXPIRING, group(EXPIRING), durations);
    }
}
