package dev.clavis.catalog;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The catalog in force, and applying a new one. */
public interface CatalogService {

    Catalog current();

    default Optional<Role> role(String appId, String roleId) {
        return current().role(appId, roleId);
    }

    /** The YAML of a version, as it was applied. */
    Optional<String> source(long version);

    /** A version as it was applied, parsed: what a request decided under that version was decided by. */
    Optional<Catalog> version(long version);

    /**
     * Checks a whole catalog and, unless {@code dryRun}, makes it the catalog in force.
     *
     * @throws dev.clavis.platform.InvalidInputException naming every bad field; nothing is applied
     */
    ApplyResult apply(String yaml, boolean dryRun, String appliedBy);

    /**
     * @param version the version in force after the call (unchanged for a dry run or no change)
     * @param warnings what is valid but will not work as written, e.g. a group the directory lacks
     * @param missingGroups per role ({@code app/role}), the groups the directory lacks: such a role is not automatable
     * @param groupsManagedElsewhere per role, its groups whose members another system masters (group → the
     *     directory's reason): such a role is not automatable either
     */
    record ApplyResult(
            boolean dryRun,
            boolean applied,
            long version,
            List<CatalogChange> changes,
            List<String> warnings,
            Map<String, List<String>> missingGroups,
            Map<String, Map<String, String>> groupsManagedElsewhere) {}
}
