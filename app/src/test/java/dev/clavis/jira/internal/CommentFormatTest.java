package dev.clavis.jira.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class CommentFormatTest {

    private final List<Note> notes = List.of(Note.of("Granted", "Added to github-admins", "Expires at 2026-11-25T22:00:00Z"),
            Note.of("Why: [urgent] {fix} | now"));

    @Test
    void cloudCommentsAreAdfDocumentsWithABoldHeadlineAndAListOfFacts() {
        JsonNode doc = CommentFormat.body(JiraFlavor.CLOUD, notes);

        assertThat(doc.get("type").asString()).isEqualTo("doc");
        assertThat(doc.get("version").asInt()).isEqualTo(1);
        JsonNode headline = doc.get("content").get(0).get("content").get(0);
        assertThat(headline.get("text").asString()).isEqualTo("Granted");
        assertThat(headline.get("marks").get(0).get("type").asString()).isEqualTo("strong");
        assertThat(doc.get("content").get(1).get("type").asString()).isEqualTo("bulletList");
        assertThat(CommentFormat.plainText(doc)).contains("Added to github-admins").contains("Why: [urgent] {fix} | now");
    }

    @Test
    void dataCenterCommentsAreWikiMarkupWithMarkupInTextEscaped() {
        JsonNode body = CommentFormat.body(JiraFlavor.DATA_CENTER, notes);

        assertThat(body.asString()).isEqualTo("""
                *Granted*
                * Added to github-admins
                * Expires at 2026-11-25T22:00:00Z

                *Why: \\[urgent\\] \\{fix\\} \\| now*""");
    }
}
