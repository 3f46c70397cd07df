package dev.clavis.slack.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.catalog.App;
import dev.clavis.catalog.Approval;
import dev.clavis.catalog.Catalog;
import dev.clavis.catalog.Risk;
import dev.clavis.catalog.Role;
import dev.clavis.catalog.RoleRef;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlashCommandTextTest {

    private static final Catalog CATALOG = new Catalog(1, List.of(new App("github", "GitHub", null, List.of(), List.of(
            role("admin", Risk.PRIVILEGED, AccessDuration.of(Duration.ofHours(1)), AccessDuration.of(Duration.ofHours(6))),
            role("member", Risk.LOW, AccessDuration.PERMANENT)))));

    @Test
    void appRoleDurationAndReasonMakeACompleteRequest() {
        var understood = SlashCommands.understand("github admin 6h because the release is tonight", CATALOG);
        assertThat(understood.complete()).isTrue();
        assertThat(understood.duration()).isEqualTo(AccessDuration.of(Duration.ofHours(6)));
        assertThat(understood.justification()).isEqualTo("the release is tonight");
    }

    @Test
    void aRoleWithOneDurationNeedsNoneTypedAndALowRiskRoleNoReason() {
        var understood = SlashCommands.understand("GitHub member", CATALOG);
        assertThat(understood.complete()).isTrue();
        assertThat(understood.duration()).isEqualTo(AccessDuration.PERMANENT);
    }

    @Test
    void whatIsMissingOrNotAllowedLeavesTheRequestToTheModal() {
        assertThat(SlashCommands.understand("", CATALOG).complete()).isFalse();
        assertThat(SlashCommands.understand("gitlab admin 6h because x", CATALOG).complete()).isFalse();
        assertThat(SlashCommands.understand("github owner 6h because x", CATALOG).complete()).isFalse();
        assertThat(SlashCommands.understand("github admin because x", CATALOG).complete()).as("two durations, none typed").isFalse();
        assertThat(SlashCommands.understand("github admin 24h because x", CATALOG).complete()).as("not an allowed duration").isFalse();
        assertThat(SlashCommands.understand("github admin 6h", CATALOG).complete()).as("privileged needs a reason").isFalse();
        var partial = SlashCommands.understand("github", CATALOG);
        assertThat(partial.app()).isNotNull();
        assertThat(partial.role()).isNull();
    }

    private static Role role(String id, Risk risk, AccessDuration... durations) {
        return new Role(new RoleRef("github", id), null, null, List.of("github-" + id), risk, List.of(durations), new Approval.Auto(),
                null, List.of(), false);
    }
}
