package dev.clavis.platform.internal;

import dev.clavis.platform.ApiTokenIssued;
import dev.clavis.platform.Caller;
import dev.clavis.platform.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * API tokens. Only a token's SHA-256 is stored: a database dump does not let anyone call the API.
 * Tokens are long random values, so an unsalted hash is enough and lets us look a token up directly.
 */
@Component
class ApiTokens {

    static final String BOOTSTRAP_NAME = "bootstrap admin";

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
    }

    record IssuedToken(UUID id, String token) {}

    @Transactional
    IssuedToken issue(@Nullable UUID personId, String name, Set<Scope> scopes, String issuedBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "clv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = store(personId, name, scopes, hash(token), issuedBy);
        return new IssuedToken(id, token);
    }

    /** Makes exactly this token an admin token, replacing any earlier bootstrap token. */
    @Transactional
    void ensureBootstrapToken(String token) {
        String hash = hash(token);
        jdbc.sql("delete from api_token where name = :name and token_hash <> :hash")
                .param("name", BOOTSTRAP_NAME).param("hash", hash).update();
        boolean exists = jdbc.sql("select count(*) from api_token where token_hash = :hash")
                .param("hash", hash).query(Integer.class).single() > 0;
        if (!exists) {
            store(null, BOOTSTRAP_NAME, EnumSet.allOf(Scope.class), hash, "CLAVIS_BOOTSTRAP_ADMIN_TOKEN");
        }
    }

    Optional<Caller> authenticate(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        return jdbc.sql("""
                        select t.id, t.person_id, t.name, t.scopes from api_token t
                        where t.token_hash = :hash and t.revoked_at is null""")
                .param("hash", hash(token))
                .query((rs, n) -> new Caller(
                        rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("name"),
                        parseScopes(rs.getString("scopes"))))
                .optional();
    }

    private UUID store(@Nullable UUID personId, String name, Set<Scope> scopes, String hash, String issuedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_token (id, token_hash, person_id, name, scopes, created_at, created_by)
                        values (:id, :hash, :person, :name, :scopes, :now, :by)""")
                .param("id", id)
                .param("hash", hash)
                .param("person", personId)
                .param("name", name)
                .param("scopes", scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" ")))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", issuedBy)
                .update();
        events.publishEvent(new ApiTokenIssued(id, personId, name, scopes, issuedBy));
        return id;
    }

    private static Set<Scope> parseScopes(String scopes) {
        return Arrays.stream(scopes.split(" "))
                .map(Scope::parse)
                .flatMap(Optional::stream)
                .collect(Collectors.toCollection(() -> EnumSet.noneOf(Scope.class)));
    }

    static String hash(String token) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
