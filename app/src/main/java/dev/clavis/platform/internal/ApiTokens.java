package dev.clavis.platform.internal;

import dev.clavis.platform.ApiTokenAdmin;
import dev.clavis.platform.ApiTokenIssued;
import dev.clavis.platform.ApiTokenRevoked;
import dev.clavis.platform.Caller;
import dev.clavis.platform.ConflictException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import dev.clavis.platform.Scope;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
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
class ApiTokens implements ApiTokenAdmin {

    static final String BOOTSTRAP_NAME = "bootstrap admin";

    /** "Last used" is kept to the minute: a busy token is written once a minute, not on every call. */
    private static final Duration LAST_USED_GRAIN = Duration.ofMinutes(1);

    private final SecureRandom random = new SecureRandom();
    private final JdbcClient jdbc;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final TokenUses uses;

    ApiTokens(JdbcClient jdbc, Clock clock, ApplicationEventPublisher events, TokenUses uses) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.events = events;
        this.uses = uses;
    }

    @Transactional
    Issued issue(@Nullable UUID personId, String name, Set<Scope> scopes, String issuedBy) {
        return mint(personId, name, scopes, null, issuedBy);
    }

    @Override
    @Transactional
    public Issued issue(UUID personId, String name, Set<Scope> scopes, @Nullable Instant expiresAt, String issuedBy) {
        if (scopes.isEmpty()) {
            throw new InvalidInputException("scopes", "give at least one of request, approve, review, admin, audit");
        }
        if (expiresAt != null && !expiresAt.isAfter(clock.instant())) {
            throw new InvalidInputException("expiresAt", "must be in the future, not " + expiresAt);
        }
        return mint(personId, name, scopes, expiresAt, issuedBy);
    }

    private Issued mint(@Nullable UUID personId, String name, Set<Scope> scopes, @Nullable Instant expiresAt, String issuedBy) {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        String token = "clv_" + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        UUID id = store(personId, name, scopes, hash(token), expiresAt, issuedBy);
        return new Issued(id, token);
    }

    /** Makes exactly this token an admin token, replacing any earlier bootstrap token, and undoing a revoke of it. */
    @Transactional
    void ensureBootstrapToken(String token) {
        String hash = hash(token);
        jdbc.sql("delete from api_token where name = :name and token_hash <> :hash")
                .param("name", BOOTSTRAP_NAME).param("hash", hash).update();
        boolean exists = jdbc.sql("update api_token set revoked_at = null, revoked_by = null where token_hash = :hash")
                .param("hash", hash).update() > 0;
        if (!exists) {
            store(null, BOOTSTRAP_NAME, EnumSet.allOf(Scope.class), hash, null, "CLAVIS_BOOTSTRAP_ADMIN_TOKEN");
        }
    }

    Optional<Caller> authenticate(String token) {
        if (token.isEmpty() || token.length() > 200) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        record Found(Caller caller, @Nullable OffsetDateTime lastUsedAt) {}
        Optional<Found> found = jdbc.sql("""
                        select t.id, t.person_id, t.name, t.scopes, t.last_used_at from api_token t
                        where t.token_hash = :hash and t.revoked_at is null and (t.expires_at is null or t.expires_at > :now)""")
                .param("hash", hash(token))
                .param("now", now.atOffset(ZoneOffset.UTC))
                .query((rs, n) -> new Found(new Caller(
                        rs.getObject("id", UUID.class),
                        rs.getObject("person_id", UUID.class),
                        rs.getString("name"),
                        parseScopes(rs.getString("scopes"))), rs.getObject("last_used_at", OffsetDateTime.class)))
                .optional();
        found.filter(f -> f.lastUsedAt() == null || f.lastUsedAt().toInstant().plus(LAST_USED_GRAIN).isBefore(now))
                .ifPresent(f -> uses.used(f.caller().tokenId(), now));
        return found.map(Found::caller);
    }

    @Override
    public List<TokenSummary> newest(int limit) {
        uses.write();
        return jdbc.sql("select * from api_token order by created_at desc, id fetch first " + Math.max(1, limit) + " rows only")
                .query(ApiTokens::summary).list();
    }

    @Override
    public long count() {
        return jdbc.sql("select count(*) from api_token").query(Long.class).single();
    }

    @Override
    @Transactional
    public void revoke(UUID tokenId, String revokedBy) {
        TokenSummary token = jdbc.sql("select * from api_token where id = :id for update").param("id", tokenId)
                .query(ApiTokens::summary).optional()
                .orElseThrow(() -> new NotFoundException("There is no API token " + tokenId));
        if (token.revokedAt() != null) {
            throw new ConflictException("The API token '" + token.name() + "' was revoked already, at " + token.revokedAt());
        }
        jdbc.sql("update api_token set revoked_at = :now, revoked_by = :by where id = :id")
                .param("now", clock.instant().atOffset(ZoneOffset.UTC)).param("by", revokedBy).param("id", tokenId).update();
        events.publishEvent(new ApiTokenRevoked(tokenId, token.name(), revokedBy));
    }

    private UUID store(@Nullable UUID personId, String name, Set<Scope> scopes, String hash, @Nullable Instant expiresAt,
            String issuedBy) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        insert into api_token (id, token_hash, person_id, name, scopes, created_at, created_by, expires_at)
                        values (:id, :hash, :person, :name, :scopes, :now, :by, :expires)""")
                .param("id", id)
                .param("hash", hash)
                .param("person", personId)
                .param("name", name)
                .param("scopes", scopes.stream().map(Scope::value).sorted().collect(Collectors.joining(" ")))
                .param("now", clock.instant().atOffset(ZoneOffset.UTC))
                .param("by", issuedBy)
                .param("expires", expiresAt == null ? null : expiresAt.atOffset(ZoneOffset.UTC))
                .update();
        events.publishEvent(new ApiTokenIssued(id, personId, name, scopes, issuedBy));
        return id;
    }

    private static TokenSummary summary(ResultSet rs, int row) throws SQLException {
        return new TokenSummary(rs.getObject("id", UUID.class), rs.getString("name"), rs.getObject("person_id", UUID.class),
                parseScopes(rs.getString("scopes")), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
                rs.getString("created_by"), instant(rs.getObject("last_used_at", OffsetDateTime.class)),
                instant(rs.getObject("expires_at", OffsetDateTime.class)), instant(rs.getObject("revoked_at", OffsetDateTime.class)));
    }

    private static @Nullable Instant instant(@Nullable OffsetDateTime time) {
        return time == null ? null : time.toInstant();
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
