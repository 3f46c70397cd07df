package dev.clavis.directory;

import java.util.UUID;

/**
 * Something other modules know about a person, shown with them at {@code GET /api/v1/people/{id}}
 * (e.g. their grants), without the directory depending on those modules.
 */
public interface PersonDetails {

    /** The field name in the person's JSON, e.g. {@code grants}. */
    String name();

    Object of(UUID personId);
}
