package dev.clavis.jira.internal;

import java.util.Optional;
import tools.jackson.databind.JsonNode;

/** Reads an issue as a webhook shows it, for either flavour. */
record IssueFields(JsonNode issue) {

    String key() {
        return issue.path("key").asString("");
    }

    String projectKey() {
        return fields().path("project").path("key").asString("");
    }

    JsonNode field(String id) {
        return fields().path(id);
    }

    /** A select option's label, a plain string, or a rich text's words. */
    Optional<String> text(String fieldId) {
        if (fieldId.isBlank()) {
            return Optional.empty();
        }
        JsonNode value = field(fieldId);
        if (value.isMissingNode() || value.isNull()) {
            return Optional.empty();
        }
        String text = value.isObject() && value.has("value") ? value.path("value").asString("") : CommentFormat.plainText(value);
        return text.isBlank() ? Optional.empty() : Optional.of(text.strip());
    }

    /** The user's email, empty when Jira keeps it private (Cloud does unless the profile shows it). */
    Optional<String> email(String userField) {
        String email = fields().path(userField).path("emailAddress").asString("");
        return email.contains("@") ? Optional.of(email) : Optional.empty();
    }

    /** Who a user is to Jira: the account id on Cloud, the user name on Data Center. */
    static String userId(JsonNode user) {
        return user.path("accountId").asString(user.path("name").asString(""));
    }

    String userId(String userField) {
        return userId(fields().path(userField));
    }

    String displayName(String userField) {
        return fields().path(userField).path("displayName").asString("someone");
    }

    boolean statusIsDone() {
        return "done".equals(fields().path("status").path("statusCategory").path("key").asString(""));
    }

    private JsonNode fields() {
        return issue.path("fields");
    }
}
