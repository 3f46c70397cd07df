package dev.clavis.jira.internal;

import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Notes as a Jira comment body: an Atlassian Document Format document on Cloud, wiki markup on Data
 * Center. Several notes coalesced into one comment read as consecutive sections.
 */
final class CommentFormat {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private CommentFormat() {}

    static JsonNode body(JiraFlavor flavor, List<Note> notes) {
        return flavor == JiraFlavor.CLOUD ? adf(notes) : NODES.stringNode(wiki(notes));
    }

    static ObjectNode adf(List<Note> notes) {
        ArrayNode content = NODES.arrayNode();
        for (Note note : notes) {
            ObjectNode headline = NODES.objectNode().put("type", "text").put("text", note.headline());
            headline.putArray("marks").addObject().put("type", "strong");
            content.addObject().put("type", "paragraph").putArray("content").add(headline);
            if (!note.facts().isEmpty()) {
                ArrayNode items = content.addObject().put("type", "bulletList").putArray("content");
                for (String fact : note.facts()) {
                    items.addObject().put("type", "listItem").putArray("content")
                            .addObject().put("type", "paragraph").putArray("content")
                            .addObject().put("type", "text").put("text", fact);
                }
            }
        }
        ObjectNode doc = NODES.objectNode().put("type", "doc").put("version", 1);
        doc.set("content", content);
        return doc;
    }

    static String wiki(List<Note> notes) {
        var text = new StringBuilder();
        for (Note note : notes) {
            if (!text.isEmpty()) {
                text.append("\n\n");
            }
            text.append('*').append(escape(note.headline())).append('*');
            for (String fact : note.facts()) {
                text.append("\n* ").append(escape(fact));
            }
        }
        return text.toString();
    }

    /** Wiki markup would read braces, brackets and pipes in names or reasons as macros, links or tables. */
    private static String escape(String text) {
        return text.replaceAll("([{}\\[\\]|*_])", "\\\\$1");
    }

    /** The plain text of an ADF document or a wiki-markup string, for reading a text field back. */
    static String plainText(JsonNode value) {
        if (value.isString()) {
            return value.asString();
        }
        var text = new StringBuilder();
        collect(value, text);
        return text.toString().strip();
    }

    private static void collect(JsonNode node, StringBuilder text) {
        if ("text".equals(node.path("type").asString("")) && node.has("text")) {
            text.append(node.get("text").asString());
        }
        for (JsonNode child : node.path("content")) {
            collect(child, text);
        }
        if ("paragraph".equals(node.path("type").asString(""))) {
            text.append('\n');
        }
    }
}
