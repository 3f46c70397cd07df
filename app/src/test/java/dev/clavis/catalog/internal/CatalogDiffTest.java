package dev.clavis.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.catalog.App;
import dev.clavis.catalog.CatalogChange;
import dev.clavis.catalog.CatalogChange.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class CatalogDiffTest {

    private static final String BASE = """
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
              - id: figma
                name: Figma
                owners: [ana.silva@acme.test]
                roles:
                  - id: editor
                    groups: [figma-editors]
                    risk: low
                    durations: [permanent]
                    approval: auto
            """;

    @Test
    void theSameCatalogChangesNothing() {
        assertThat(CatalogDiff.between(apps(BASE), apps(BASE))).isEmpty();
    }

    @Test
    void addedChangedAndRemovedAppsAndRolesAreNamedWithTheFieldsThatChanged() {
        String next = """
                apps:
                  - id: github
                    name: GitHub Enterprise
                    owners: [maria.lopez@acme.test]
                    roles:
                      - id: member
                        groups: [github-members]
                        risk: medium
                        durations: [permanent]
                        approval: [{approvers: manager}]
                      - id: admin
                        groups: [github-admins]
                        risk: high
                        durations: [PT1H]
                        approval: [{approvers: app_owner}]
                """;

        List<CatalogChange> changes = CatalogDiff.between(apps(BASE), apps(next));

        assertThat(changes).containsExactlyInAnyOrder(
                new CatalogChange(Kind.CHANGED, "github", null, List.of("name")),
                new CatalogChange(Kind.CHANGED, "github", "member", List.of("risk", "approval")),
                new CatalogChange(Kind.ADDED, "github", "admin", List.of()),
                new CatalogChange(Kind.REMOVED, "figma", null, List.of()));
    }

    private static List<App> apps(String yaml) {
        var result = CatalogParser.parse(yaml);
        assertThat(result.errors()).isEmpty();
        return result.apps();
    }
}
