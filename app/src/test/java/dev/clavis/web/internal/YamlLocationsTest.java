package dev.clavis.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class YamlLocationsTest {

    private static final String CATALOG = """
            apps:
              - id: github
                name: GitHub
                roles:
                  - id: member
                    risk: low
                  - id: admin
                    risk: extreme
                    approval:
                      - approvers: manager
                      - approvers: nobody
            """;

    @Test
    void aFieldNamedByIdsIsOnTheLineOfItsKey() {
        assertThat(YamlLocations.lineOf(CATALOG, "apps[github].roles[admin].risk", "must be low, medium, high or privileged"))
                .hasValue(8);
    }

    @Test
    void listItemsMayBeNamedByPosition() {
        assertThat(YamlLocations.lineOf(CATALOG, "apps[github].roles[admin].approval[1].approvers", "is not an approver rule"))
                .hasValue(11);
        assertThat(YamlLocations.lineOf(CATALOG, "apps[0].roles[0].risk", "")).hasValue(6);
    }

    @Test
    void aPathThatLeadsNowherePointsAtItsDeepestPartThatExists() {
        assertThat(YamlLocations.lineOf(CATALOG, "apps[github].roles[admin].aproval", "is not a catalog key here")).hasValue(7);
    }

    @Test
    void textThatIsNotYamlIsPlacedWhereTheParserSays() {
        assertThat(YamlLocations.lineOf("apps: [", "catalog", "is not valid YAML: while parsing a flow sequence\n in 'reader', line 1, column 7:"))
                .hasValue(1);
        assertThat(YamlLocations.lineOf(CATALOG, "catalog", "needs apps")).isEmpty();
    }
}
