package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequestBenchOptionsTest {

    @Test
    void withoutArgumentsItIsTheRequirementsSizesOnBothDatabases() {
        RequestBenchOptions options = RequestBenchOptions.parse();

        assertThat(options.requests()).isEqualTo(10_000);
        assertThat(options.expiring()).isEqualTo(10_000);
        assertThat(options.people()).isEqualTo(10_000);
        assertThat(options.managers()).isEqualTo(200);
        assertThat(options.databases()).containsExactly(Database.H2, Database.POSTGRESQL);
        assertThat(options.flightRecording()).isFalse();
    }

    @Test
    void smokeMakesEverySizeSmallAndAGivenSizeStillWins() {
        RequestBenchOptions options = RequestBenchOptions.parse("--smoke", "--requests=200", "--databases", "pg");

        assertThat(options.requests()).isEqualTo(200);
        assertThat(options.rawModifies()).isEqualTo(200);
        assertThat(options.expiring()).isEqualTo(300);
        assertThat(options.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(options.databases()).isEqualTo(List.of(Database.POSTGRESQL));
    }

    @Test
    void aSwitchNeedsNoValue() {
        assertThat(RequestBenchOptions.parse("--jfr", "--smoke").flightRecording()).isTrue();
    }

    @Test
    void morePeopleAreNeededThanAnyRoleIsAskedFor() {
        assertThatThrownBy(() -> RequestBenchOptions.parse("--people=100", "--requests=100", "--expiring=101",
                "--approvals=10", "--warmup=10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--people=100");
    }

    @Test
    void anUnknownOptionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> RequestBenchOptions.parse("--reqeusts=10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--reqeusts");
    }
}
