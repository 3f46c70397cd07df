package dev.clavis.catalog.internal;

import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import dev.clavis.platform.Callers;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Page;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class CatalogController {

    private static final String YAML = "application/yaml";

    private final JdbcCatalogService catalog;

    CatalogController(JdbcCatalogService catalog) {
        this.catalog = catalog;
    }

    record StageView(String approvers, String require, @Nullable Duration timeout) {}

    record RoleView(
            String id,
            @Nullable String name,
            @Nullable String description,
            List<String> groups,
            String risk,
            List<String> durations,
            Object approval,
            @Nullable String autoApprove,
            List<String> conflictsWith,
            boolean exclusive,
            boolean justificationRequired,
            boolean automatable,
            List<String> missingGroups,
            Map<String, String> groupsManagedElsewhere) {}

    record AppView(String id, String name, @Nullable String description, List<String> owners, List<RoleView> roles) {}

    /** The whole catalog is one page: it is configuration, tens of apps, not data. */
    @GetMapping("/api/v1/catalog/apps")
    Page<AppView> apps() {
        List<App> apps = catalog.current().apps();
        Map<String, List<String>> missing = catalog.missingGroups(apps);
        Map<String, Map<String, String>> managedElsewhere = catalog.groupsManagedElsewhere(apps);
        return new Page<>(apps.stream().map(app -> view(app, missing, managedElsewhere)).toList(), null);
    }

    @GetMapping("/api/v1/catalog/apps/{appId}")
    AppView app(@PathVariable String appId) {
        App app = catalog.current().app(appId)
                .orElseThrow(() -> new NotFoundException("The catalog has no app '" + appId + "'"));
        return view(app, catalog.missingGroups(List.of(app)), catalog.groupsManagedElsewhere(List.of(app)));
    }

    /** The catalog in force as YAML, to edit and apply again. */
    @GetMapping(path = "/api/v1/catalog", produces = YAML)
    String source() {
        long version = catalog.current().version();
        return catalog.source(version).orElse("apps: []\n");
    }

    @PutMapping(path = "/api/v1/catalog", consumes = {YAML, "application/x-yaml", "text/yaml", MediaType.TEXT_PLAIN_VALUE})
    CatalogService.ApplyResult apply(@RequestBody String yaml, @RequestParam(defaultValue = "true") boolean dryRun) {
        return catalog.apply(yaml, dryRun, Callers.current().name());
    }

    private static AppView view(App app, Map<String, List<String>> missing,
            Map<String, Map<String, String>> managedElsewhere) {
        return new AppView(app.id(), app.name(), app.description(), app.owners(), app.roles().stream()
                .map(role -> view(role, missing.getOrDefault(role.ref().toString(), List.of()),
                        managedElsewhere.getOrDefault(role.ref().toString(), Map.of())))
                .toList());
    }

    private static RoleView view(Role role, List<String> missingGroups, Map<String, String> managedElsewhere) {
        Object approval = role.approval() instanceof Approval.Stages stages
                ? stages.stages().stream().map(CatalogController::view).toList()
                : "auto";
        return new RoleView(role.id(), role.name(), role.description(), role.groups(), role.risk().value(),
                role.durations().stream().map(Object::toString).toList(), approval,
                role.autoApprove() == null ? null : role.autoApprove().source(),
                role.conflictsWith().stream().map(Object::toString).toList(), role.exclusive(),
                role.requiresJustification(), missingGroups.isEmpty() && managedElsewhere.isEmpty(), missingGroups,
                managedElsewhere);
    }

    private static StageView view(ApprovalStage stage) {
        return new StageView(stage.approvers().text(), stage.require().name().toLowerCase(Locale.ROOT), stage.timeout());
    }
}
