package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void withoutArgumentsItIsTheRequirementsSizeOnBothDatabasesWithOneGigabyte() {
        assertThat(BenchOptions.parse()).isEqualTo(new BenchOptions(100_000, 20_000, 1_000_000,
                List.of(Database.H2, Database.POSTGRESQL), Path.of("app/target/clavis.jar"), "1g",
                Duration.ofMinutes(30), Path.of("bench/results")));
    }

    @Test
    void sizesAndDatabasesAreOverridableInEitherForm() {
        BenchOptions options = BenchOptions.parse("--people=2_000", "--groups", "400", "--memberships=20000",
                "--databases=pg");

        assertThat(options.people()).isEqualTo(2_000);
        assertThat(options.groups()).isEqualTo(400);
        assertThat(options.memberships()).isEqualTo(20_000);
        assertThat(options.databases()).containsExactly(Database.POSTGRESQL);
    }

    @Test
    void anUnknownOptionIsRefusedRatherThanIgnored() {
        assertThatThrownBy(() -> BenchOptions.parse("--poeple=10"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--poeple");
    }
}
