package dev.clavis.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class AccessDurationTest {

    @Test
    void permanentAndIsoDurationsAreReadAndWrittenBack() {
        assertThat(AccessDuration.parse("permanent")).contains(AccessDuration.PERMANENT);
        assertThat(AccessDuration.parse(" Permanent ")).contains(AccessDuration.PERMANENT);
        assertThat(AccessDuration.parse("PT6H")).contains(AccessDuration.of(Duration.ofHours(6)));
        assertThat(AccessDuration.PERMANENT.toString()).isEqualTo("permanent");
    }

    @Test
    void theSameLengthWrittenTwoWaysIsTheSameDuration() {
        assertThat(AccessDuration.parse("PT360M")).isEqualTo(AccessDuration.parse("PT6H"));
    }

    @Test
    void zeroNegativeAndMalformedDurationsAreRefused() {
        assertThat(AccessDuration.parse("PT0S")).isEmpty();
        assertThat(AccessDuration.parse("-PT1H")).isEmpty();
        assertThat(AccessDuration.parse("6 hours")).isEmpty();
    }

    @Test
    void durationsAreReadAsPeopleWriteThem() {
        assertThat(AccessDuration.parseWritten("1 hour")).contains(AccessDuration.of(Duration.ofHours(1)));
        assertThat(AccessDuration.parseWritten("24 Hours")).contains(AccessDuration.of(Duration.ofHours(24)));
        assertThat(AccessDuration.parseWritten("6h")).contains(AccessDuration.of(Duration.ofHours(6)));
        assertThat(AccessDuration.parseWritten("30m")).contains(AccessDuration.of(Duration.ofMinutes(30)));
        assertThat(AccessDuration.parseWritten("90s")).contains(AccessDuration.of(Duration.ofSeconds(90)));
        assertThat(AccessDuration.parseWritten("7 days")).contains(AccessDuration.of(Duration.ofDays(7)));
        assertThat(AccessDuration.parseWritten("2 weeks")).contains(AccessDuration.of(Duration.ofDays(14)));
        assertThat(AccessDuration.parseWritten("Permanent")).contains(AccessDuration.PERMANENT);
        assertThat(AccessDuration.parseWritten("pt6h")).contains(AccessDuration.of(Duration.ofHours(6)));
        assertThat(AccessDuration.parseWritten("0 hours")).isEmpty();
        assertThat(AccessDuration.parseWritten("until Friday")).isEmpty();
        assertThat(AccessDuration.parseWritten("")).isEmpty();
    }

    @Test
    void durationsAreSpokenBack() {
        assertThat(AccessDuration.of(Duration.ofHours(1)).spoken()).isEqualTo("1 hour");
        assertThat(AccessDuration.of(Duration.ofDays(7)).spoken()).isEqualTo("7 days");
        assertThat(AccessDuration.of(Duration.ofSeconds(20)).spoken()).isEqualTo("20 seconds");
        assertThat(AccessDuration.PERMANENT.spoken()).isEqualTo("permanent");
        assertThat(AccessDuration.describe("P1D")).isEqualTo("1 day");
        assertThat(AccessDuration.describe("soon")).isEqualTo("soon");
    }

    @Test
    void roleRefsAreAppSlashRole() {
        assertThat(RoleRef.parse("payments/admin")).contains(new RoleRef("payments", "admin"));
        assertThat(RoleRef.parse("payments")).isEmpty();
        assertThat(RoleRef.parse("a/b/c")).isEmpty();
        assertThat(RoleRef.parse("/admin")).isEmpty();
    }
}
