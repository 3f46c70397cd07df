package dev.clavis.jira.internal;

import dev.clavis.catalog.RoleRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * What to do when an issue reaches a status: the post-function hook. Read from a YAML file beside the
 * catalog; a file with an unknown key or a malformed action stops the start, naming each problem.
 *
 * <pre>
 * rules:
 *   - name: starter gets GitHub
 *     when: {project: IT, requestType: New starter, status: Ready for IT}
 *     then:
 *       - grant: github/member        # to the issue's reporter, through the role's policy
 *         duration: permanent         # optional when the role allows one duration only
 *       - revoke: vpn/contractor      # the reporter's grant of the role, if any
 * </pre>
 */
record IssueRules(List<Rule> rules) {

    static final IssueRules NONE = new IssueRules(List.of());

    record Rule(String name, String project, @Nullable String requestType, String status, List<Action> actions) {

        boolean matches(String projectKey, String requestTypeId, String requestTypeName, String reachedStatus) {
            return project.equalsIgnoreCase(projectKey) && status.equalsIgnoreCase(reachedStatus)
                    && (requestType == null || requestType.equalsIgnoreCase(requestTypeId) || requestType.equalsIgnoreCase(requestTypeName));
        }
    }

    /** @param duration for a grant: ISO-8601 or {@code permanent}; null lets the role's only duration apply */
    record Action(boolean grant, RoleRef role, @Nullable String duration) {}

    List<Rule> matching(String projectKey, String requestTypeId, String requestTypeName, String status) {
        return rules.stream().filter(rule -> rule.matches(projectKey, requestTypeId, requestTypeName, status)).toList();
    }

    static IssueRules read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Jira rules " + file, e);
        }
    }

    static IssueRules parse(String yaml, String source) {
        var problems = new ArrayList<String>();
        var rules = new ArrayList<Rule>();
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        if (!(document instanceof Map<?, ?> root) || !(root.get("rules") instanceof List<?> list)) {
            throw new IllegalStateException("The Jira rules in " + source + " must be a map with a 'rules' list");
        }
        unknownKeys(root, Set.of("rules"), "", problems);
        for (int i = 0; i < list.size(); i++) {
            String where = "rules[" + i + "]";
            if (!(list.get(i) instanceof Map<?, ?> rule)) {
                problems.add(where + ": must be a map with name, when and then");
                continue;
            }
            unknownKeys(rule, Set.of("name", "when", "then"), where, problems);
            String name = text(rule.get("name"));
            Map<?, ?> when = rule.get("when") instanceof Map<?, ?> w ? w : Map.of();
            unknownKeys(when, Set.of("project", "requestType", "status"), where + ".when", problems);
            String project = text(when.get("project"));
            String status = text(when.get("status"));
            if (name == null || project == null || status == null) {
                problems.add(where + ": needs a name, when.project and when.status");
            }
            var actions = new ArrayList<Action>();
            if (!(rule.get("then") instanceof List<?> then) || then.isEmpty()) {
                problems.add(where + ".then: list at least one action (grant: app/role or revoke: app/role)");
            } else {
                for (int j = 0; j < then.size(); j++) {
                    action(then.get(j), where + ".then[" + j + "]", problems, actions);
                }
            }
            if (name != null && project != null && status != null) {
                rules.add(new Rule(name, project, text(when.get("requestType")), status, List.copyOf(actions)));
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The Jira rules in " + source + " are not valid:\n  " + String.join("\n  ", problems));
        }
        return new IssueRules(List.copyOf(rules));
    }

    private static void action(Object value, String where, List<String> problems, List<Action> actions) {
        if (!(value instanceof Map<?, ?> action)) {
            problems.add(where + ": must be 'grant: app/role' or 'revoke: app/role'");
            return;
        }
        unknownKeys(action, Set.of("grant", "revoke", "duration"), where, problems);
        String grant = text(action.get("grant"));
        String revoke = text(action.get("revoke"));
        if ((grant == null) == (revoke == null)) {
            problems.add(where + ": give exactly one of grant or revoke");
            return;
        }
        var role = RoleRef.parse(grant != null ? grant : revoke);
        if (role.isEmpty()) {
            problems.add(where + ": '" + (grant != null ? grant : revoke) + "' is not app/role");
            return;
        }
        if (revoke != null && action.containsKey("duration")) {
            problems.add(where + ".duration: only a grant has a duration");
        }
        actions.add(new Action(grant != null, role.get(), text(action.get("duration"))));
    }

    private static void unknownKeys(Map<?, ?> map, Set<String> known, String where, List<String> problems) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                problems.add((where.isEmpty() ? "" : where + ".") + key + ": unknown key; expected one of " + known);
            }
        }
    }

    private static @Nullable String text(@Nullable Object value) {
        return value == null || String.valueOf(value).isBlank() ? null : String.valueOf(value).strip();
    }
}
