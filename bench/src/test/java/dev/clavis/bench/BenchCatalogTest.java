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
    void benchAppsFollowTheAppsInForceAtTheSameIndentationWithOneInstantRolePerGroup() {
        String catalog = BenchCatalog.withBenchApps(DEMO, 2, 1);

        assertThat(catalog).startsWith(DEMO.strip());
        assertThat(catalog).contains("\n  - id: bench\n", "\n  - id: bench-expiry\n", "\n      - id: instant-0\n",
                "groups: [bench-instant-1]", "\n        approval: \n          - approvers: manager\n",
                "owners: [bench.owner@acme.test]");
    }

    @Test
    void theExpiringRoleOffersEveryWholeSecondFromTheShortestToTheLongest() {
        String catalog = BenchCatalog.withBenchApps(DEMO, 2, 1);

        assertThat(catalog).contains("durations: [PT10S, PT11S, PT12S,", ", PT2399S, PT2400S]");
    }

    @Test
    void expiringGrantsSpreadOverGroupsTakeTurnsOverExpiringRolesOfAGroupEach() {
        String catalog = BenchCatalog.withBenchApps(DEMO, 1, 3);

        assertThat(catalog).contains("\n      - id: short-0\n", "groups: [bench-short-2]").doesNotContain("id: short\n");
        assertThat(BenchCatalog.expiring(7, 3)).isEqualTo("short-1");
        assertThat(BenchCatalog.expiring(7, 1)).isEqualTo("short");
        assertThat(BenchCatalog.groups(1, 3)).contains("bench-short-0", "bench-short-2").doesNotContain("bench-short");
    }

    @Test
    void anEmptyCatalogBecomesAListOfTheBenchApps() {
        String catalog = BenchCatalog.withBenchApps("apps: []\n", 1, 1);

        assertThat(catalog).startsWith("apps:\n  - id: bench\n");
    }
}
