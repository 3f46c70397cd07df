package dev.clavis.directory;

import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** A directory group as last synced. */
public record Group(UUID id, String externalId, String name, @Nullable String description, int memberCount) {}
