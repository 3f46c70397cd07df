package dev.clavis.bench;

import dev.clavis.embedded.DirectoryLayout;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;

/**
 * The bench's apps, appended to the catalog in force. Every role maps to a group of its own, made by
 * {@link BenchDirectory}, so each measurement sees only its own memberships. The throughput run's
 * requests go to one auto-approved role, or are spread over several, one group each: the embedded
 * directory's cost of a modify grows with the group's size, and spreading tells Clavis's own ceiling apart
 * from that.
 *
 * <p>The expiring role offers every whole second from {@link #SHORTEST} to {@link #LONGEST}: a request
 * made at any moment of the creation run can then ask for exactly the time left until one common minute,
 * which is how 10,000 grants made over several minutes come to expire within the same one.
 */
final class BenchCatalog {

    static final String APP = "bench";
    static final String EXPIRY_APP = "bench-expiry";
    private static final String WARMUP = "warmup";
    static final String APPROVED = "approved";
    static final String EXPIRING = "short";
    static final Duration SHORTEST = Duration.ofSeconds(10);
    static final Duration LONGEST = Duration.ofMinutes(40);

    private BenchCatalog() {
    }

    static String group(String role) {
        return "bench-" + role;
    }

    /** The throughput run's role for a bench person: the people take turns over the roles. */
    static String instant(int person, int roles) {
        return "instant-" + person % roles;
    }

    /**
     * The warm-up's role for a bench person: as many roles and groups as the throughput run's, so the warm-up
     * runs the same code with groups of the same sizes (one group would grow to thousands of members, and the
     * embedded directory copies a group's entry on each modify).
     */
    static String warmup(int person, int roles) {
        return WARMUP + "-" + person % roles;
    }

    /** The expiring role of a bench person: one role, or several taking turns, one group each. */
    static String expiring(int person, int roles) {
        return roles == 1 ? EXPIRING : EXPIRING + "-" + person % roles;
    }

    /** Each role's group, in the directory under ou=groups. */
    static List<String> groups(int instantRoles, int expiringRoles) {
        var groups = new ArrayList<>(List.of(group(APPROVED)));
        IntStream.range(0, instantRoles).mapToObj(k -> group(warmup(k, instantRoles))).forEach(groups::add);
        IntStream.range(0, instantRoles).mapToObj(k -> group(instant(k, instantRoles))).forEach(groups::add);
        IntStream.range(0, expiringRoles).mapToObj(k -> group(expiring(k, expiringRoles))).forEach(groups::add);
        return groups;
    }

    /** The catalog in force (its YAML, as {@code GET /api/v1/catalog} answers it) with the bench apps added. */
    static String withBenchApps(String current, int instantRoles, int expiringRoles) {
        String apps = current.strip().endsWith("apps: []") ? current.strip().replace("apps: []", "apps:") : current.strip();
        String durations = LongStream.rangeClosed(SHORTEST.toSeconds(), LONGEST.toSeconds())
                .mapToObj(seconds -> "PT" + seconds + "S")
                .collect(Collectors.joining(", "));
        var yaml = new StringBuilder(apps).append('\n');
        app(yaml, APP, "Request benchmark");
        IntStream.range(0, instantRoles).forEach(k -> role(yaml, warmup(k, instantRoles), "permanent", "auto"));
        IntStream.range(0, instantRoles).forEach(k -> role(yaml, instant(k, instantRoles), "permanent", "auto"));
        role(yaml, APPROVED, "permanent", "\n          - approvers: manager");
        app(yaml, EXPIRY_APP, "Request benchmark, expiring grants");
        IntStream.range(0, expiringRoles).forEach(k -> role(yaml, expiring(k, expiringRoles), durations, "auto"));
        return yaml.toString();
    }

    private static void app(StringBuilder yaml, String id, String name) {
        yaml.append("""
                  - id: %s
                    name: %s
                    owners: [%s]
                    roles:
                """.formatted(id, name, DirectoryLayout.email(BenchDirectory.OWNER)));
    }

    private static void role(StringBuilder yaml, String id, String durations, String approval) {
        yaml.append("""
                      - id: %s
                        groups: [%s]
                        risk: low
                        durations: [%s]
                        approval: %s
                """.formatted(id, group(id), durations, approval));
    }
}
