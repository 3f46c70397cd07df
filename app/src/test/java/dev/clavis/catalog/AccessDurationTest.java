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
    void roleRefsAreAppSlashRole() {
        assertThat(RoleRef.parse("payments/admin")).contains(new RoleRef("payments", "admin"));
        assertThat(RoleRef.parse("payments")).isEmpty();
        assertThat(RoleRef.parse("a/b/c")).isEmpty();
        assertThat(RoleRef.parse("/admin")).isEmpty();
    }
}
