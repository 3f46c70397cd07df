package dev.clavis.jira;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.support.JiraSimulator;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@code java -jar clavis.jar doctor jira} against a simulated Jira Cloud. The command reads its
 * settings from the environment; system properties stand in for it here, as Spring reads both alike.
 */
class JiraDoctorCommandTest {

    @Test
    void theDoctorNamesAMissingFieldAndAMissingTransitionAndExitsNonZero() throws Exception {
        Path catalog = Files.createTempFile("catalog-", ".yaml");
        Files.writeString(catalog, """
                apps:
                  - id: lab
                    name: Test Lab
                    owners: [priya.shah@acme.test]
                    roles:
                      - {id: staged, groups: [lab-staged], risk: medium, durations: [PT20S, PT1H], approval: auto}
                      - {id: short, groups: [lab-short], risk: low, durations: [PT1H], approval: auto}
                  - id: github
                    name: GitHub
                    owners: [maria.lopez@acme.test]
                    roles:
                      - {id: member, groups: [github-members], risk: low, durations: [permanent], approval: auto}
                      - {id: admin, groups: [github-admins], risk: high, durations: [P7D], approval: auto}
                """);
        try (JiraSimulator jira = JiraSimulator.cloud()) {
            jira.removeRequestTypeField(JiraSimulator.ROLE_FIELD);
            jira.removeTransition("Grant access");
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("clavis.catalog", catalog.toString());
            settings.put("clavis.jira.base-url", jira.baseUrl());
            settings.put("clavis.jira.email", "clavis-bot@acme.test");
            settings.put("clavis.jira.api-token", "cloud-api-token");
            settings.put("clavis.jira.webhook-secret", "a-secret");
            settings.put("clavis.jira.project", JiraSimulator.PROJECT);
            settings.put("clavis.jira.request-type", JiraSimulator.REQUEST_TYPE);
            settings.put("clavis.jira.fields.app", JiraSimulator.APP_FIELD);
            settings.put("clavis.jira.fields.role", JiraSimulator.ROLE_FIELD);
            settings.put("clavis.jira.fields.duration", JiraSimulator.DURATION_FIELD);
            settings.put("clavis.jira.fields.justification", JiraSimulator.JUSTIFICATION_FIELD);
            settings.put("clavis.jira.fields.approvers", JiraSimulator.APPROVERS_FIELD);
            settings.put("clavis.jira.transitions.approved", "Approve");
            settings.put("clavis.jira.transitions.granted", "Grant access");
            settings.put("clavis.jira.transitions.denied", "Decline");
            settings.put("clavis.jira.transitions.ended", "Close");
            settings.forEach(System::setProperty);
            var out = new ByteArrayOutputStream();
            int status;
            try {
                status = JiraDoctorCommand.run(new PrintStream(out, true, StandardCharsets.UTF_8));
            } finally {
                settings.keySet().forEach(System::clearProperty);
            }

            String report = out.toString(StandardCharsets.UTF_8);
            assertThat(status).as(report).isEqualTo(1);
            assertThat(report).contains("✓ Credentials: signed in as Clavis")
                    .contains("✗ Field " + JiraSimulator.ROLE_FIELD + " (role) is not on request type 'Request access'")
                    .contains("✗ Transition 'Grant access' (granted) is in no active workflow")
                    .contains("✓ Transition 'Close' (ended) is in a workflow")
                    .contains("✓ Field " + JiraSimulator.APP_FIELD + " (app) is 'Application' with 2 option(s)")
                    .doesNotContain("cloud-api-token");
            assertThat(report.lines().filter(line -> line.startsWith("✗"))).hasSize(2);
            assertThat(jira.violations()).isEmpty();
        } finally {
            Files.delete(catalog);
        }
    }
}
