package dev.clavis.catalog.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.catalog.PolicyCondition;
import dev.clavis.catalog.Risk;
import dev.clavis.catalog.Role;
import dev.clavis.catalog.RoleRef;
import dev.clavis.platform.InvalidInputException.FieldError;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.YAMLException;

/**
 * Reads catalog YAML into apps and roles, collecting every problem rather than stopping at the first,
 * each named by where it is ({@code apps[github].roles[admin].risk}). Unknown keys are errors: a
 * misspelt {@code aproval} must not silently mean "no approval".
 */
final class CatalogParser {

    private static final Pattern ID = Pattern.compile("[a-z0-9-]+");
    private static final Set<String> TOP_KEYS = Set.of("apps");
    private static final Set<String> APP_KEYS = Set.of("id", "name", "description", "owners", "roles");
    private static final Set<String> ROLE_KEYS = Set.of("id", "name", "description", "groups", "risk", "durations",
            "approval", "autoApprove", "conflictsWith", "exclusive");
    private static final Set<String> STAGE_KEYS = Set.of("approvers", "require", "timeout");
    private static final int MAX_BYTES = 4 * 1024 * 1024;

    private final List<FieldError> errors = new ArrayList<>();

    record Result(List<App> apps, List<FieldError> errors) {}

    static Result parse(String yaml) {
        return new CatalogParser().read(yaml);
    }

    private Result read(String yaml) {
        if (yaml.length() > MAX_BYTES) {
            return new Result(List.of(), List.of(new FieldError("catalog", "is larger than 4 MiB")));
        }
        Object document;
        try {
            var options = new LoaderOptions();
            options.setAllowDuplicateKeys(false);
            options.setMaxAliasesForCollections(50);
            document = new Yaml(new SafeConstructor(options)).load(yaml);
        } catch (YAMLException e) {
            return new Result(List.of(), List.of(new FieldError("catalog", "is not valid YAML: " + e.getMessage())));
        }
        Map<?, ?> top = map("catalog", document);
        if (top == null) {
            return new Result(List.of(), errors);
        }
        unknownKeys("catalog", top, TOP_KEYS);
        List<?> appList = list("apps", top.get("apps"), true);
        var apps = new ArrayList<App>();
        var appIds = new HashSet<String>();
        if (appList != null) {
            for (int i = 0; i < appList.size(); i++) {
                App app = app(i, appList.get(i));
                if (app != null && !appIds.add(app.id())) {
                    error("apps[" + app.id() + "].id", "appears twice; app ids are unique");
                } else if (app != null) {
                    apps.add(app);
                }
            }
        }
        checkConflicts(apps);
        return new Result(apps, List.copyOf(errors));
    }

    private @Nullable App app(int index, Object node) {
        String at = "apps[" + index + "]";
        Map<?, ?> fields = map(at, node);
        if (fields == null) {
            return null;
        }
        String id = id(at + ".id", fields.get("id"));
        if (id != null) {
            at = "apps[" + id + "]";
        }
        unknownKeys(at, fields, APP_KEYS);
        String name = text(at + ".name", fields.get("name"), true);
        String description = text(at + ".description", fields.get("description"), false);
        var owners = new ArrayList<String>();
        List<?> ownerList = list(at + ".owners", fields.get("owners"), true);
        if (ownerList != null) {
            for (Object owner : ownerList) {
                String email = text(at + ".owners", owner, true);
                if (email != null && !email.contains("@")) {
                    error(at + ".owners", "'" + email + "' is not an email address");
                } else if (email != null) {
                    owners.add(email.toLowerCase(Locale.ROOT));
                }
            }
            if (ownerList.isEmpty()) {
                error(at + ".owners", "needs at least one owner: owners approve app_owner stages");
            }
        }
        var roles = new ArrayList<Role>();
        var roleIds = new HashSet<String>();
        List<?> roleList = list(at + ".roles", fields.get("roles"), true);
        if (roleList != null) {
            if (roleList.isEmpty()) {
                error(at + ".roles", "needs at least one role");
            }
            for (int i = 0; i < roleList.size(); i++) {
                Role role = role(at, id == null ? "?" : id, i, roleList.get(i));
                if (role != null && !roleIds.add(role.id())) {
                    error(at + ".roles[" + role.id() + "].id", "appears twice in this app; role ids are unique per app");
                } else if (role != null) {
                    roles.add(role);
                }
            }
        }
        if (id == null || name == null) {
            return null;
        }
        return new App(id, name, description, owners, roles);
    }

