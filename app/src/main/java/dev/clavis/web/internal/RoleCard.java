package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApprovalStage;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.catalog.Role;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * A role as its app's page shows it, with the request form's state.
 *
 * @param approval the catalog's approval rule in words; {@code path} says whom it reaches for me
 * @param justification what the form's justification field holds (after a refused submission)
 * @param refusal why the last submission of this role's form was refused, if it was
 */
record RoleCard(Role role, String title, String risk, List<Choice> durations, boolean justificationRequired,
        List<String> approval, @Nullable String autoApprove, ApprovalPath path, String justification,
        @Nullable Refusal refusal) {

    /** One duration of the select: its value as the API takes it, and as people read it. */
    record Choice(String value, String spoken, boolean selected) {}

    static RoleCard of(App app, Role role, AccessDuration chosen, ApprovalPath path, String justification,
            @Nullable Refusal refusal) {
        List<Choice> durations = role.durations().stream()
                .map(d -> new Choice(d.toString(), d.spoken(), d.equals(chosen)))
                .toList();
        return new RoleCard(role, role.name() == null ? role.id() : role.name(), role.risk().value(), durations,
                role.requiresJustification(), approvalInWords(app, role.approval()),
                role.autoApprove() == null ? null : role.autoApprove().toString(), path, justification, refusal);
    }

    private static List<String> approvalInWords(App app, Approval approval) {
        if (!(approval instanceof Approval.Stages stages)) {
            return List.of("No approval: granted as soon as asked");
        }
        return stages.stages().stream().map(stage -> stageInWords(app, stage)).toList();
    }

    private static String stageInWords(App app, ApprovalStage stage) {
        boolean all = stage.require() == ApprovalStage.Require.ALL;
        String who;
        if (stage.approvers() instanceof ApproverRule.Manager) {
            who = "the requester's manager";
        } else if (stage.approvers() instanceof ApproverRule.AppOwner) {
            who = (all ? "every one of " : "one of ") + "the app owners (" + String.join(", ", app.owners()) + ")";
        } else if (stage.approvers() instanceof ApproverRule.User user) {
            who = user.email();
        } else {
            who = (all ? "every member" : "a member") + " of the group " + ((ApproverRule.Group) stage.approvers()).name();
        }
        return stage.timeout() == null ? who
                : who + "; after " + AccessDuration.of(stage.timeout()).spoken().toLowerCase(Locale.ROOT) + " it falls to the next fallback";
    }
}
