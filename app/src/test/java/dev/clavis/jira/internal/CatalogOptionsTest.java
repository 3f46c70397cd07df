package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.clavis.catalog.AccessDuration;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CatalogOptionsTest {

    @Test
    void durationOptionsReadAsPeopleWriteThem() {
        assertThat(CatalogOptions.duration("1 hour")).contains(AccessDuration.of(Duration.ofHours(1)));
        assertThat(CatalogOptions.duration("6 hours")).contains(AccessDuration.of(Duration.ofHours(6)));
        assertThat(CatalogOptions.duration("24 Hours")).contains(AccessDuration.of(Duration.ofHours(24)));
        assertThat(CatalogOptions.duration("7 days")).contains(AccessDuration.of(Duration.ofDays(7)));
        assertThat(CatalogOptions.duration("Permanent")).contains(AccessDuration.PERMANENT);
        assertThat(CatalogOptions.duration("PT20S")).contains(AccessDuration.of(Duration.ofSeconds(20)));
        assertThat(CatalogOptions.duration("pt6h")).contains(AccessDuration.of(Duration.ofHours(6)));
    }

    @Test
    void somethingThatIsNoDurationIsNone() {
        assertThat(CatalogOptions.duration("until Friday")).isEmpty();
        assertThat(CatalogOptions.duration("0 hours")).isEmpty();
        assertThat(CatalogOptions.duration("")).isEmpty();
    }

    @Test
    void anOptionNamesAnEntryByIdOrNameInAnyCase() {
        assertThat(CatalogOptions.names("GitHub", "github", "GitHub")).isTrue();
        assertThat(CatalogOptions.names(" GITHUB ", "github", null)).isTrue();
        assertThat(CatalogOptions.names("Git Hub", "github", "GitHub")).isFalse();
    }

    @Test
    void durationsAreSpokenBack() {
        assertThat(CatalogOptions.spoken(AccessDuration.of(Duration.ofHours(1)))).isEqualTo("1 hour");
        assertThat(CatalogOptions.spoken(AccessDuration.of(Duration.ofDays(7)))).isEqualTo("7 days");
        assertThat(CatalogOptions.spoken(AccessDuration.PERMANENT)).isEqualTo("permanent");
        assertThat(CatalogOptions.spoken(AccessDuration.of(Duration.ofSeconds(20)))).isEqualTo("PT20S");
    }
}
