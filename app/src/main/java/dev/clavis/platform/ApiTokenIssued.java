package dev.clavis.platform;

import java.util.Set;
import java.util.UUID;
import org.jspecify.annotations.Nullable;

/** An API token was made; the token itself is never in the event, only who it acts as. */
public record ApiTokenIssued(UUID tokenId, @Nullable UUID personId, String name, Set<Scope> scopes, String issuedBy) {

    public ApiTokenIssued {
        scopes = Set.copyOf(scopes);
    }
}
