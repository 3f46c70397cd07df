package dev.clavis.jira.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clavis.jira.*}, from {@code CLAVIS_JIRA_*}. Each secret may instead come from a file
 * ({@code CLAVIS_JIRA_API_TOKEN_FILE}); a value given directly wins.
 *
 * @param requestType the JSM request type that means "access request", by name or id
 * @param rules the issue rules file; blank means {@code jira-rules.yaml} beside the catalog file, if there is one
 */
@ConfigurationProperties("clavis.jira")
public record JiraSettings(
        @DefaultValue("") String baseUrl,
        @DefaultValue("cloud") String flavor,
        @DefaultValue("") String email,
        @DefaultValue("") String apiToken,
        @DefaultValue("") String apiTokenFile,
        @DefaultValue("") String pat,
        @DefaultValue("") String patFile,
        @DefaultValue("") String webhookSecret,
        @DefaultValue("") String webhookSecretFile,
        @DefaultValue("") String project,
        @DefaultValue("") String requestType,
        @DefaultValue("customfield_10010") String requestTypeField,
        @DefaultValue Fields fields,
        @DefaultValue Transitions transitions,
        @DefaultValue("") String rules,
        @DefaultValue("2") int workers,
        @DefaultValue("PT1S") Duration pollInterval,
        @DefaultValue("PT10M") Duration maxBackoff) {

    /** The custom fields of the request type, by field id ({@code customfield_10050}). */
    public record Fields(@DefaultValue("") String app, @DefaultValue("") String role, @DefaultValue("") String duration,
            @DefaultValue("") String justification, @DefaultValue("") String approvers) {}

    /** Workflow transitions, by name or id; a blank one is not made. */
    public record Transitions(@DefaultValue("") String approved, @DefaultValue("") String granted,
            @DefaultValue("") String denied, @DefaultValue("") String ended) {}

    public boolean enabled() {
        return !baseUrl.isBlank();
    }

    public JiraFlavor jiraFlavor() {
        return switch (flavor.strip().toLowerCase(Locale.ROOT)) {
            case "datacenter", "data-center", "server" -> JiraFlavor.DATA_CENTER;
            case "cloud" -> JiraFlavor.CLOUD;
            default -> throw new IllegalStateException("CLAVIS_JIRA_FLAVOR is '" + flavor + "'; use cloud or datacenter");
        };
    }

    public String base() {
        String url = baseUrl.strip();
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }

    public String apiTokenValue() {
        return secret(apiToken, apiTokenFile);
    }

    public String patValue() {
        return secret(pat, patFile);
    }

    public String webhookSecretValue() {
        return secret(webhookSecret, webhookSecretFile);
    }

    private static String secret(String value, String file) {
        if (!value.isBlank() || file.isBlank()) {
            return value.strip();
        }
        try {
            return Files.readString(Path.of(file.strip()), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the secret file " + file, e);
        }
    }
}
