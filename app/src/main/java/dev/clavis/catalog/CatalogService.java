package dev.clavis.catalog;

import java.time.Instant;
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
     * Applies a whole catalog only if version {@code basedOn} is still the one in force: what a person
     * previewed against one version is not silently applied over another person's newer change.
     *
     * @throws dev.clavis.platform.ConflictException naming the version in force when it is not {@code basedOn};
     *     nothing is applied
     * @throws dev.clavis.platform.InvalidInputException naming every bad field; nothing is applied
     */
    ApplyResult applyOnto(long basedOn, String yaml, String appliedBy);

    /** Who applied a version and when; empty for the empty catalog (version 0) and versions never applied. */
    Optional<AppliedVersion> applied(long version);

    record AppliedVersion(long version, String appliedBy, Instant appliedAt) {}

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
