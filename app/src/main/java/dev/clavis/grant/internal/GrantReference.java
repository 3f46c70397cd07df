package dev.clavis.grant.internal;

import java.util.Optional;
import java.util.UUID;

/** How a grant names itself on the provisioning tasks it queues. */
final class GrantReference {

    private static final String PREFIX = "grant:";

    private GrantReference() {}

    static String of(UUID grantId) {
        return PREFIX + grantId;
    }

    static Optional<UUID> parse(String reference) {
        if (!reference.startsWith(PREFIX)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(reference.substring(PREFIX.length())));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
