package dev.clavis.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.catalog.AccessDuration;
import dev.clavis.request.AccessRequestView.PersonRef;
import dev.clavis.request.ApprovalPreview;
import dev.clavis.request.ApprovalPreview.StagePreview;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ApprovalPathTest {

    private static final AccessDuration SIX_HOURS = AccessDuration.of(Duration.ofHours(6));
    private static final PersonRef MARIA = person("Maria Lopez");

    @Test
    void aManagerStageNamesTheManagerAndAnOwnerWhoApprovedEarlierIsNotAskedTwice() {
        var path = ApprovalPath.of(SIX_HOURS, new ApprovalPreview(ApprovalPreview.Outcome.STAGES, null, List.of(
                new StagePreview(1, "manager", "one", "manager", 0, List.of(MARIA), List.of(), null),
                new StagePreview(2, "app_owner", "one", "app_owner", 0, List.of(MARIA), List.of(MARIA), null))));
        assertThat(path.duration()).isEqualTo("6 hours");
        assertThat(path.stages()).extracting(ApprovalPath.Stage::who).containsExactly("your manager", "the app owners");
        assertThat(path.stages().get(0).names()).containsExactly("Maria Lopez");
        assertThat(path.stages().get(1).carried()).containsExactly("Maria Lopez");
    }

    @Test
    void aStageNoOneButTheRequesterCouldApproveSaysWhereItFalls() {
        var path = ApprovalPath.of(SIX_HOURS, new ApprovalPreview(ApprovalPreview.Outcome.STAGES, null, List.of(
                new StagePreview(1, "app_owner", "one", "admins in clavis-admins (instead of app_owner)", 2,
                        List.of(person("Priya Shah")), List.of(), null))));
        assertThat(path.stages().get(0).who()).isEqualTo("the admins");
        assertThat(path.stages().get(0).fallback()).isEqualTo("falls to the admins: the app owners are no one but you");
    }

    @Test
    void aLargeGroupStageNamesAFewAndCountsTheRest() {
        List<PersonRef> team = IntStream.range(0, 20).mapToObj(i -> person("Person " + i)).toList();
        var path = ApprovalPath.of(SIX_HOURS, new ApprovalPreview(ApprovalPreview.Outcome.STAGES, null, List.of(
                new StagePreview(1, "group:security-team", "one", "group:security-team", 0, team, List.of(), null))));
        assertThat(path.stages().get(0).who()).isEqualTo("the group security-team");
        assertThat(path.stages().get(0).names()).hasSize(ApprovalPath.NAMES_SHOWN);
        assertThat(path.stages().get(0).more()).isEqualTo(20 - ApprovalPath.NAMES_SHOWN);
    }

    @Test
    void aStageNoOneCanApproveSaysTheRequestWouldFail() {
        var path = ApprovalPath.of(SIX_HOURS, new ApprovalPreview(ApprovalPreview.Outcome.STAGES, null, List.of(
                new StagePreview(1, "user:gone@acme.test", "one", "no one", 2, List.of(), List.of(), null))));
        assertThat(path.stages().get(0).who()).isEqualTo("no one: the request would fail");
    }

    private static PersonRef person(String name) {
        return new PersonRef(UUID.randomUUID(), name.toLowerCase().replace(' ', '.') + "@acme.test", name);
    }
}
