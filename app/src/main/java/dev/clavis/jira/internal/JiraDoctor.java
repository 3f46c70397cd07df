package dev.clavis.jira.internal;

import dev.clavis.catalog.AccessDuration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import tools.jackson.databind.JsonNode;

/**
 * Connects with the settings and says, line by line, what is right and what is missing: the
 * credentials, the project and its service desk, the request type, each field and its options against
 * the catalog, each transition, and how Jira must be told to deliver webhooks.
 */
public class JiraDoctor {

    private final JiraSettings settings;
    private final JiraClient client;

    public JiraDoctor(JiraSettings settings, JiraClient client) {
        this.settings = settings;
        this.client = client;
    }

    public enum Verdict {
        OK("✓"),
        MISSING("✗"),
        WARNING("!"),
        ADVICE("→");

        private final String mark;

        Verdict(String mark) {
            this.mark = mark;
        }

        public String mark() {
            return mark;
        }
    }

    public record Line(Verdict verdict, String text) {}

    /** @param healthy no line is {@link Verdict#MISSING} */
    public record Report(boolean healthy, List<Line> lines) {}

    /** Settings alone, before any call: what the integration cannot work without. */
    public static Report notConfigured() {
        return new Report(false, List.of(new Line(Verdict.MISSING, "CLAVIS_JIRA_BASE_URL is not set: the Jira integration is off")));
    }

    public Report examine(CatalogNames catalog) {
        var lines = new ArrayList<Line>();
        settings(lines);
        boolean signedIn = call(lines, "Credentials", client::myself)
                .map(me -> add(lines, Verdict.OK, "Credentials: signed in as " + me.path("displayName").asString(me.path("name").asString("?"))))
                .isPresent();
        if (!signedIn) {
            return report(lines);
        }
        String project = settings.project().strip();
        if (!project.isEmpty() && call(lines, "Project " + project, () -> client.project(project)).isPresent()) {
            add(lines, Verdict.OK, "Project " + project + " exists");
            serviceDesk(lines, catalog);
        }
        fieldsOfIssues(lines);
        transitions(lines);
        webhookAdvice(lines);
        return report(lines);
    }

    private void settings(List<Line> lines) {
        add(lines, Verdict.OK, "Jira " + (client.flavor() == JiraFlavor.CLOUD ? "Cloud" : "Data Center") + " at " + settings.base());
        if (client.flavor() == JiraFlavor.CLOUD && (settings.email().isBlank() || settings.apiTokenValue().isEmpty())) {
            add(lines, Verdict.MISSING, "CLAVIS_JIRA_EMAIL and CLAVIS_JIRA_API_TOKEN must both be set for Jira Cloud");
        }
        if (client.flavor() == JiraFlavor.DATA_CENTER && settings.patValue().isEmpty()) {
            add(lines, Verdict.MISSING, "CLAVIS_JIRA_PAT (a personal access token) must be set for Jira Data Center");
        }
        if (settings.webhookSecretValue().isEmpty()) {
            add(lines, Verdict.MISSING, "CLAVIS_JIRA_WEBHOOK_SECRET is not set: every webhook would be refused");
        }
        if (settings.project().isBlank()) {
            add(lines, Verdict.MISSING, "CLAVIS_JIRA_PROJECT is not set: name the service project's key, e.g. IT");
        }
        if (settings.requestType().isBlank()) {
            add(lines, Verdict.MISSING, "CLAVIS_JIRA_REQUEST_TYPE is not set: name the access request type, e.g. Request access");
        }
    }

