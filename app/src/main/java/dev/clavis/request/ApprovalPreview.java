package dev.clavis.request;

import dev.clavis.request.AccessRequestView.PersonRef;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Where a request would go if it were submitted now, decided by the same policy code a submission runs:
 * approved automatically, denied for a toxic combination, or stage by stage to named people.
 *
 * @param reason why it would be approved or denied outright; null when it goes to stages
 * @param stages empty unless the outcome is {@link Outcome#STAGES}
 */
public record ApprovalPreview(Outcome outcome, @Nullable String reason, List<StagePreview> stages) {

    public ApprovalPreview {
        stages = List.copyOf(stages);
    }

    public enum Outcome {
        APPROVED_AUTOMATICALLY,
        DENIED,
        STAGES
    }

    /**
     * One stage as it would open now. Later stages are resolved again when they open, so their people
     * may differ by then if the directory or catalog changes.
     *
     * @param rule the catalog's rule, e.g. {@code manager}
     * @param resolvedAs whom the stage falls to: the rule itself, or the fallback (app owners, admins) when
     *     the rule names no one but the requester or beneficiary
     * @param escalation 0 for the rule's own people, 1 for the app owners, 2 for the admins
     * @param approvers empty when no one at all could approve: the request would fail
     * @param approvedEarlier approvers who also approve an earlier stage: their approval there counts here too
     * @param timeout after which the stage falls to the next fallback; null waits indefinitely
     */
    public record StagePreview(int stage, String rule, String require, String resolvedAs, int escalation,
            List<PersonRef> approvers, List<PersonRef> approvedEarlier, @Nullable Duration timeout) {

        public StagePreview {
            approvers = List.copyOf(approvers);
            approvedEarlier = List.copyOf(approvedEarlier);
        }
    }
}
