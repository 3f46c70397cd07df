package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BenchCatalogTest {

    private static final String DEMO = """
            # a comment
            apps:
              - id: github
                name: GitHub
                owners: [maria.lopez@acme.test]
                roles:
                  - id: member
                    groups: [github-members]
                    risk: low
                    durations: [permanent]
                    approval: auto
            """;

    @Test
    void benchAppsFollowTheAppsInForceAtTheSameIndentation() {
        String catalog = BenchCatalog.withBenchApps(DEMO);

        assertThat(catalog).startsWith(DEMO.strip());
        assertThat(catalog).contains("\n  - id: bench\n", "\n  - id: bench-expiry\n", "groups: [bench-instant]",
                "approvers: manager", "owners: [bench.owner@acme.test]");
    }

    @Test
    void theExpiringRoleOffersEveryWholeSecondFromTheShortestToTheLongest() {
        String catalog = BenchCatalog.withBenchApps(DEMO);

        assertThat(catalog).contains("durations: [PT10S, PT11S, PT12S,", ", PT2399S, PT2400S]");
    }

    @Test
    void anEmptyCatalogBecomesAListOfTheBenchApps() {
        String catalog = BenchCatalog.withBenchApps("apps: []\n");

        assertThat(catalog).startsWith("apps:\n  - id: bench\n");
    }
}
