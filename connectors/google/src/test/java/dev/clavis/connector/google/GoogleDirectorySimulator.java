package dev.clavis.connector.google;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.clavis.connector.google.DirectoryApiDescription.Match;
import dev.clavis.connector.google.SimulatedDirectory.Result;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Google's Directory API and OAuth token endpoint on a loopback port, keeping state like Google does.
 *
 * <p>Every request is checked against {@link DirectoryApiDescription}: an undescribed method, parameter
 * or field is answered 400 as Google would and recorded in {@link #violations()}, which a test asserts
 * empty. Each successful response is checked against the same description, so the simulator cannot
 * drift from the shapes it claims to serve. Tokens are issued only for a JWT-bearer assertion signed by
 * the service account's key, naming the administrator as {@code sub} and asking only for delegated scopes.
 */
final class GoogleDirectorySimulator implements AutoCloseable {

    static final String DOMAIN = "acme.test";
    static final String ADMIN = "admin@" + DOMAIN;
    static final String CLIENT_ID = "102938475610293847561";

    private static final JsonMapper JSON = JsonMapper.shared();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(8);
    private final DirectoryApiDescription api = DirectoryApiDescription.load();
    private final Clock clock = Clock.systemUTC();
    private final SimulatedDirectory directory = new SimulatedDirectory(clock);
    private final ServiceAccountKey key;
    private final Set<String> delegatedScopes = ConcurrentHashMap.newKeySet();
    private final Map<String, Token> tokens = new ConcurrentHashMap<>();
    private final List<Planned> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final List<String> calls = Collections.synchronizedList(new ArrayList<>());

    private record Token(String subject, Set<String> scopes, Instant expiresAt) {}

    private record Planned(String method, String pathPart, Fault fault) {}

    private GoogleDirectorySimulator() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        key = ServiceAccountKey.create("clavis-sync@clavis-test.iam.gserviceaccount.com", CLIENT_ID, tokenUrl());
        delegatedScopes.addAll(GoogleSettings.SCOPES);
        synchronized (directory) {
            directory.addUser(ADMIN, "Ada", "Admin").put("isAdmin", true);
        }
    }

    static GoogleDirectorySimulator start() {
        try {
            return new GoogleDirectorySimulator();
        } catch (IOException e) {
            throw new IllegalStateException("the simulator could not listen on a loopback port", e);
        }
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    String tokenUrl() {
        return baseUrl() + "/token";
    }

    ServiceAccountKey key() {
        return key;
    }

    /** What an administrator authorized for the service account's client id under domain-wide delegation. */
    void delegate(Set<String> scopes) {
        delegatedScopes.clear();
        delegatedScopes.addAll(scopes);
    }

    /** The next request whose method is {@code method} and whose path contains {@code pathPart} meets the fault. */
    void inject(String method, String pathPart, Fault fault) {
        faults.add(new Planned(method, pathPart, fault));
    }

    /** Requests that did not match Google's description of the API. */
    List<String> violations() {
        return List.copyOf(violations);
    }

    /** Each Directory API request served so far, as "METHOD path?query". */
    List<String> calls() {
        return List.copyOf(calls);
    }

    /** Reads or changes the directory's state under the same lock the API's methods use. */
    <T> T state(Function<SimulatedDirectory, T> action) {
        synchronized (directory) {
            return action.apply(directory);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getRawPath();
            Optional<Fault> fault = takeFault(exchange.getRequestMethod(), path);
            if (fault.orElse(null) instanceof Fault.Error error) {
                respond(exchange, api.error(error.name(), ""), error.headers());
                return;
            }
            if (fault.orElse(null) instanceof Fault.Delay delay) {
                sleep(delay.delay());
            }
            boolean lose = fault.orElse(null) instanceof Fault.LoseResponse;
            if (path.equals("/token")) {
                token(exchange, lose);
            } else {
                directoryApi(exchange, lose);
            }
        } catch (RuntimeException e) {
            violations.add("the simulator failed on " + exchange.getRequestURI() + ": " + e);
            throw e;
        }
    }

    private void directoryApi(HttpExchange exchange, boolean lose) throws IOException {
        String method = exchange.getRequestMethod();
        URI uri = exchange.getRequestURI();
        calls.add(method + " " + uri);
        List<String> segments = Arrays.stream(uri.getRawPath().substring(1).split("/"))
                .map(segment -> URLDecoder.decode(segment, StandardCharsets.UTF_8)).toList();
        Map<String, String> query = query(uri.getRawQuery());
        @Nullable JsonNode body = body(exchange);
        Optional<Match> match = api.match(method, segments);
        if (match.isEmpty()) {
            violations.add(method + " " + uri.getRawPath() + " is not a method of the Directory API");
            respond(exchange, api.error("notFound", "url"), Map.of());
            return;
        }
        Optional<Token> token = bearer(exchange);
        if (token.isEmpty()) {
            respond(exchange, api.error("authError", ""), Map.of());
            return;
        }
        if (match.get().scopes().stream().noneMatch(token.get().scopes()::contains)) {
            respond(exchange, api.error("insufficientPermissions", ""), Map.of());
            return;
        }
        if (!isAdmin(token.get().subject())) {
            respond(exchange, api.error("forbidden", ""), Map.of());
            return;
        }
        List<String> wrong = api.requestViolations(match.get(), query, body);
        if (!wrong.isEmpty()) {
            violations.addAll(wrong);
            respond(exchange, api.error("invalid", ""), Map.of());
            return;
        }
        Result result = state(directory -> call(directory, match.get(), query, body));
        if (lose) {
            return;
        }
        if (result.error() != null) {
            respond(exchange, api.error(result.error(), result.key()), Map.of());
        } else if (result.body() == null) {
            exchange.sendResponseHeaders(result.status(), -1);
        } else {
            violations.addAll(api.responseViolations(match.get(), result.body()));
            send(exchange, result.status(), result.body(), Map.of());
        }
    }

    private static Result call(SimulatedDirectory directory, Match match, Map<String, String> query,
            @Nullable JsonNode body) {
        Map<String, String> path = match.pathParameters();
        return switch (match.id()) {
            case "directory.users.list" -> directory.listUsers(query);
            case "directory.users.get" -> directory.getUser(path.get("userKey"));
            case "directory.users.insert" -> directory.insertUser(required(body));
            case "directory.users.update" -> directory.updateUser(path.get("userKey"), required(body));
            case "directory.groups.list" -> directory.listGroups(query);
            case "directory.groups.get" -> directory.getGroup(path.get("groupKey"));
            case "directory.members.list" -> directory.listMembers(path.get("groupKey"), query);
            case "directory.members.insert" -> directory.insertMember(path.get("groupKey"), required(body));
            case "directory.members.delete" -> directory.deleteMember(path.get("groupKey"), path.get("memberKey"));
            default -> throw new IllegalStateException("the simulator does not implement " + match.id());
        };
    }

    /**
     * The JWT-bearer grant (RFC 7523) as Google's server-to-server guide describes it: the assertion is
     * an RS256 JWT signed with the service account's key, {@code iss} the service account, {@code sub}
     * the user to act as, {@code aud} Google's token endpoint (always, wherever the request is sent),
     * {@code scope} space-separated, at most an hour long.
     */
    private void token(HttpExchange exchange, boolean lose) throws IOException {
        JsonNode rules = api.tokenEndpoint();
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> form = query(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
        if (!exchange.getRequestMethod().equals(rules.path("httpMethod").asString())
                || contentType == null || !contentType.startsWith(rules.path("contentType").asString())
                || !rules.path("grantType").asString().equals(form.get("grant_type")) || !form.containsKey("assertion")) {
            violations.add("token request is not a JWT-bearer grant: " + exchange.getRequestMethod() + " " + contentType
                    + " " + form.keySet());
            tokenError(exchange, rules, "invalid_grant", "invalid_request");
            return;
        }
        String[] parts = form.get("assertion").split("\\.");
        JsonNode header;
        JsonNode claims;
        try {
            header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            claims = JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        } catch (RuntimeException e) {
            violations.add("the assertion is not a JWT");
            tokenError(exchange, rules, "invalid_grant", "invalid_grant");
            return;
        }
        JsonNode assertion = rules.path("assertion");
        if (parts.length != 3 || !signedByTheKey(parts) || !header.path("alg").asString().equals(assertion.path("alg").asString())
                || !header.path("kid").asString().equals(key.privateKeyId())) {
            tokenError(exchange, rules, "invalid_grant", "invalid_grant");
            return;
        }
        for (JsonNode claim : assertion.path("requiredClaims")) {
            if (!claims.has(claim.asString())) {
                violations.add("the assertion lacks the claim " + claim.asString());
            }
        }
        long now = clock.instant().getEpochSecond();
        long issuedAt = claims.path("iat").asLong();
        long expires = claims.path("exp").asLong();
        if (!claims.path("iss").asString().equals(key.clientEmail()) || !claims.path("aud").asString().equals(assertion.path("audience").asString())
                || issuedAt > now + 60 || expires <= now || expires - issuedAt > assertion.path("maxLifetimeSeconds").asLong()) {
            violations.add("the assertion's iss, aud, iat or exp are wrong: " + claims);
            tokenError(exchange, rules, "invalid_grant", "invalid_grant");
            return;
        }
        String subject = claims.path("sub").asString("");
        if (state(directory -> directory.user(subject)).isEmpty()) {
            tokenError(exchange, rules, "unknown_subject", "invalid_grant");
            return;
        }
        Set<String> scopes = new HashSet<>(Arrays.asList(claims.path("scope").asString("").split(" ")));
        if (!delegatedScopes.containsAll(scopes)) {
            tokenError(exchange, rules, "unauthorized_client", "unauthorized_client");
            return;
        }
        String accessToken = "ya29.sim-" + UUID.randomUUID();
        tokens.put(accessToken, new Token(subject, scopes, clock.instant().plusSeconds(3599)));
        if (!lose) {
            send(exchange, 200, JSON.createObjectNode().put("access_token", accessToken).put("expires_in", 3599)
                    .put("token_type", "Bearer"), Map.of());
        }
    }

    private boolean signedByTheKey(String[] parts) {
        try {
            var verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(key.publicKey());
            verifier.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(Base64.getUrlDecoder().decode(parts[2]));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            return false;
        }
    }

    private void tokenError(HttpExchange exchange, JsonNode rules, String name, String error) throws IOException {
        JsonNode template = rules.path("errors").path(name);
        int status = template.path("code").asInt(400);
        send(exchange, status, JSON.createObjectNode()
                .put("error", template.path("error").asString(error))
                .put("error_description", template.path("error_description").asString("")), Map.of());
    }

    private Optional<Token> bearer(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            violations.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " came without a bearer token");
            return Optional.empty();
        }
        Token token = tokens.get(authorization.substring("Bearer ".length()));
        return token == null || token.expiresAt().isBefore(clock.instant()) ? Optional.empty() : Optional.of(token);
    }

    private boolean isAdmin(String email) {
        return state(directory -> directory.user(email).map(user -> user.path("isAdmin").asBoolean()).orElse(false));
    }

    private @Nullable JsonNode body(HttpExchange exchange) throws IOException {
        byte[] bytes = exchange.getRequestBody().readAllBytes();
        if (bytes.length == 0) {
            return null;
        }
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.startsWith("application/json")) {
            violations.add(exchange.getRequestURI() + " sent a body of type " + type + ", not application/json");
        }
        try {
            return JSON.readTree(bytes);
        } catch (JacksonException e) {
            violations.add(exchange.getRequestURI() + " sent a body that is not JSON");
            return JSON.createObjectNode();
        }
    }

    private Optional<Fault> takeFault(String method, String path) {
        synchronized (faults) {
            for (var iterator = faults.iterator(); iterator.hasNext(); ) {
                Planned planned = iterator.next();
                if (planned.method().equals(method) && path.contains(planned.pathPart())) {
                    iterator.remove();
                    return Optional.of(planned.fault());
                }
            }
        }
        return Optional.empty();
    }

    private static JsonNode required(@Nullable JsonNode body) {
        return body == null ? JSON.createObjectNode() : body;
    }

    private static Map<String, String> query(@Nullable String raw) {
        var query = new LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    private static void respond(HttpExchange exchange, JsonNode error, Map<String, String> headers) throws IOException {
        send(exchange, error.path("error").path("code").asInt(), error, headers);
    }

    private static void send(HttpExchange exchange, int status, JsonNode body, Map<String, String> headers)
            throws IOException {
        byte[] bytes = JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=UTF-8");
        headers.forEach(exchange.getResponseHeaders()::set);
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
