package dev.clavis.web.internal;

import dev.clavis.request.AccessRequestView;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A request waiting for my decision, with what an approver needs to decide it without opening anything else.
 *
 * @param stage e.g. {@code stage 1 of 2: manager}
 * @param waited how long the current stage has waited for a decision
 * @param manager the beneficiary's manager's name, if the directory names one
 * @param currentAccess the beneficiary's grants in effect on the same app
 * @param lowRisk whether the bulk approval may include it
 */
record InboxItem(AccessRequestView request, String what, String risk, boolean lowRisk, String duration, String stage,
        String waited, String waitingSince, @Nullable String department, @Nullable String title, @Nullable String manager,
        List<String> currentAccess) {}
