package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.clavis.catalog.RoleRef;
import org.junit.jupiter.api.Test;

class IssueRulesTest {

    private static final String RULES = """
            rules:
              - name: starter gets GitHub
                when: {project: IT, requestType: New starter, status: Ready for IT}
                then:
                  - grant: github/member
                    duration: permanent
                  - revoke: vpn/contractor
            """;

    @Test
    void aRuleMatchesItsProjectRequestTypeAndStatusInAnyCase() {
        IssueRules rules = IssueRules.parse(RULES, "test");

        assertThat(rules.matching("it", "17", "new starter", "ready for it")).hasSize(1);
        assertThat(rules.matching("IT", "17", "Request access", "Ready for IT")).isEmpty();
        assertThat(rules.matching("HR", "17", "New starter", "Ready for IT")).isEmpty();
        assertThat(rules.matching("IT", "17", "New starter", "Done")).isEmpty();
        assertThat(rules.rules().get(0).actions()).containsExactly(
                new IssueRules.Action(true, new RoleRef("github", "member"), "permanent"),
                new IssueRules.Action(false, new RoleRef("vpn", "contractor"), null));
    }

    @Test
    void aMalformedRuleSetIsRefusedNamingEachProblem() {
        String bad = """
                rules:
                  - name: typo
                    when: {project: IT, staus: Done}
                    then:
                      - grant: github
                      - grant: a/b
                        revoke: c/d
                """;

        assertThatThrownBy(() -> IssueRules.parse(bad, "jira-rules.yaml"))
                .hasMessageContaining("rules[0].when.staus: unknown key")
                .hasMessageContaining("rules[0]: needs a name, when.project and when.status")
                .hasMessageContaining("rules[0].then[0]: 'github' is not app/role")
                .hasMessageContaining("rules[0].then[1]: give exactly one of grant or revoke");
    }
}
