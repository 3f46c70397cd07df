package dev.clavis.jira.internal;

/** Where Jira runs: the two differ in API version, comment format, user identity and webhook signing. */
public enum JiraFlavor {
    /** Atlassian's cloud: REST v3, ADF comments, account ids, signed webhooks. */
    CLOUD("/rest/api/3"),
    /** Self-managed: REST v2, wiki-markup comments, user names, unsigned webhooks (secret in the URL). */
    DATA_CENTER("/rest/api/2");

    private final String api;

    JiraFlavor(String api) {
        this.api = api;
    }

    /** The platform REST API's path prefix. */
    public String api() {
        return api;
    }
}