    private @Nullable Role role(String appAt, String appId, int index, Object node) {
        String at = appAt + ".roles[" + index + "]";
        Map<?, ?> fields = map(at, node);
        if (fields == null) {
            return null;
        }
        String id = id(at + ".id", fields.get("id"));
        if (id != null) {
            at = appAt + ".roles[" + id + "]";
        }
        unknownKeys(at, fields, ROLE_KEYS);
        String name = text(at + ".name", fields.get("name"), false);
        String description = text(at + ".description", fields.get("description"), false);
        List<String> groups = groups(at + ".groups", fields.get("groups"));
        Risk risk = risk(at + ".risk", fields.get("risk"));
        List<AccessDuration> durations = durations(at + ".durations", fields.get("durations"));
        Approval approval = approval(at + ".approval", fields.get("approval"));
        PolicyCondition autoApprove = condition(at + ".autoApprove", fields.get("autoApprove"));
        List<RoleRef> conflicts = conflicts(at + ".conflictsWith", fields.get("conflictsWith"));
        boolean exclusive = bool(at + ".exclusive", fields.get("exclusive"));
        if (id == null || groups == null || risk == null || durations == null || approval == null) {
            return null;
        }
        return new Role(new RoleRef(appId, id), name, description, groups, risk, durations, approval, autoApprove,
                conflicts, exclusive);
    }

