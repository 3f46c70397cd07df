package dev.clavis.platform;

import java.util.Optional;
import java.util.UUID;

/**
 * Finds a person by Clavis id or email, for the platform's own needs (tokens), without the platform
 * depending on the module that keeps people.
 */
public interface PersonResolver {

    Optional<ResolvedPerson> resolvePerson(String idOrEmail);

    record ResolvedPerson(UUID id, String email) {}
}
