package dev.clavis.grant;

import java.util.List;
import java.util.UUID;

/**
 * What grants say against what the directory has, bounded for reading: the first rows of each kind
 * and how many there are in all.
 *
 * @param missing memberships active grants need that the directory lacks: drift reconciliation adds them again
 * @param unexplained memberships of groups the catalog maps that no grant in effect explains: removed when
 *     every role of the group is exclusive, otherwise only reported
 * @param missingCount how many there are, counted up to {@link #COUNT_LIMIT}; likewise {@code unexplainedCount}
 */
public record DriftReport(List<Missing> missing, long missingCount, List<Unexplained> unexplained, long unexplainedCount) {

    public static final int COUNT_LIMIT = 10_000;

    public DriftReport {
        missing = List.copyOf(missing);
        unexplained = List.copyOf(unexplained);
    }

    public record Missing(UUID grantId, UUID personId, String email, String group) {}

    /** @param roles the catalog roles ({@code app/role}) that map to the group */
    public record Unexplained(UUID personId, String email, String group, List<String> roles, boolean exclusive) {

        public Unexplained {
            roles = List.copyOf(roles);
        }
    }
}
