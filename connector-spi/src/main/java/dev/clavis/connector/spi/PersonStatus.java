package dev.clavis.connector.spi;

/** Whether a person may sign in, as the provider says. */
public enum PersonStatus {
    ACTIVE,
    SUSPENDED
}
