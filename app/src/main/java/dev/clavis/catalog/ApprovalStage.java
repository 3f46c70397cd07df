package dev.clavis.catalog;

import java.time.Duration;
import org.jspecify.annotations.Nullable;

/**
 * One stage of approval.
 *
 * @param timeout after which the stage escalates to the next fallback; null waits indefinitely
 */
public record ApprovalStage(ApproverRule approvers, Require require, @Nullable Duration timeout) {

    /** Whether one approver decides the stage, or every one of them must approve. */
    public enum Require {
        ONE,
        ALL
    }
}
