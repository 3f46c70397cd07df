package dev.clavis.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/** The bundled demo catalog (in the app module) describes the demo organisation's directory exactly. */
class DemoCatalogTest {

    private static final Path CATALOG = Path.of("..", "app", "src", "main", "resources", "catalog", "demo-catalog.yaml");
    private static final Set<String> RISKS = Set.of("low", "medium", "high", "privileged");
    private static final Set<String> APP_KEYS = Set.of("id", "name", "owners", "roles");
    private static final Set<String> ROLE_KEYS =
            Set.of("id", "groups", "risk", "durations", "approval", "autoApprove", "conflictsWith");

    private static List<Map<String, Object>> apps;
    private final DemoOrganization acme = DemoOrganization.acme();

    @BeforeAll
    static void readCatalog() throws IOException {
        Map<String, Object> catalog = new Yaml().load(Files.readString(CATALOG));
        assertThat(catalog).containsOnlyKeys("apps");
        apps = list(catalog.get("apps"));
    }

    @Test
    void everyGroupTheCatalogNamesExistsInTheDemoDirectory() {
        var named = new ArrayList<String>();
        for (var app : apps) {
            for (var role : roles(app)) {
                named.addAll(strings(role.get("groups")));
                for (var stage : stages(role)) {
                    String approvers = (String) stage.get("approvers");
                    if (approvers.startsWith("group:")) {
                        named.add(approvers.substring("group:".length()));
                    }
                }
            }
        }
        assertThat(named).isNotEmpty().allSatisfy(group -> assertThat(acme.group(group)).as(group).isPresent());
    }

    @Test
    void everyOwnerAndNamedApproverIsADemoPerson() {
        for (var app : apps) {
            assertThat(strings(app.get("owners"))).as("owners of %s", app.get("id")).isNotEmpty()
                    .allSatisfy(email -> assertThat(acme.person(email)).as(email).isPresent());
            for (var role : roles(app)) {
                for (var stage : stages(role)) {
                    String approvers = (String) stage.get("approvers");
                    if (approvers.startsWith("user:")) {
                        assertThat(acme.person(approvers.substring("user:".length()))).as(approvers).isPresent();
                    }
                }
            }
        }
    }

    @Test
    void theCatalogMapsTheSameAppsRolesAndGroupsAsTheDemoOrganisation() {
        Map<String, Map<String, List<String>>> catalog = new LinkedHashMap<>();
        for (var app : apps) {
            catalog.put((String) app.get("id"), roles(app).stream().collect(Collectors.toMap(
                    role -> (String) role.get("id"), role -> strings(role.get("groups")), (a, b) -> a, LinkedHashMap::new)));
        }
        Map<String, Map<String, List<String>>> organisation = new LinkedHashMap<>();
        for (DemoApp app : acme.apps()) {
            organisation.put(app.id(), app.roles().stream().collect(Collectors.toMap(
                    DemoApp.Role::id, DemoApp.Role::groups, (a, b) -> a, LinkedHashMap::new)));
        }
        assertThat(catalog).isEqualTo(organisation);
        assertThat(apps).allSatisfy(app -> assertThat(strings(app.get("owners")))
                .isEqualTo(acme.apps().stream().filter(a -> a.id().equals(app.get("id"))).findFirst().orElseThrow().owners()));
    }

    @Test
    void everyEntryIsWellFormed() {
        assertThat(apps).hasSizeGreaterThanOrEqualTo(12);
        for (var app : apps) {
            assertThat(app.keySet()).as("keys of app %s", app.get("id")).isSubsetOf(APP_KEYS);
            assertThat((String) app.get("id")).matches("[a-z0-9-]+");
            assertThat((String) app.get("name")).isNotBlank();
            for (var role : roles(app)) {
                String where = app.get("id") + "/" + role.get("id");
                assertThat(role.keySet()).as("keys of %s", where).isSubsetOf(ROLE_KEYS);
                assertThat((String) role.get("id")).as(where).matches("[a-z0-9-]+");
                assertThat(RISKS).as("risk of %s", where).contains((String) role.get("risk"));
                assertThat(strings(role.get("durations"))).as("durations of %s", where).isNotEmpty()
                        .allSatisfy(d -> assertThat(d.equals("permanent") || !Duration.parse(d).isNegative()).isTrue());
                Object approval = role.get("approval");
                if (approval instanceof String text) {
                    assertThat(text).as("approval of %s", where).isEqualTo("auto");
                } else {
                    assertThat(stages(role)).as("stages of %s", where).isNotEmpty().allSatisfy(stage -> {
                        assertThat(stage.keySet()).isSubsetOf(Set.of("approvers", "require"));
                        assertThat((String) stage.get("approvers")).matches("manager|app_owner|user:.+@acme\\.test|group:[a-z0-9-]+");
                        assertThat(stage.getOrDefault("require", "one")).isIn("one", "all");
                    });
                }
            }
        }
    }

    @Test
    void conflictsNameRolesThatExistAndAreDeclaredOnBothSides() {
        Set<String> roles = apps.stream()
                .flatMap(app -> roles(app).stream().map(role -> app.get("id") + "/" + role.get("id")))
                .collect(Collectors.toSet());
        var pairs = new ArrayList<String>();
        for (var app : apps) {
            for (var role : roles(app)) {
                for (String other : strings(role.getOrDefault("conflictsWith", List.of()))) {
                    assertThat(roles).as("conflict of %s/%s", app.get("id"), role.get("id")).contains(other);
                    pairs.add(app.get("id") + "/" + role.get("id") + " x " + other);
                }
            }
        }
        assertThat(pairs).containsExactlyInAnyOrder("netsuite/admin x payments/admin", "payments/admin x netsuite/admin");
    }

    @Test
    void theCatalogShowsEveryShapeOfPolicy() {
        var approvals = new ArrayList<String>();
        var conditions = new ArrayList<String>();
        var risks = new ArrayList<String>();
        for (var app : apps) {
            for (var role : roles(app)) {
                risks.add((String) role.get("risk"));
                approvals.add(role.get("approval") instanceof String text ? text
                        : stages(role).stream().map(s -> (String) s.get("approvers")).collect(Collectors.joining(" then ")));
                if (role.containsKey("autoApprove")) {
                    conditions.add((String) role.get("autoApprove"));
                }
            }
        }
        assertThat(risks).contains("low", "medium", "high", "privileged");
        assertThat(approvals).contains("auto", "manager", "manager then app_owner", "app_owner")
                .anyMatch(a -> a.contains("group:")).anyMatch(a -> a.contains("user:"));
        assertThat(conditions).anyMatch(c -> c.contains("requester.")).anyMatch(c -> c.contains("beneficiary."))
                .anyMatch(c -> c.contains("duration")).anyMatch(c -> c.contains("role.risk"));
    }

    private static List<Map<String, Object>> roles(Map<String, Object> app) {
        return list(app.get("roles"));
    }

    private static List<Map<String, Object>> stages(Map<String, Object> role) {
        Object approval = role.get("approval");
        return approval instanceof String ? List.of() : list(approval);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object value) {
        return (List<Map<String, Object>>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return (List<String>) value;
    }
}
