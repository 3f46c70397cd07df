package dev.clavis.jira;

import java.util.List;

/** The Jira doctor for the console: what is right and what is missing in Jira's setup, line by line. */
public interface JiraHealth {

    /** {@code CLAVIS_JIRA_BASE_URL} is set: the integration is on. */
    boolean configured();

    /** Runs the doctor now; it calls Jira, so it takes as long as Jira takes to answer. */
    Checkup examine();

    /** @param healthy no finding is {@code MISSING} */
    record Checkup(boolean healthy, List<Finding> findings) {

        public Checkup {
            findings = List.copyOf(findings);
        }
    }

    /** @param verdict {@code OK}, {@code MISSING}, {@code WARNING} or {@code ADVICE}, marked ✓ ✗ ! → */
    record Finding(String verdict, String mark, String text) {}
}
