package dev.clavis.platform;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/**
 * Who is calling: the person a token acts as, or no person for the bootstrap admin token.
 *
 * @param personId the Clavis id of the person, null for a token that belongs to no one
 */
public record Caller(UUID tokenId, @Nullable UUID personId, String name, Set<Scope> scopes) {

    public Caller {
        scopes = Set.copyOf(scopes);
    }

    public boolean has(Scope scope) {
        return scopes.contains(scope);
    }
}
