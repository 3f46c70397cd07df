package dev.clavis.slack.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.CatalogService;
import dev.clavis.catalog.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * The {@code /request} modal. It grows as it is filled in: the app (searched in the catalog as one
 * types), then the app's roles (each with its risk and who approves it), then the role's durations and,
 * where the role needs one, a required justification. What was picked rides along in
 * {@code private_metadata} as {@code app/role}.
 */
@Component
@OnSlack
class RequestModal {

    static final String CALLBACK = "request";
    static final String APP = "app";
    static final String ROLE = "role";
    static final String DURATION = "duration";
    static final String JUSTIFICATION = "justification";

    private final CatalogService catalog;

    RequestModal(CatalogService catalog) {
        this.catalog = catalog;
    }

    /** The apps whose id or name contains what was typed, as an external select's options. */
    Map<String, Object> appOptions(String typed) {
        String query = typed.strip().toLowerCase(Locale.ROOT);
        var options = catalog.current().apps().stream()
                .filter(app -> app.id().contains(query) || app.name().toLowerCase(Locale.ROOT).contains(query))
                .limit(100)
                .map(app -> Blocks.option(app.name(), app.id(), app.id()))
                .toList();
        return Map.of("options", options);
    }

    Map<String, Object> view(@Nullable String appId, @Nullable String roleId) {
        Optional<App> app = appId == null ? Optional.empty() : catalog.current().app(appId);
        Optional<Role> role = app.flatMap(a -> roleId == null ? Optional.empty() : a.role(roleId));
        var blocks = new ArrayList<Map<String, Object>>();
        var appSelect = new java.util.LinkedHashMap<String, Object>(Map.of("type", "external_select", "action_id", APP,
                "placeholder", Blocks.plain("Search the catalog"), "min_query_length", 0));
        app.ifPresent(a -> appSelect.put("initial_option", Blocks.option(a.name(), a.id(), a.id())));
        blocks.add(Blocks.input(APP, "App", appSelect, false, true));
        app.ifPresent(a -> {
            var roleSelect = new java.util.LinkedHashMap<String, Object>(Map.of("type", "static_select", "action_id", ROLE,
                    "placeholder", Blocks.plain("Pick a role"),
                    "options", a.roles().stream().map(r -> Blocks.option(r.id() + " · " + r.risk().value(), r.id(), approvers(r))).toList()));
            role.ifPresent(r -> roleSelect.put("initial_option", Blocks.option(r.id() + " · " + r.risk().value(), r.id(), approvers(r))));
            blocks.add(Blocks.input(ROLE, "Role", roleSelect, false, true));
        });
        role.ifPresent(r -> {
            blocks.add(Blocks.context("*" + r.ref() + "* is " + r.risk().value() + " risk; " + approvers(r) + "."
                    + (r.description() == null ? "" : " " + Blocks.escape(r.description()))));
            blocks.add(Blocks.input(DURATION, "For how long", Map.of("type", "static_select", "action_id", DURATION,
                    "placeholder", Blocks.plain("Pick a duration"),
                    "options", r.durations().stream().map(d -> Blocks.option(d.spoken(), d.toString(), "")).toList()),
                    false, false));
            blocks.add(Blocks.input(JUSTIFICATION, "Why", Map.of("type", "plain_text_input", "action_id", JUSTIFICATION,
                    "multiline", true, "max_length", 3000), !r.requiresJustification(), false));
        });
        String metadata = (app.map(App::id).orElse("")) + "/" + role.map(Role::id).orElse("");
        return Blocks.modal(CALLBACK, "Request access", role.isPresent() ? "Request" : "", metadata, blocks);
    }

    /** The extension modal of a grant: how much longer (the role's durations) and why. */
    Map<String, Object> extension(String grantId, Role role, String heldUntil) {
        var durations = role.durations().stream().filter(d -> !d.isPermanent()).toList();
        var blocks = new ArrayList<Map<String, Object>>();
        blocks.add(Blocks.section("Extend *" + role.ref() + "*, held until " + heldUntil + ". The extension goes through the role's approvals."));
        blocks.add(Blocks.input(DURATION, "How much longer", Map.of("type", "static_select", "action_id", DURATION,
                "placeholder", Blocks.plain("Pick a duration"),
                "options", durations.stream().map(d -> Blocks.option(d.spoken(), d.toString(), "")).toList()), false, false));
        blocks.add(Blocks.input(JUSTIFICATION, "Why", Map.of("type", "plain_text_input", "action_id", JUSTIFICATION,
                "multiline", true, "max_length", 3000), !role.requiresJustification(), false));
        return Blocks.modal("extend", "Extend access", "Ask", grantId, blocks);
    }

    /** The reason modal that Deny opens. */
    Map<String, Object> denial(String requestAndStage, String what) {
        return Blocks.modal("deny", "Deny request", "Deny", requestAndStage, List.of(
                Blocks.section("Deny " + what + "? The requester sees your reason."),
                Blocks.input("reason", "Reason", Map.of("type", "plain_text_input", "action_id", "reason", "multiline", true,
                        "max_length", 3000), false, false)));
    }

    /** Who approves a role, as the catalog says it. */
    static String approvers(Role role) {
        if (role.approval() instanceof Approval.Stages stages) {
            return "approved by " + stages.stages().stream().map(ApprovalStage::approvers).map(a -> a.text())
                    .collect(Collectors.joining(", then "))
                    + (role.autoApprove() == null ? "" : " (unless auto-approved)");
        }
        return "approved automatically";
    }

    static Optional<AccessDuration> onlyDuration(Role role) {
        return role.durations().size() == 1 ? Optional.of(role.durations().get(0)) : Optional.empty();
    }
}
