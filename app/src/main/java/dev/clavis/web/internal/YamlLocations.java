package dev.clavis.web.internal;

import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Finds the line of the catalog text a problem is about, so the editor can point at it. The catalog
 * names a problem by a path ({@code apps[github].roles[admin].risk}, items by id or by position); a
 * text that is not YAML at all names its line in the parser's message. A path that leads nowhere (an
 * unknown key spelt with dots) points at the deepest part of it that exists.
 */
final class YamlLocations {

    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[[^\\]]*\\])*)");
    private static final Pattern SELECTOR = Pattern.compile("\\[([^\\]]*)\\]");
    private static final Pattern PARSER_LINE = Pattern.compile("line (\\d+), column \\d+");

    /** Larger texts are refused by the catalog before any location matters. */
    private static final int MAX_CHARS = 4 * 1024 * 1024;

    private YamlLocations() {}

    /** The 1-based line of {@code field} in {@code yaml}, or of the problem the message names. */
    static OptionalInt lineOf(String yaml, String field, String message) {
        Matcher parserLine = PARSER_LINE.matcher(message);
        if (parserLine.find()) {
            return OptionalInt.of(Integer.parseInt(parserLine.group(1)));
        }
        if (yaml.length() > MAX_CHARS) {
            return OptionalInt.empty();
        }
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new java.io.StringReader(yaml));
        } catch (YAMLException e) {
            return OptionalInt.empty();
        }
        if (root == null || field.equals("catalog")) {
            return OptionalInt.empty();
        }
        Node at = root;
        int line = -1;
        Matcher segment = SEGMENT.matcher(field.startsWith("catalog.") ? field.substring("catalog.".length()) : field);
        while (segment.find()) {
            NodeTuple entry = entry(at, segment.group(1));
            if (entry == null) {
                break;
            }
            line = entry.getKeyNode().getStartMark().getLine();
            at = entry.getValueNode();
            boolean lost = false;
            Matcher selector = SELECTOR.matcher(segment.group(2));
            while (selector.find()) {
                Node item = item(at, selector.group(1));
                if (item == null) {
                    lost = true;
                    break;
                }
                at = item;
                line = item.getStartMark().getLine();
            }
            if (lost) {
                break;
            }
        }
        return line < 0 ? OptionalInt.empty() : OptionalInt.of(line + 1);
    }

    private static @Nullable NodeTuple entry(Node node, String key) {
        if (!(node instanceof MappingNode mapping)) {
            return null;
        }
        return mapping.getValue().stream()
                .filter(t -> t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key))
                .findFirst().orElse(null);
    }

    /** An item of a list by its {@code id}, or else by its position. */
    private static @Nullable Node item(Node node, String selector) {
        if (!(node instanceof SequenceNode sequence)) {
            return null;
        }
        for (Node item : sequence.getValue()) {
            NodeTuple id = entry(item, "id");
            if (id != null && id.getValueNode() instanceof ScalarNode value && value.getValue().equals(selector)) {
                return item;
            }
        }
        if (selector.matches("\\d{1,6}")) {
            int index = Integer.parseInt(selector);
            return index < sequence.getValue().size() ? sequence.getValue().get(index) : null;
        }
        return null;
    }
}
