package dev.clavis.directory;

/** Where a directory sync is. */
public enum SyncStatus {
    QUEUED,
    RUNNING,
    SUCCEEDED,
    FAILED
}