    private void serviceDesk(List<Line> lines, CatalogNames catalog) {
        var desk = new ServiceDesk(client, settings);
        Optional<String> deskId = call(lines, "Service desk", desk::serviceDeskId).flatMap(id -> id);
        if (deskId.isEmpty()) {
            add(lines, Verdict.MISSING, "Project " + settings.project() + " is not a Jira Service Management project (no service desk)");
            return;
        }
        add(lines, Verdict.OK, "Service desk " + deskId.get() + " serves project " + settings.project());
        if (settings.requestType().isBlank()) {
            return;
        }
        Optional<JsonNode> type = call(lines, "Request type", () -> desk.requestType(deskId.get())).flatMap(t -> t);
        if (type.isEmpty()) {
            add(lines, Verdict.MISSING, "Request type '" + settings.requestType() + "' is not in the service desk of " + settings.project());
            return;
        }
        add(lines, Verdict.OK, "Request type '" + type.get().path("name").asString("") + "' (id " + type.get().path("id").asString("") + ")");
        call(lines, "Request type fields", desk::resolve).ifPresent(resolved -> {
            field(lines, resolved, "app", settings.fields().app(), true, option -> catalog.apps().stream()
                    .anyMatch(app -> CatalogOptions.names(option, app.id(), app.name())), "catalog app");
            field(lines, resolved, "role", settings.fields().role(), true, option -> catalog.apps().stream()
                    .flatMap(app -> app.roles().stream()).anyMatch(role -> CatalogOptions.names(option, role.id(), role.name())), "role of any catalog app");
            field(lines, resolved, "duration", settings.fields().duration(), true, option -> AccessDuration.parseWritten(option).isPresent(),
                    "duration (write 1 hour, 6 hours, 7 days, Permanent or ISO-8601)");
            field(lines, resolved, "justification", settings.fields().justification(), false, option -> true, "");
            unoffered(lines, resolved, catalog);
        });
    }

    private void field(List<Line> lines, ServiceDesk.Resolved desk, String which, String fieldId, boolean required,
            java.util.function.Predicate<String> matches, String what) {
        String setting = "CLAVIS_JIRA_FIELDS_" + which.toUpperCase(Locale.ROOT);
        if (fieldId.isBlank()) {
            add(lines, required ? Verdict.MISSING : Verdict.WARNING, setting + " is not set: name the " + which + " field (customfield_…)");
            return;
        }
        Optional<ServiceDesk.Field> field = desk.field(fieldId.strip());
        if (field.isEmpty()) {
            add(lines, Verdict.MISSING, "Field " + fieldId + " (" + which + ") is not on request type '" + desk.requestTypeName()
                    + "': add it to the request type's form, or correct " + setting);
            return;
        }
        add(lines, Verdict.OK, "Field " + fieldId + " (" + which + ") is '" + field.get().name() + "'"
                + (field.get().options().isEmpty() ? "" : " with " + field.get().options().size() + " option(s)"));
        for (String option : field.get().options()) {
            if (!matches.test(option)) {
                add(lines, Verdict.MISSING, "Option '" + option + "' of " + fieldId + " (" + which + ") names no " + what);
            }
        }
    }

    /** Catalog apps and durations nobody can pick in Jira: not wrong, but worth knowing. */
    private void unoffered(List<Line> lines, ServiceDesk.Resolved desk, CatalogNames catalog) {
        desk.field(settings.fields().app().strip()).ifPresent(field -> catalog.apps().forEach(app -> {
            if (field.options().stream().noneMatch(option -> CatalogOptions.names(option, app.id(), app.name()))) {
                add(lines, Verdict.WARNING, "Catalog app " + app.id() + " has no option in " + field.id() + ": it cannot be asked for in Jira");
            }
        }));
        desk.field(settings.fields().duration().strip()).ifPresent(field -> {
            Set<AccessDuration> offered = new HashSet<>();
            field.options().forEach(option -> AccessDuration.parseWritten(option).ifPresent(offered::add));
            Set<String> allowed = new java.util.TreeSet<>();
            catalog.apps().forEach(app -> app.roles().forEach(role -> allowed.addAll(role.durations())));
            for (String duration : allowed) {
                if (AccessDuration.parse(duration).filter(offered::contains).isEmpty()) {
                    add(lines, Verdict.WARNING, "Duration " + duration + " allowed by the catalog has no option in " + field.id());
                }
            }
        });
    }

