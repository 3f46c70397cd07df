package dev.clavis.catalog.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.ApproverRule;
import dev.clavis.catalog.Risk;
import dev.clavis.platform.InvalidInputException.FieldError;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CatalogParserTest {

    private static final String GITHUB = """
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
                  - id: admin
                    groups: [github-admins]
                    risk: privileged
                    durations: [PT1H, PT6H, PT24H]
                    approval:
                      - approvers: manager
                      - approvers: app_owner
                        require: all
                        timeout: P2D
                    autoApprove: "requester.department == 'Engineering' && duration <= duration('1h')"
                    conflictsWith: [github/member]
            """;

    @Test
    void theCatalogFormatOfTheApiContractIsRead() {
        var result = CatalogParser.parse(GITHUB);

        assertThat(result.errors()).isEmpty();
        var admin = result.apps().get(0).role("admin").orElseThrow();
        assertThat(admin.risk()).isEqualTo(Risk.PRIVILEGED);
        assertThat(admin.durations()).containsExactly(
                AccessDuration.of(Duration.ofHours(1)), AccessDuration.of(Duration.ofHours(6)), AccessDuration.of(Duration.ofHours(24)));
        assertThat(admin.approval()).isInstanceOfSatisfying(Approval.Stages.class, stages -> {
            assertThat(stages.stages()).hasSize(2);
            assertThat(stages.stages().get(0).approvers()).isEqualTo(new ApproverRule.Manager());
            assertThat(stages.stages().get(1).timeout()).isEqualTo(Duration.ofDays(2));
        });
        assertThat(admin.requiresJustification()).isTrue();
        assertThat(result.apps().get(0).role("member").orElseThrow().durations()).containsExactly(AccessDuration.PERMANENT);
    }

    @Test
    void theBundledDemoCatalogIsValid() throws IOException {
        try (InputStream in = getClass().getResourceAsStream("/catalog/demo-catalog.yaml")) {
            var result = CatalogParser.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));

            assertThat(result.errors()).isEmpty();
            assertThat(result.apps()).hasSizeGreaterThanOrEqualTo(10);
        }
    }

    @Test
    void anUnknownKeyIsAnErrorNamingWhereItIs() {
        var result = CatalogParser.parse(GITHUB.replace("risk: low", "risk: low\n        aproval: auto"));

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("apps[github].roles[member].aproval");
    }

    @Test
    void everyBadFieldIsReportedAtOnceWithItsAppAndRole() {
        String bad = GITHUB.replace("risk: privileged", "risk: extreme")
                .replace("PT6H", "six hours")
                .replace("approvers: manager", "approvers: boss");

        var result = CatalogParser.parse(bad);

        assertThat(result.errors()).extracting(FieldError::field).containsExactlyInAnyOrder(
                "apps[github].roles[admin].risk",
                "apps[github].roles[admin].durations",
                "apps[github].roles[admin].approval[0].approvers");
        assertThat(result.errors()).extracting(FieldError::message)
                .anySatisfy(message -> assertThat(message).contains("'extreme'"))
                .anySatisfy(message -> assertThat(message).contains("'six hours'"));
    }

    @Test
    void aBadCelExpressionIsRefusedWithCelsOwnError() {
        var result = CatalogParser.parse(GITHUB.replace("duration <= duration('1h')", "duration <= "));

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("apps[github].roles[admin].autoApprove");
            assertThat(error.message()).startsWith("is not a valid CEL condition");
        });
    }

    @Test
    void aCelExpressionThatIsNotAConditionIsRefused() {
        var result = CatalogParser.parse(GITHUB.replace(
                "\"requester.department == 'Engineering' && duration <= duration('1h')\"", "\"duration + duration('1h')\""));

        assertThat(result.errors()).extracting(FieldError::field).containsExactly("apps[github].roles[admin].autoApprove");
    }

    @Test
    void aConflictWithARoleOutsideTheCatalogIsAnError() {
        var result = CatalogParser.parse(GITHUB.replace("[github/member]", "[payments/admin]"));

        assertThat(result.errors()).singleElement().satisfies(error ->
                assertThat(error.message()).contains("'payments/admin' is not a role in this catalog"));
    }

    @Test
    void duplicateIdsAndBadIdsAreErrors() {
        String twice = GITHUB + GITHUB.replace("apps:\n", "").replace("id: github", "id: GitHub!");

        var result = CatalogParser.parse(twice);

        assertThat(result.errors()).extracting(FieldError::message)
                .anySatisfy(message -> assertThat(message).contains("may hold only lower-case letters"));
    }

    @Test
    void yamlThatIsNotYamlIsOneClearError() {
        var result = CatalogParser.parse("apps: [unclosed");

        assertThat(result.errors()).singleElement().satisfies(error -> {
            assertThat(error.field()).isEqualTo("catalog");
            assertThat(error.message()).startsWith("is not valid YAML");
        });
    }

    @Test
    void theAutoApproveConditionDecidesOnTheRequestItIsGiven() {
        var admin = CatalogParser.parse(GITHUB).apps().get(0).role("admin").orElseThrow();
        var engineer = Map.<String, Object>of("department", "Engineering");
        var seller = Map.<String, Object>of("department", "Sales");

        assertThat(admin.autoApprove().test(engineer, engineer, Map.of(), Duration.ofHours(1))).isTrue();
        assertThat(admin.autoApprove().test(engineer, engineer, Map.of(), Duration.ofHours(6))).isFalse();
        assertThat(admin.autoApprove().test(seller, seller, Map.of(), Duration.ofHours(1))).isFalse();
        assertThat(admin.autoApprove().test(Map.of(), Map.of(), Map.of(), Duration.ofHours(1)))
                .as("a missing field is not an approval").isFalse();
    }
}
