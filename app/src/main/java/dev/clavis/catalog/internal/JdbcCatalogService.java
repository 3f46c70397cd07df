package dev.clavis.catalog.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.CatalogApplied;
import dev.clavis.catalog.CatalogChange;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.directory.Directory;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.InvalidInputException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps every applied catalog as a row and the one in force parsed in memory. Another instance's
 * apply is noticed by comparing the newest version number, which is one indexed read.
 */
@Service
class JdbcCatalogService implements CatalogService {

    private final JdbcClient jdbc;
    private final Directory directory;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private volatile Catalog current = Catalog.empty();

    JdbcCatalogService(JdbcClient jdbc, Directory directory, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public Catalog current() {
        long newest = newestVersion();
        Catalog cached = current;
        if (cached.version() == newest) {
            return cached;
        }
        String yaml = source(newest).orElseThrow();
        var parsed = CatalogParser.parse(yaml);
        if (!parsed.errors().isEmpty()) {
            throw new IllegalStateException("stored catalog version " + newest + " no longer parses: " + parsed.errors());
        }
        Catalog loaded = new Catalog(newest, parsed.apps());
        current = loaded;
        return loaded;
    }

    @Override
    public Optional<Catalog> version(long version) {
        if (version == current().version()) {
            return Optional.of(current());
        }
        return source(version).map(yaml -> new Catalog(version, CatalogParser.parse(yaml).apps()));
    }

    @Override
    public Optional<String> source(long version) {
        return jdbc.sql("select content from catalog_version where version = :version")
                .param("version", version).query(String.class).optional();
    }

    @Override
    public Optional<AppliedVersion> applied(long version) {
        return jdbc.sql("select version, applied_by, applied_at from catalog_version where version = :version")
                .param("version", version)
                .query((rs, n) -> new AppliedVersion(rs.getLong("version"), rs.getString("applied_by"),
                        rs.getObject("applied_at", OffsetDateTime.class).toInstant()))
                .optional();
    }

    @Override
    @Transactional
    public ApplyResult apply(String yaml, boolean dryRun, String appliedBy) {
        return apply(yaml, dryRun, appliedBy, null);
    }

    @Override
    @Transactional
    public ApplyResult applyOnto(long basedOn, String yaml, String appliedBy) {
        return apply(yaml, false, appliedBy, basedOn);
    }

    private ApplyResult apply(String yaml, boolean dryRun, String appliedBy, @Nullable Long basedOn) {
        var parsed = CatalogParser.parse(yaml);
        if (!parsed.errors().isEmpty()) {
            var first = parsed.errors().get(0);
            String more = parsed.errors().size() > 1 ? " (and " + (parsed.errors().size() - 1) + " more problems)" : "";
            throw new InvalidInputException("The catalog was not applied: " + first.field() + " " + first.message() + more,
                    parsed.errors());
        }
        if (basedOn != null) {
            lockVersions();
            long inForce = newestVersion();
            if (inForce != basedOn) {
                String by = applied(inForce).map(v -> " (applied by " + v.appliedBy() + ")").orElse("");
                throw new ConflictException("The catalog changed meanwhile: version " + inForce + by
                        + " is in force, not version " + basedOn + ". Nothing was applied; preview your change against version "
                        + inForce + " and apply again.");
            }
        }
        Catalog before = current();
        List<CatalogChange> changes = CatalogDiff.between(before.apps(), parsed.apps());
        var missing = missingGroups(parsed.apps());
        var managedElsewhere = groupsManagedElsewhere(parsed.apps());
        var warnings = warnings(parsed.apps(), missing, managedElsewhere);
        if (dryRun || changes.isEmpty()) {
            return new ApplyResult(dryRun, false, before.version(), changes, warnings, missing, managedElsewhere);
        }
        lockVersions();
        long version = newestVersion() + 1;
        String sha = sha256(yaml);
        try {
            jdbc.sql("""
                        insert into catalog_version (version, content, sha256, applied_at, applied_by)
                        values (:version, :content, :sha, :now, :by)""")
                .param("version", version)
                .param("content", yaml)
                .param("sha", sha)
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", appliedBy)
                .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("Another catalog was applied at the same moment; review the catalog in force and apply again");
        }
        events.publishEvent(new CatalogApplied(version, sha, appliedBy, changes));
        return new ApplyResult(false, true, version, changes, warnings, missing, managedElsewhere);
    }

    /** Per role, the groups the directory lacks. */
    Map<String, List<String>> missingGroups(List<App> apps) {
        Set<String> wanted = apps.stream().flatMap(a -> a.roles().stream()).flatMap(r -> r.groups().stream())
                .collect(Collectors.toSet());
        Set<String> existing = directory.existingGroupNames(wanted);
        var missing = new LinkedHashMap<String, List<String>>();
        for (App app : apps) {
            for (Role role : app.roles()) {
                List<String> absent = role.groups().stream().filter(g -> !existing.contains(g)).toList();
                if (!absent.isEmpty()) {
                    missing.put(role.ref().toString(), absent);
                }
            }
        }
        return missing;
    }

    /** Per role, its groups whose members another system masters, with the directory's reason. */
    Map<String, Map<String, String>> groupsManagedElsewhere(List<App> apps) {
        Map<String, String> managed = directory.groupsManagedElsewhere(apps.stream().flatMap(a -> a.roles().stream())
                .flatMap(r -> r.groups().stream()).collect(Collectors.toSet()));
        var byRole = new LinkedHashMap<String, Map<String, String>>();
        for (App app : apps) {
            for (Role role : app.roles()) {
                var groups = new LinkedHashMap<String, String>();
                role.groups().stream().filter(managed::containsKey).forEach(g -> groups.put(g, managed.get(g)));
                if (!groups.isEmpty()) {
                    byRole.put(role.ref().toString(), groups);
                }
            }
        }
        return byRole;
    }

    private List<String> warnings(List<App> apps, Map<String, List<String>> missing,
            Map<String, Map<String, String>> managedElsewhere) {
        var warnings = new ArrayList<String>();
        missing.forEach((role, groups) -> warnings.add(role + " is not automatable: the directory has no group "
                + String.join(", ", groups)));
        managedElsewhere.forEach((role, groups) -> groups.forEach((group, reason) -> warnings.add(role
                + " is not automatable: Clavis cannot change the members of group " + group + ", " + reason)));
        for (App app : apps) {
            for (String owner : app.owners()) {
                if (directory.personByEmail(owner).isEmpty()) {
                    warnings.add(app.id() + ": owner " + owner + " is not a person in the directory");
                }
            }
            for (Role role : app.roles()) {
                if (role.approval() instanceof Approval.Stages stages) {
                    for (ApprovalStage stage : stages.stages()) {
                        warnApprover(role, stage.approvers(), warnings);
                    }
                }
            }
        }
        return warnings;
    }

    private void warnApprover(Role role, ApproverRule rule, List<String> warnings) {
        if (rule instanceof ApproverRule.User user && directory.personByEmail(user.email()).isEmpty()) {
            warnings.add(role.ref() + ": approver " + user.email() + " is not a person in the directory");
        }
        if (rule instanceof ApproverRule.Group group && directory.groupByName(group.name()).isEmpty()) {
            warnings.add(role.ref() + ": approver group " + group.name() + " is not a group in the directory");
        }
    }

    private long newestVersion() {
        return jdbc.sql("select coalesce(max(version), 0) from catalog_version").query(Long.class).single();
    }

    /**
     * Serialises concurrent applies: two admins applying at once get consecutive versions, each diffed
     * against the one before, instead of a primary-key clash.
     */
    private void lockVersions() {
        jdbc.sql("select version from catalog_version order by version desc fetch first 1 rows only for update")
                .query(Long.class).optional();
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