    private void fieldsOfIssues(List<Line> lines) {
        Optional<JsonNode> fields = call(lines, "Fields", client::fields);
        if (fields.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        fields.get().forEach(field -> ids.add(field.path("id").asString("")));
        check(lines, ids, settings.requestTypeField(), "the request type field (CLAVIS_JIRA_REQUEST_TYPE_FIELD)");
        if (settings.fields().approvers().isBlank()) {
            add(lines, Verdict.WARNING, "CLAVIS_JIRA_FIELDS_APPROVERS is not set: JSM approvals will not ask Clavis's approvers");
        } else {
            check(lines, ids, settings.fields().approvers(), "the approvers field (CLAVIS_JIRA_FIELDS_APPROVERS)");
        }
    }

    private static void check(List<Line> lines, Set<String> ids, String fieldId, String what) {
        if (ids.contains(fieldId.strip())) {
            add(lines, Verdict.OK, "Field " + fieldId + " exists: " + what);
        } else {
            add(lines, Verdict.MISSING, "Field " + fieldId + " does not exist in Jira: " + what);
        }
    }

    private void transitions(List<Line> lines) {
        Optional<JsonNode> workflows = call(lines, "Workflows", client::workflows);
        if (workflows.isEmpty()) {
            return;
        }
        Set<String> known = new HashSet<>();
        for (JsonNode workflow : workflows.get().path("values")) {
            for (JsonNode transition : workflow.path("transitions")) {
                known.add(transition.path("id").asString("").toLowerCase(Locale.ROOT));
                known.add(transition.path("name").asString("").toLowerCase(Locale.ROOT));
            }
        }
        var configured = List.of(
                List.of("approved", settings.transitions().approved()), List.of("granted", settings.transitions().granted()),
                List.of("denied", settings.transitions().denied()), List.of("ended", settings.transitions().ended()));
        for (List<String> transition : configured) {
            String setting = "CLAVIS_JIRA_TRANSITIONS_" + transition.get(0).toUpperCase(Locale.ROOT);
            if (transition.get(1).isBlank()) {
                add(lines, Verdict.WARNING, setting + " is not set: the issue does not move when the request is " + transition.get(0));
            } else if (known.contains(transition.get(1).strip().toLowerCase(Locale.ROOT))) {
                add(lines, Verdict.OK, "Transition '" + transition.get(1) + "' (" + transition.get(0) + ") is in a workflow");
            } else {
                add(lines, Verdict.MISSING, "Transition '" + transition.get(1) + "' (" + transition.get(0)
                        + ") is in no active workflow: add it to the request type's workflow or correct " + setting);
            }
        }
    }

    private void webhookAdvice(List<Line> lines) {
        String jql = "project = " + (settings.project().isBlank() ? "<KEY>" : settings.project().strip());
        if (client.flavor() == JiraFlavor.CLOUD) {
            add(lines, Verdict.ADVICE, "Webhook: System → WebHooks → Create, URL https://<clavis>/integrations/jira/webhook, Secret = "
                    + "CLAVIS_JIRA_WEBHOOK_SECRET, events Issue created and Issue updated, JQL " + jql);
        } else {
            add(lines, Verdict.ADVICE, "Webhook: System → WebHooks → Create, URL https://<clavis>/integrations/jira/webhook/<CLAVIS_JIRA_WEBHOOK_SECRET>"
                    + " (or the plain URL with the webhook's Secret on Jira 10), events Issue created and Issue updated, JQL " + jql);
        }
        add(lines, Verdict.ADVICE, "Jira must reach Clavis over HTTPS: from Jira's network, POST to the URL without a signature must answer 401");
    }

    private static <T> Optional<T> call(List<Line> lines, String what, Supplier<T> call) {
        try {
            return Optional.of(call.get());
        } catch (JiraCallFailed e) {
            add(lines, Verdict.MISSING, what + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private static Line add(List<Line> lines, Verdict verdict, String text) {
        Line line = new Line(verdict, text);
        lines.add(line);
        return line;
    }

    private static Report report(List<Line> lines) {
        return new Report(lines.stream().noneMatch(line -> line.verdict() == Verdict.MISSING), List.copyOf(lines));
    }
}
