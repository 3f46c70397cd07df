package dev.clavis.catalog;

import java.util.List;

/** How a request for a role is approved: automatically, or by stages in order. */
public sealed interface Approval {

    record Auto() implements Approval {}

    record Stages(List<ApprovalStage> stages) implements Approval {

        public Stages {
            stages = List.copyOf(stages);
        }
    }
}
