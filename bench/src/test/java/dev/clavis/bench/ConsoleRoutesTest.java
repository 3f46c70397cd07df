package dev.clavis.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleRoutesTest {

    @Test
    void idsAndNumbersBecomePlaceholdersAndQueryValuesAreDropped() {
        assertThat(ConsoleRoutes.route("/requests/0b6f4c1e-3f5a-4c2b-9d7e-1a2b3c4d5e6f")).isEqualTo("/requests/{id}");
        assertThat(ConsoleRoutes.route("/audit/requests/0b6f4c1e-3f5a-4c2b-9d7e-1a2b3c4d5e6f/evidence.json"))
                .isEqualTo("/audit/requests/{id}/evidence.json");
        assertThat(ConsoleRoutes.route("/reviews/12/items")).isEqualTo("/reviews/{n}/items");
        assertThat(ConsoleRoutes.route("/audit?type=&before=120&actor=")).isEqualTo("/audit?before");
        assertThat(ConsoleRoutes.route("/portal")).isEqualTo("/portal");
    }

    @Test
    void onlyLinksIntoTheConsoleSectionsAreFollowed() {
        String html = """
                <a href="/portal">Catalog</a><a href="/web/console.css">css</a><a href="/signout">out</a>
                <a href="/audit?type=&amp;before=3">older</a><a href="https://example.com/portal">away</a>
                <a href="/portalish">not a section</a><a href="/admin/catalog#top">admin</a>""";

        assertThat(ConsoleRoutes.links(html)).containsExactly("/portal", "/audit?type=&before=3", "/admin/catalog");
    }
}
