package dev.clavis.connector.okta.simulator;

import static dev.clavis.connector.okta.simulator.Reply.JSON;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful Okta org on a loopback port, for tests and benchmarks. It serves the management API calls
 * Clavis makes with Okta's answers: {@code Link} header paging with {@code after} and {@code limit},
 * Okta's error objects, {@code X-Rate-Limit-*} headers, 204 for membership changes whether or not
 * anything changed. Every request and every answer is checked against Okta's published API description;
 * a request it does not allow is answered 400 and recorded in {@link #violations()}, as is an answer
 * the simulator should not have given.
 *
 * <p>Faults are injected per call: 429s with Okta's headers, 5xx, slow answers, and a write applied whose
 * answer is lost (the connection closes without one). Limits: a time-based rate limit per endpoint family
 * and a concurrency limit.
 */
public final class OktaSimulator implements AutoCloseable {

    private static final Pattern USERS = Pattern.compile("/api/v1/users");
    private static final Pattern USER = Pattern.compile("/api/v1/users/([^/]+)");
    private static final Pattern USER_GROUPS = Pattern.compile("/api/v1/users/([^/]+)/groups");
    private static final Pattern USER_LIFECYCLE = Pattern.compile("/api/v1/users/([^/]+)/lifecycle/([a-z_]+)");
    private static final Pattern GROUPS = Pattern.compile("/api/v1/groups");
    private static final Pattern GROUP = Pattern.compile("/api/v1/groups/([^/]+)");
    private static final Pattern GROUP_USERS = Pattern.compile("/api/v1/groups/([^/]+)/users");
    private static final Pattern GROUP_USER = Pattern.compile("/api/v1/groups/([^/]+)/users/([^/]+)");
    private static final String LOGS = "/api/v1/logs";
    private static final String TOKEN_PATH = "/oauth2/v1/token";

    private final Clock clock;
    private final String apiToken;
    private final boolean checked;
    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final SimulatedOrg org;
    private final List<Fault> faults = Collections.synchronizedList(new ArrayList<>());
    private final List<String> requests = Collections.synchronizedList(new ArrayList<>());
    private final List<String> violations = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ServiceApp> serviceApps = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> accessTokens = new ConcurrentHashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger tooManyRequests = new AtomicInteger();
    private volatile @Nullable RateWindows rateWindows;
    private volatile int concurrencyLimit = Integer.MAX_VALUE;

    private OktaSimulator(Clock clock, String apiToken, boolean checked) throws IOException {
        this.clock = clock;
        this.apiToken = apiToken;
        this.checked = checked;
        this.org = new SimulatedOrg(clock);
        if (checked) {
            OpenApiCheck.load();
        }
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 100);
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
    }

    /** Starts an org that accepts {@code SSWS <apiToken>}, with no rate limit until one is set. */
    public static OktaSimulator start(String apiToken) {
        return start(apiToken, true);
    }

    /**
     * As {@link #start(String)}, but without checking calls against Okta's API description, which costs
     * milliseconds of CPU per call: for benchmarks that measure pacing, not shapes the tests check already.
     */
    public static OktaSimulator startWithoutDescriptionChecks(String apiToken) {
        return start(apiToken, false);
    }

    private static OktaSimulator start(String apiToken, boolean checked) {
        try {
            return new OktaSimulator(Clock.systemUTC(), apiToken, checked);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start the Okta simulator", e);
        }
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    // ---- the org, as its administrator sets it up and looks at it

    /** Creates an ACTIVE person and answers their id. */
    public String createUser(String email, String firstName, String lastName, @Nullable String department,
            @Nullable String title, @Nullable String managerId, @Nullable String userType) {
        ObjectNode profile = JSON.createObjectNode();
        profile.put("login", email);
        profile.put("email", email);
        profile.put("firstName", firstName);
        profile.put("lastName", lastName);
        putIfPresent(profile, "department", department);
        putIfPresent(profile, "title", title);
        putIfPresent(profile, "managerId", managerId);
        putIfPresent(profile, "userType", userType);
        synchronized (org) {
            return org.createUser(profile, "ACTIVE");
        }
    }

    /** Creates a group whose members Okta manages ({@code OKTA_GROUP}). */
    public String createGroup(String name, @Nullable String description) {
        synchronized (org) {
            return org.createGroup(name, description, "OKTA_GROUP");
        }
    }

    /** Creates a group imported from an app such as Active Directory ({@code APP_GROUP}), read-only in Okta. */
    public String createAppGroup(String name, @Nullable String description) {
        synchronized (org) {
            return org.createGroup(name, description, "APP_GROUP");
        }
    }

    public void addMember(String groupId, String userId) {
        synchronized (org) {
            org.addMember(groupId, userId);
        }
    }

    public List<String> members(String groupId) {
        synchronized (org) {
            return org.members(groupId);
        }
    }

    /** Deletes a person for good, as an administrator does after deactivating them; the System Log says so. */
    public void deleteUser(String userId) {
        synchronized (org) {
            org.deleteUser(userId);
        }
    }

    public int membershipCount() {
        synchronized (org) {
            return org.membershipCount();
        }
    }

    /** ACTIVE, STAGED, SUSPENDED, DEPROVISIONED… */
    public String status(String userId) {
        synchronized (org) {
            return org.status(userId);
        }
    }

    public void signedIn(String userId, Instant at) {
        synchronized (org) {
            org.signedIn(userId, at);
        }
    }

    /**
     * Registers an OAuth 2.0 service app that authenticates with a private-key JWT signed by the key whose
     * public half is given, and may be granted these scopes.
     */
    public void registerServiceApp(String clientId, RSAKey publicKey, Set<String> scopes) {
        serviceApps.put(clientId, new ServiceApp(publicKey, Set.copyOf(scopes)));
    }

    // ---- limits and faults

    /** At most {@code permits} calls per endpoint family in each window. */
    public void limitRate(int permits, Duration window) {
        rateWindows = new RateWindows(clock, permits, window);
    }

    /** At most this many calls answered at once; more get a 429 for concurrency. */
    public void limitConcurrency(int calls) {
        concurrencyLimit = calls;
    }

    /** The next call matching gets a 429 as Okta sends it when the rate limit is used up. */
    public void tooManyRequestsNext(String method, String pathRegex) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.TOO_MANY_REQUESTS, Duration.ZERO));
    }

    /** The next call matching gets a 500 with Okta's error object. */
    public void serverErrorNext(String method, String pathRegex) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.SERVER_ERROR, Duration.ZERO));
    }

    /** The next call matching is answered only after this delay. */
    public void slowNext(String method, String pathRegex, Duration delay) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.SLOW, delay));
    }

    /** The next call matching is carried out, but its connection closes without an answer. */
    public void loseAnswerOfNext(String method, String pathRegex) {
        faults.add(new Fault(method, Pattern.compile(pathRegex), FaultKind.LOSE_ANSWER, Duration.ZERO));
    }

    // ---- what happened

    /** Every call received, as {@code METHOD /path}, oldest first. */
    public List<String> requests() {
        synchronized (requests) {
            return List.copyOf(requests);
        }
    }

    /** Requests and answers that Okta's API description does not allow. */
    public List<String> violations() {
        synchronized (violations) {
            return List.copyOf(violations);
        }
    }

    /** How many 429s were sent, for the rate limit and for concurrency. */
    public int tooManyRequestsSent() {
        return tooManyRequests.get();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving

    private void handle(HttpExchange exchange) throws IOException {
        int concurrent = inFlight.incrementAndGet();
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Map<String, List<String>> query = query(exchange.getRequestURI().getRawQuery());
            Map<String, List<String>> headers = new LinkedHashMap<>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values));
            requests.add(method + " " + path);

            Fault fault = takeFault(method, path);
            if (fault != null && fault.kind() == FaultKind.SLOW) {
                sleep(fault.delay());
            }
            Reply reply;
            boolean checked = this.checked && !path.equals(TOKEN_PATH);
            List<String> problems = checked ? OpenApiCheck.checkRequest(method, path, query, headers, body) : List.of();
            if (concurrent > concurrencyLimit) {
                reply = concurrencyLimited();
            } else if (fault != null && fault.kind() == FaultKind.TOO_MANY_REQUESTS) {
                reply = rateLimited(new RateWindows.Verdict(false, 600, 0, clock.instant().getEpochSecond() + 2));
            } else if (fault != null && fault.kind() == FaultKind.SERVER_ERROR) {
                reply = Reply.error(500, "E0000009", "Internal Server Error");
            } else if (!problems.isEmpty()) {
                violations.addAll(problems.stream().map(p -> method + " " + path + ": " + p).toList());
                reply = Reply.error(400, "E0000001", "Api validation failed: " + problems.get(0));
            } else {
                reply = authorizedAndLimited(method, path, query, headers, body);
            }
            if (reply.status() == 429) {
                tooManyRequests.incrementAndGet();
            }
            if (checked && problems.isEmpty()) {
                OpenApiCheck.checkResponse(method, path, query, headers, body, reply.status(), reply.bodyText())
                        .forEach(p -> violations.add(method + " " + path + " answered " + reply.status() + ": " + p));
            }
            if (fault != null && fault.kind() == FaultKind.LOSE_ANSWER) {
                return;
            }
            send(exchange, reply);
        } catch (RuntimeException e) {
            violations.add("the simulator failed: " + e);
            send(exchange, Reply.error(500, "E0000009", "Internal Server Error"));
        } finally {
            inFlight.decrementAndGet();
        }
    }

    private Reply authorizedAndLimited(String method, String path, Map<String, List<String>> query,
            Map<String, List<String>> headers, String body) {
        if (path.equals(TOKEN_PATH) && method.equals("POST")) {
            return token(body);
        }
        String authorization = headers.getOrDefault("Authorization", List.of("")).get(0);
        Set<String> scopes = scopesOf(authorization);
        if (scopes == null) {
            return Reply.error(401, "E0000011", "Invalid token provided");
        }
        String family = family(method, path);
        RateWindows windows = rateWindows;
        RateWindows.Verdict verdict = windows == null ? null : windows.take(family);
        if (verdict != null && !verdict.allowed()) {
            return rateLimited(verdict);
        }
        String needed = scopeNeeded(method, path);
        Reply reply = scopes.contains(needed)
                ? route(method, path, query, body)
                : Reply.error(403, "E0000006", "You do not have permission to perform the requested action")
                        .with("WWW-Authenticate", "Bearer error=\"insufficient_scope\"");
        if (verdict != null) {
            rateHeaders(reply, verdict);
        }
        return reply;
    }

    private Reply route(String method, String path, Map<String, List<String>> query, String body) {
        String base = baseUrl();
        Matcher m;
        synchronized (org) {
            if (USERS.matcher(path).matches()) {
                return switch (method) {
                    case "GET" -> org.listUsers(query, base);
                    case "POST" -> org.createUser(JSON.readTree(body),
                            SimulatedOrg.first(query, "activate").map(Boolean::parseBoolean).orElse(true));
                    default -> unsupported();
                };
            }
            if ((m = USER.matcher(path)).matches() && method.equals("GET")) {
                return org.getUser(decode(m.group(1)));
            }
            if ((m = USER_GROUPS.matcher(path)).matches() && method.equals("GET")) {
                return org.listUserGroups(decode(m.group(1)));
            }
            if ((m = USER_LIFECYCLE.matcher(path)).matches() && method.equals("POST")) {
                return switch (m.group(2)) {
                    case "suspend" -> org.suspend(decode(m.group(1)));
                    case "deactivate" -> org.deactivate(decode(m.group(1)));
                    default -> unsupported();
                };
            }
            if (path.equals(LOGS) && method.equals("GET")) {
                return org.listLogs(query, base);
            }
            if (GROUPS.matcher(path).matches() && method.equals("GET")) {
                return org.listGroups(query, base);
            }
            if ((m = GROUP.matcher(path)).matches() && method.equals("GET")) {
                return org.getGroup(decode(m.group(1)));
            }
            if ((m = GROUP_USERS.matcher(path)).matches() && method.equals("GET")) {
                return org.listMembers(decode(m.group(1)), query, base);
            }
            if ((m = GROUP_USER.matcher(path)).matches()) {
                return switch (method) {
                    case "PUT" -> org.assign(decode(m.group(1)), decode(m.group(2)));
                    case "DELETE" -> org.unassign(decode(m.group(1)), decode(m.group(2)));
                    default -> unsupported();
                };
            }
        }
        return unsupported();
    }

    private static Reply unsupported() {
        return Reply.error(404, "E0000022", "The endpoint does not support the provided HTTP method");
    }

    /** Okta counts its limits per endpoint family; membership changes are one, the rest by resource. */
    private static String family(String method, String path) {
        if (GROUP_USER.matcher(path).matches()) {
            return "group memberships";
        }
        return path.startsWith("/api/v1/users") ? "users" : path.startsWith("/api/v1/groups") ? "groups" : "other";
    }

    private static String scopeNeeded(String method, String path) {
        if (path.equals(LOGS)) {
            return "okta.logs.read";
        }
        String resource = path.startsWith("/api/v1/groups") || USER_GROUPS.matcher(path).matches()
                ? "okta.groups" : "okta.users";
        return resource + (method.equals("GET") ? ".read" : ".manage");
    }

    /** The scopes an Authorization header carries; the API token may do everything; null when it is invalid. */
    private @Nullable Set<String> scopesOf(String authorization) {
        if (authorization.equals("SSWS " + apiToken)) {
            return Set.of("okta.users.read", "okta.users.manage", "okta.groups.read", "okta.groups.manage",
                    "okta.logs.read");
        }
        if (authorization.startsWith("Bearer ")) {
            return accessTokens.get(authorization.substring("Bearer ".length()));
        }
        return null;
    }

    /** Okta's org authorization server for service apps: a client-credentials grant with a private-key JWT. */
    private Reply token(String body) {
        Map<String, List<String>> form = query(body);
        String assertion = SimulatedOrg.first(form, "client_assertion").orElse("");
        try {
            SignedJWT jwt = SignedJWT.parse(assertion);
            String clientId = jwt.getJWTClaimsSet().getIssuer();
            ServiceApp app = clientId == null ? null : serviceApps.get(clientId);
            Date expiry = jwt.getJWTClaimsSet().getExpirationTime();
            boolean valid = app != null
                    && SimulatedOrg.first(form, "grant_type").orElse("").equals("client_credentials")
                    && SimulatedOrg.first(form, "client_assertion_type").orElse("")
                            .equals("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")
                    && clientId.equals(jwt.getJWTClaimsSet().getSubject())
                    && jwt.getJWTClaimsSet().getAudience().contains(baseUrl() + TOKEN_PATH)
                    && expiry != null && expiry.toInstant().isAfter(clock.instant())
                    && jwt.verify(new RSASSAVerifier(app.publicKey()));
            if (!valid) {
                return oauthError("invalid_client", "The client_assertion signature is invalid.");
            }
            Set<String> asked = new HashSet<>(Arrays.asList(SimulatedOrg.first(form, "scope").orElse("").split(" ")));
            if (!app.scopes().containsAll(asked)) {
                return oauthError("invalid_scope", "One or more scopes are not configured for the authorization"
                        + " server resource.");
            }
            String token = UUID.randomUUID().toString();
            accessTokens.put(token, Set.copyOf(asked));
            ObjectNode answer = JSON.createObjectNode();
            answer.put("token_type", "Bearer");
            answer.put("expires_in", 3600);
            answer.put("access_token", token);
            answer.put("scope", String.join(" ", asked));
            return Reply.of(200, answer);
        } catch (ParseException | JOSEException e) {
            return oauthError("invalid_client", "The client_assertion is not a signed JWT.");
        }
    }

    private static Reply oauthError(String error, String description) {
        ObjectNode answer = JSON.createObjectNode();
        answer.put("error", error);
        answer.put("error_description", description);
        return Reply.of(error.equals("invalid_client") ? 401 : 400, answer);
    }

    private Reply rateLimited(RateWindows.Verdict verdict) {
        return rateHeaders(Reply.error(429, "E0000047", "API call exceeded rate limit due to too many requests."),
                verdict);
    }

    /** Over the concurrency limit Okta's headers report the concurrent values, the reset an estimate. */
    private Reply concurrencyLimited() {
        return rateHeaders(Reply.error(429, "E0000047", "API call exceeded rate limit due to too many requests."),
                new RateWindows.Verdict(false, concurrencyLimit, 0, clock.instant().getEpochSecond() + 1));
    }

    private static Reply rateHeaders(Reply reply, RateWindows.Verdict verdict) {
        return reply.with("X-Rate-Limit-Limit", String.valueOf(verdict.limit()))
                .with("X-Rate-Limit-Remaining", String.valueOf(verdict.remaining()))
                .with("X-Rate-Limit-Reset", String.valueOf(verdict.resetEpochSeconds()));
    }

    private @Nullable Fault takeFault(String method, String path) {
        synchronized (faults) {
            for (var iterator = faults.iterator(); iterator.hasNext(); ) {
                Fault fault = iterator.next();
                if (fault.method().equals(method) && fault.path().matcher(path).matches()) {
                    iterator.remove();
                    return fault;
                }
            }
            return null;
        }
    }

    private static void send(HttpExchange exchange, Reply reply) {
        try {
            reply.headers().forEach((name, value) -> exchange.getResponseHeaders().add(name, value));
            byte[] bytes = reply.bodyText().getBytes(StandardCharsets.UTF_8);
            if (bytes.length > 0) {
                exchange.getResponseHeaders().add("Content-Type", "application/json");
            }
            exchange.sendResponseHeaders(reply.status(), bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                exchange.getResponseBody().write(bytes);
            }
        } catch (IOException e) {
            // the client went away; nothing to tell it
        }
    }

    private static Map<String, List<String>> query(@Nullable String raw) {
        Map<String, List<String>> query = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return query;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = decode(equals < 0 ? pair : pair.substring(0, equals));
            String value = equals < 0 ? "" : decode(pair.substring(equals + 1));
            query.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
        }
        return query;
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static void putIfPresent(ObjectNode profile, String name, @Nullable String value) {
        if (value != null) {
            profile.put(name, value);
        }
    }

    private static void sleep(Duration delay) {
        try {
            Thread.sleep(delay.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private enum FaultKind { TOO_MANY_REQUESTS, SERVER_ERROR, SLOW, LOSE_ANSWER }

    private record Fault(String method, Pattern path, FaultKind kind, Duration delay) {}

    private record ServiceApp(RSAKey publicKey, Set<String> scopes) {}
}
