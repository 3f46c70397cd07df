package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CatalogOptionsTest {

    @Test
    void anOptionNamesAnEntryByIdOrNameInAnyCase() {
        assertThat(CatalogOptions.names("GitHub", "github", "GitHub")).isTrue();
        assertThat(CatalogOptions.names(" GITHUB ", "github", null)).isTrue();
        assertThat(CatalogOptions.names("Git Hub", "github", "GitHub")).isFalse();
    }
}
