package dev.clavis.slack.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Slack's Block Kit, as the maps that become its JSON. */
final class Blocks {

    private Blocks() {}

    /** A message: {@code text} is what notifications and screen readers show, {@code blocks} what Slack draws. */
    static Map<String, Object> message(String text, List<Map<String, Object>> blocks) {
        var message = new LinkedHashMap<String, Object>();
        message.put("text", text);
        message.put("blocks", blocks);
        return message;
    }

    static Map<String, Object> message(String text) {
        return message(text, List.of(section(text)));
    }

    static Map<String, Object> ephemeral(String text) {
        var message = new LinkedHashMap<>(message(text));
        message.put("response_type", "ephemeral");
        message.put("replace_original", false);
        return message;
    }

    static Map<String, Object> section(String mrkdwn) {
        return Map.of("type", "section", "text", mrkdwn(mrkdwn));
    }

    static Map<String, Object> fields(List<String> fields) {
        return Map.of("type", "section", "fields", fields.stream().map(Blocks::mrkdwn).toList());
    }

    static Map<String, Object> context(String mrkdwn) {
        return Map.of("type", "context", "elements", List.of(mrkdwn(mrkdwn)));
    }

    static Map<String, Object> actions(String blockId, List<Map<String, Object>> elements) {
        return Map.of("type", "actions", "block_id", blockId, "elements", elements);
    }

    static Map<String, Object> button(String actionId, String label, String value, String style) {
        var button = new LinkedHashMap<String, Object>();
        button.put("type", "button");
        button.put("action_id", actionId);
        button.put("text", plain(label));
        button.put("value", value);
        if (!style.isEmpty()) {
            button.put("style", style);
        }
        return button;
    }

    static Map<String, Object> mrkdwn(String text) {
        return Map.of("type", "mrkdwn", "text", shorten(text, 3000));
    }

    static Map<String, Object> plain(String text) {
        return Map.of("type", "plain_text", "text", shorten(text, 75));
    }

    static Map<String, Object> option(String label, String value, String description) {
        var option = new LinkedHashMap<String, Object>();
        option.put("text", plain(label));
        option.put("value", value);
        if (!description.isEmpty()) {
            option.put("description", plain(description));
        }
        return option;
    }

    /** A modal; {@code submit} empty leaves it without a submit button. */
    static Map<String, Object> modal(String callbackId, String title, String submit, String privateMetadata,
            List<Map<String, Object>> blocks) {
        var view = new LinkedHashMap<String, Object>();
        view.put("type", "modal");
        view.put("callback_id", callbackId);
        view.put("title", plain(shorten(title, 24)));
        if (!submit.isEmpty()) {
            view.put("submit", plain(submit));
        }
        view.put("close", plain("Cancel"));
        view.put("private_metadata", privateMetadata);
        view.put("blocks", new ArrayList<>(blocks));
        return view;
    }

    static Map<String, Object> input(String blockId, String label, Map<String, Object> element, boolean optional,
            boolean dispatchAction) {
        var input = new LinkedHashMap<String, Object>();
        input.put("type", "input");
        input.put("block_id", blockId);
        input.put("label", plain(label));
        input.put("element", element);
        input.put("optional", optional);
        if (dispatchAction) {
            input.put("dispatch_action", true);
        }
        return input;
    }

    /** Slack's {@code &}, {@code <} and {@code >} escapes, so names and reasons show as written. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