    private @Nullable List<String> groups(String at, @Nullable Object node) {
        List<?> values = list(at, node, true);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            error(at, "needs at least one directory group: granting the role adds the person to its groups");
            return null;
        }
        var groups = new ArrayList<String>();
        for (Object value : values) {
            String group = text(at, value, true);
            if (group != null) {
                groups.add(group);
            }
        }
        return groups.size() == values.size() ? groups : null;
    }

    private @Nullable Risk risk(String at, @Nullable Object node) {
        String value = text(at, node, true);
        if (value == null) {
            return null;
        }
        var risk = Risk.parse(value.toLowerCase(Locale.ROOT));
        if (risk.isEmpty()) {
            error(at, "must be low, medium, high or privileged, not '" + value + "'");
        }
        return risk.orElse(null);
    }

    private @Nullable List<AccessDuration> durations(String at, @Nullable Object node) {
        List<?> values = list(at, node, true);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            error(at, "needs at least one duration a requester may pick");
            return null;
        }
        var durations = new ArrayList<AccessDuration>();
        for (Object value : values) {
            String text = text(at, value, true);
            if (text == null) {
                continue;
            }
            AccessDuration.parse(text).ifPresentOrElse(durations::add, () -> error(at,
                    "'" + text + "' is neither 'permanent' nor a positive ISO-8601 duration such as PT6H or P7D"));
        }
        return durations.size() == values.size() ? durations : null;
    }

    private @Nullable Approval approval(String at, @Nullable Object node) {
        if (node == null) {
            error(at, "is required: 'auto' or a list of stages");
            return null;
        }
        if ("auto".equals(node)) {
            return new Approval.Auto();
        }
        if (!(node instanceof List<?> stages)) {
            error(at, "must be 'auto' or a list of stages, not '" + node + "'");
            return null;
        }
        if (stages.isEmpty()) {
            error(at, "lists no stage; write 'auto' for no approval");
            return null;
        }
        var result = new ArrayList<ApprovalStage>();
        for (int i = 0; i < stages.size(); i++) {
            ApprovalStage stage = stage(at + "[" + i + "]", stages.get(i));
            if (stage != null) {
                result.add(stage);
            }
        }
        return result.size() == stages.size() ? new Approval.Stages(result) : null;
    }

    private @Nullable ApprovalStage stage(String at, Object node) {
        Map<?, ?> fields = map(at, node);
        if (fields == null) {
            return null;
        }
        unknownKeys(at, fields, STAGE_KEYS);
        String approvers = text(at + ".approvers", fields.get("approvers"), true);
        ApproverRule rule = null;
        if (approvers != null) {
            rule = ApproverRule.parse(approvers).orElse(null);
            if (rule == null) {
                error(at + ".approvers", "must be manager, app_owner, user:<email> or group:<directory group>, not '"
                        + approvers + "'");
            }
        }
        String require = text(at + ".require", fields.get("require"), false);
        ApprovalStage.Require mode = ApprovalStage.Require.ONE;
        if (require != null) {
            switch (require) {
                case "one" -> mode = ApprovalStage.Require.ONE;
                case "all" -> mode = ApprovalStage.Require.ALL;
                default -> error(at + ".require", "must be one or all, not '" + require + "'");
            }
        }
        Duration timeout = null;
        String timeoutText = text(at + ".timeout", fields.get("timeout"), false);
        if (timeoutText != null) {
            try {
                timeout = Duration.parse(timeoutText);
                if (timeout.isNegative() || timeout.isZero()) {
                    error(at + ".timeout", "must be a positive ISO-8601 duration such as P2D");
                }
            } catch (DateTimeParseException e) {
                error(at + ".timeout", "'" + timeoutText + "' is not an ISO-8601 duration such as P2D");
            }
        }
        return rule == null ? null : new ApprovalStage(rule, mode, timeout);
    }

    private @Nullable PolicyCondition condition(String at, @Nullable Object node) {
        String source = text(at, node, false);
        if (source == null) {
            return null;
        }
        var compiled = PolicyCondition.compile(source);
        if (compiled.error() != null) {
            error(at, "is not a valid CEL condition: " + compiled.error());
        }
        return compiled.condition().orElse(null);
    }

    private List<RoleRef> conflicts(String at, @Nullable Object node) {
        List<?> values = list(at, node, false);
        var refs = new ArrayList<RoleRef>();
        if (values != null) {
            for (Object value : values) {
                String text = text(at, value, true);
                if (text == null) {
                    continue;
                }
                RoleRef.parse(text).ifPresentOrElse(refs::add,
                        () -> error(at, "'" + text + "' is not an app/role pair such as payments/admin"));
            }
        }
        return refs;
    }

    private void checkConflicts(List<App> apps) {
        for (App app : apps) {
            for (Role role : app.roles()) {
                for (RoleRef conflict : role.conflictsWith()) {
                    boolean exists = apps.stream().anyMatch(a -> a.id().equals(conflict.appId())
                            && a.role(conflict.roleId()).isPresent());
                    if (!exists) {
                        error("apps[" + app.id() + "].roles[" + role.id() + "].conflictsWith",
                                "'" + conflict + "' is not a role in this catalog");
                    } else if (conflict.equals(role.ref())) {
                        error("apps[" + app.id() + "].roles[" + role.id() + "].conflictsWith",
                                "a role cannot conflict with itself");
                    }
                }
            }
        }
    }

    private boolean bool(String at, @Nullable Object node) {
        if (node == null) {
            return false;
        }
        if (node instanceof Boolean value) {
            return value;
        }
        error(at, "must be true or false, not '" + node + "'");
        return false;
    }

    private @Nullable String id(String at, @Nullable Object node) {
        String value = text(at, node, true);
        if (value != null && !ID.matcher(value).matches()) {
            error(at, "'" + value + "' may hold only lower-case letters, digits and '-'");
            return null;
        }
        return value;
    }

    private @Nullable String text(String at, @Nullable Object node, boolean required) {
        if (node == null) {
            if (required) {
                error(at, "is required");
            }
            return null;
        }
        if (node instanceof String || node instanceof Number || node instanceof Boolean) {
            String value = node.toString().strip();
            if (value.isEmpty() && required) {
                error(at, "is required");
                return null;
            }
            return value.isEmpty() ? null : value;
        }
        error(at, "must be a single value, not a list or a map");
        return null;
    }

    private @Nullable List<?> list(String at, @Nullable Object node, boolean required) {
        if (node == null) {
            if (required) {
                error(at, "is required");
            }
            return null;
        }
        if (node instanceof List<?> values) {
            return values;
        }
        error(at, "must be a list");
        return null;
    }

    private @Nullable Map<?, ?> map(String at, @Nullable Object node) {
        if (node instanceof Map<?, ?> fields) {
            return fields;
        }
        error(at, node == null ? "is empty" : "must be a map of keys to values");
        return null;
    }

    private void unknownKeys(String at, Map<?, ?> fields, Set<String> known) {
        for (Object key : fields.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                error(at + "." + key, "is not a catalog key here; known keys: " + String.join(", ", known.stream().sorted().toList()));
            }
        }
    }

    private void error(String at, String message) {
        errors.add(new FieldError(at, message));
    }
}
