package dev.clavis.directory;

import java.time.Instant;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A person as last synced from the directory. */
public record Person(
        UUID id,
        String externalId,
        String email,
        String displayName,
        @Nullable String department,
        @Nullable String title,
        @Nullable UUID managerId,
        @Nullable String employeeType,
        PersonStatus status,
        @Nullable Instant lastLoginAt) {}
