package dev.clavis.directory;

/** ACTIVE and SUSPENDED as the directory says; DEPARTED once the directory no longer has the person. */
public enum PersonStatus {
    ACTIVE,
    SUSPENDED,
    DEPARTED
}
