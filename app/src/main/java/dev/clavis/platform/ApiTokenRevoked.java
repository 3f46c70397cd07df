package dev.clavis.platform;

import java.util.UUID;

/** An API token was ended by an admin; calls with it are refused from now on. */
public record ApiTokenRevoked(UUID tokenId, String name, String revokedBy) {}
