package dev.clavis.web.internal;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.request.AccessRequestView.PersonRef;
import dev.clavis.request.ApprovalPreview;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The request module's preview of where my request would go, in words: approved automatically, denied,
 * or each stage with the people it would reach. Or why the request could not be made at all.
 *
 * @param duration the duration previewed, as people read it
 * @param outcome {@code automatic}, {@code denied}, {@code stages} or {@code refused}
 * @param reason the policy's reason for an automatic approval or a denial; the refusal's message
 */
record ApprovalPath(String duration, String outcome, @Nullable String reason, List<Stage> stages) {

    /** People named per stage; a group stage may have hundreds, the rest are counted. */
    static final int NAMES_SHOWN = 8;

    /**
     * @param who whom the stage reaches, in words
     * @param fallback why it falls to someone other than its rule, when it does
     * @param more how many approvers beyond the names shown
     * @param carried approvers of an earlier stage whose approval there counts here too
     */
    record Stage(int number, String who, @Nullable String fallback, List<String> names, int more, boolean everyone,
            List<String> carried) {}

    static ApprovalPath of(AccessDuration duration, ApprovalPreview preview) {
        return switch (preview.outcome()) {
            case APPROVED_AUTOMATICALLY -> new ApprovalPath(duration.spoken(), "automatic", preview.reason(), List.of());
            case DENIED -> new ApprovalPath(duration.spoken(), "denied", preview.reason(), List.of());
            case STAGES -> new ApprovalPath(duration.spoken(), "stages", null,
                    preview.stages().stream().map(ApprovalPath::stage).toList());
        };
    }

    static ApprovalPath refused(String duration, Refusal refusal) {
        return new ApprovalPath(duration, "refused", refusal.message(), List.of());
    }

    private static Stage stage(ApprovalPreview.StagePreview stage) {
        List<String> names = stage.approvers().stream().limit(NAMES_SHOWN).map(PersonRef::displayName).toList();
        String fallback = switch (stage.escalation()) {
            case 0 -> null;
            case 1 -> "falls to the app owners: the rule '" + stage.rule() + "' leaves no one but you to ask";
            default -> stage.rule().equals("app_owner") ? "falls to the admins: the app owners are no one but you"
                    : "falls to the admins: neither the rule '" + stage.rule() + "' nor the app owners leave anyone but you to ask";
        };
        String who = stage.approvers().isEmpty() ? "no one: the request would fail"
                : stage.escalation() == 0 ? ruleInWords(stage.rule()) : stage.escalation() == 1 ? "the app owners" : "the admins";
        return new Stage(stage.stage(), who, fallback, names, stage.approvers().size() - names.size(), "all".equals(stage.require()),
                stage.approvedEarlier().stream().map(PersonRef::displayName).toList());
    }

    /** A catalog rule ({@code manager}, {@code app_owner}, {@code user:…}, {@code group:…}) as the requester reads it. */
    private static String ruleInWords(String rule) {
        if (rule.equals("manager")) {
            return "your manager";
        }
        if (rule.equals("app_owner")) {
            return "the app owners";
        }
        if (rule.startsWith("user:")) {
            return "the named approver " + rule.substring(5);
        }
        return "the group " + rule.substring(rule.indexOf(':') + 1);
    }
}
