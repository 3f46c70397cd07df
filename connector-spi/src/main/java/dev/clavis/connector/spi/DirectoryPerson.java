package dev.clavis.connector.spi;

import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A person as the provider describes them.
 *
 * @param id the provider's stable identifier
 * @param managerId the provider id of this person's manager, if any
 * @param employeeType e.g. employee, contractor, intern, as the provider names it
 * @param lastLoginAt the last sign-in the provider recorded, where it keeps one
 */
public record DirectoryPerson(
        String id,
        String email,
        String displayName,
        @Nullable String department,
        @Nullable String title,
        @Nullable String managerId,
        @Nullable String employeeType,
        PersonStatus status,
        @Nullable Instant lastLoginAt) {

    public DirectoryPerson {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(status, "status");
    }
}
