package dev.clavis.connector.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedDeque;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A SCIM 2.0 service provider over HTTP on the loopback interface that keeps state, serves RFC 7644's
 * list, error and PatchOp shapes, and checks every request a client sends: the bearer token, the body
 * against the published schemas ({@link ScimSchemas}), and the query against what its
 * {@code /ServiceProviderConfig} declares. A request that breaks a rule is answered 400 and recorded
 * in {@link #violations()}, which tests assert to be empty.
 *
 * <p>Faults are queued with {@link #fault}: the next request that matches gets the fault instead of (or
 * besides) its ordinary answer.
 */
final class ScimSimulator implements AutoCloseable {

    private static final Pattern PATH = Pattern.compile("/scim/v2/(Users|Groups|ServiceProviderConfig)(?:/([^/]+))?");

    /** What goes wrong with one request. */
    sealed interface Fault {}

    /** Answered with this status and a SCIM error, and nothing done. */
    record Refusal(int status, @Nullable String retryAfter) implements Fault {}

    /** Answered as usual after a wait. */
    record Slowness(Duration delay) implements Fault {}

    /** Carried out, but the answer is held back for longer than the client waits. */
    record LostAnswer(Duration delay) implements Fault {}

    /** Something another administrator does just before the request is carried out. */
    record Interference(Runnable change) implements Fault {}

    /** What the server does with a filter while its configuration says it filters. */
    enum Filtering {
        EVALUATED,
        /** Refused with 400 invalidFilter where it filters on members, as servers that cannot do so answer. */
        MEMBER_FILTERS_REFUSED,
        /** Left out, every resource listed, as some servers do with a filter they do not understand. */
        IGNORED
    }

    /** @param arrivedAt {@link System#nanoTime()} when the request arrived */
    record Request(String method, String path, Map<String, String> query, long arrivedAt) {}

    private record QueuedFault(Predicate<Request> matches, Fault fault) {}

    final SimulatedResources resources = new SimulatedResources();
    private final String token;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool();
    private final JsonMapper json = JsonMapper.builder().build();
    private final ScimSchemas schemas = new ScimSchemas();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final Deque<QueuedFault> faults = new ConcurrentLinkedDeque<>();
    private volatile boolean patchSupported = true;
    private volatile boolean filterSupported = true;
    private volatile int maxResults = 200;
    private volatile Filtering filtering = Filtering.EVALUATED;
    private volatile boolean servesConfiguration = true;

    ScimSimulator(String token) {
        this.token = token;
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
    }

    /** What the simulator declares, and keeps to, in its ServiceProviderConfig. */
    void declare(boolean patch, boolean filter, int maxResults) {
        this.patchSupported = patch;
        this.filterSupported = filter;
        this.maxResults = maxResults;
    }

    void filtering(Filtering filtering) {
        this.filtering = filtering;
    }

    /** Whether {@code /ServiceProviderConfig} exists; without it, it answers 404. */
    void servesConfiguration(boolean serves) {
        this.servesConfiguration = serves;
    }

    void fault(String method, String pathPrefix, Fault fault) {
        faults.add(new QueuedFault(r -> r.method().equals(method) && r.path().startsWith("/scim/v2" + pathPrefix),
                fault));
    }

    List<String> violations() {
        return List.copyOf(violations);
    }

    List<Request> requests() {
        return List.copyOf(requests);
    }

    /** Forgets the requests seen so far. */
    void forget() {
        requests.clear();
    }

    /** Back to declaring and doing everything, with no fault queued and nothing seen. */
    void reset() {
        declare(true, true, 200);
        filtering = Filtering.EVALUATED;
        servesConfiguration = true;
        violations.clear();
        requests.clear();
        faults.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var request = new Request(exchange.getRequestMethod(), exchange.getRequestURI().getRawPath(),
                    query(exchange.getRequestURI()), System.nanoTime());
            requests.add(request);
            byte[] body = exchange.getRequestBody().readAllBytes();
            Fault fault = takeFault(request);
            if (fault instanceof Slowness slowness) {
                sleep(slowness.delay());
            }
            if (fault instanceof Interference interference) {
                interference.change().run();
            }
            Answer answer;
            try {
                if (fault instanceof Refusal refusal) {
                    if (refusal.retryAfter() != null) {
                        exchange.getResponseHeaders().set("Retry-After", refusal.retryAfter());
                    }
                    throw new ScimError(refusal.status(), null, "injected fault: " + refusal.status());
                }
                answer = answer(exchange, request, body);
            } catch (ScimError error) {
                answer = new Answer(error.status, error.body());
            }
            if (fault instanceof LostAnswer lost) {
                sleep(lost.delay());
            }
            send(exchange, answer);
        }
    }

    private record Answer(int status, @Nullable JsonNode body) {}

    private Answer answer(HttpExchange exchange, Request request, byte[] body) {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            throw new ScimError(401, null, "the bearer token is missing or wrong");
        }
        Matcher path = PATH.matcher(request.path());
        if (!path.matches()) {
            throw new ScimError(404, null, "no endpoint " + request.path());
        }
        checkQuery(request.query());
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (body.length > 0 && (contentType == null || !contentType.startsWith("application/scim+json"))) {
            reject("a body must be sent as application/scim+json (RFC 7644 section 3.1), not " + contentType);
        }
        String endpoint = path.group(1);
        String id = path.group(2) == null ? null : URLDecoder.decode(path.group(2), StandardCharsets.UTF_8);
        String resourceType = endpoint.equals("Users") ? "User" : "Group";
        return switch (request.method() + " " + endpoint + (id == null ? "" : "/{id}")) {
            case "GET ServiceProviderConfig" -> {
                if (!servesConfiguration) {
                    throw new ScimError(404, null, "no endpoint " + request.path());
                }
                yield new Answer(200, serviceProviderConfig());
            }
            case "GET Users", "GET Groups" -> new Answer(200, list(endpoint, request.query()));
            case "GET Users/{id}", "GET Groups/{id}" -> new Answer(200, projected(find(endpoint, id), request.query()));
            case "POST Users" -> {
                ObjectNode user = (ObjectNode) valid(body, b -> schemas.creationProblems(resourceType, b));
                yield new Answer(201, projected(resources.createUser(user), request.query()));
            }
            case "PATCH Users/{id}", "PATCH Groups/{id}" -> {
                if (!patchSupported) {
                    violations.add("PATCH " + request.path() + " although patch.supported is false");
                    throw new ScimError(501, null, "PATCH is not supported");
                }
                JsonNode message = valid(body, b -> schemas.patchProblems(resourceType, b));
                yield new Answer(200, projected(resources.patch(endpoint, id, message), request.query()));
            }
            default -> throw new ScimError(405, null, request.method() + " " + request.path() + " is not served");
        };
    }

    private ObjectNode list(String endpoint, Map<String, String> query) {
        String filter = query.get("filter");
        if (filter != null && !filterSupported) {
            violations.add("a filter was sent although filter.supported is false: " + filter);
            filter = null;
        }
        if (filter != null && filtering == Filtering.MEMBER_FILTERS_REFUSED && filter.contains("members[")) {
            throw new ScimError(400, "invalidFilter", "filters on members are not supported");
        }
        if (filtering == Filtering.IGNORED) {
            filter = null;
        }
        List<ObjectNode> matching = resources.list(endpoint, filter);
        int startIndex = Math.max(1, Integer.parseInt(query.getOrDefault("startIndex", "1")));
        int count = Math.min(maxResults, Integer.parseInt(query.getOrDefault("count", String.valueOf(maxResults))));
        List<ObjectNode> page = matching.subList(Math.min(matching.size(), startIndex - 1),
                Math.min(matching.size(), startIndex - 1 + count));
        ObjectNode list = json.createObjectNode();
        list.putArray("schemas").add("urn:ietf:params:scim:api:messages:2.0:ListResponse");
        list.put("totalResults", matching.size());
        list.put("startIndex", startIndex);
        list.put("itemsPerPage", page.size());
        var resourcesNode = list.putArray("Resources");
        page.forEach(resource -> resourcesNode.add(projected(resource, query)));
        return list;
    }

    private ObjectNode find(String endpoint, String id) {
        return (endpoint.equals("Users") ? resources.user(id) : resources.group(id))
                .orElseThrow(() -> new ScimError(404, null, endpoint + " " + id + " does not exist"));
    }

    private static ObjectNode projected(ObjectNode resource, Map<String, String> query) {
        return SimulatedResources.project(resource, query.get("attributes"), query.get("excludedAttributes"));
    }

    /** Paging parameters are integers (RFC 7644 section 3.4.2.4); only parameters the RFC defines are accepted. */
    private void checkQuery(Map<String, String> query) {
        for (var parameter : query.entrySet()) {
            switch (parameter.getKey()) {
                case "startIndex", "count" -> {
                    if (!parameter.getValue().matches("\\d+")) {
                        reject(parameter.getKey() + " must be a non-negative integer, not " + parameter.getValue());
                    }
                    if (parameter.getKey().equals("count") && Integer.parseInt(parameter.getValue()) > maxResults) {
                        violations.add("count " + parameter.getValue() + " is above the declared maxResults " + maxResults);
                    }
                }
                case "filter", "attributes", "excludedAttributes", "sortBy", "sortOrder" -> { }
                default -> reject("unknown query parameter " + parameter.getKey());
            }
        }
    }

    private JsonNode valid(byte[] body, java.util.function.Function<JsonNode, List<String>> problems) {
        JsonNode parsed;
        try {
            parsed = json.readTree(body);
        } catch (JacksonException e) {
            return reject("the body is not JSON");
        }
        List<String> found = problems.apply(parsed);
        if (!found.isEmpty()) {
            reject(String.join("; ", found));
        }
        return parsed;
    }

    private JsonNode reject(String problem) {
        violations.add(problem);
        throw new ScimError(400, "invalidSyntax", problem);
    }

    private ObjectNode serviceProviderConfig() {
        ObjectNode config = json.createObjectNode();
        config.putArray("schemas").add("urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig");
        config.putObject("patch").put("supported", patchSupported);
        config.putObject("bulk").put("supported", false).put("maxOperations", 0).put("maxPayloadSize", 0);
        config.putObject("filter").put("supported", filterSupported).put("maxResults", maxResults);
        config.putObject("changePassword").put("supported", false);
        config.putObject("sort").put("supported", false);
        config.putObject("etag").put("supported", false);
        config.putArray("authenticationSchemes").addObject().put("type", "oauthbearertoken").put("name", "Bearer")
                .put("description", "a bearer token");
        return config;
    }

    private @Nullable Fault takeFault(Request request) {
        for (QueuedFault queued : faults) {
            if (queued.matches().test(request) && faults.remove(queued)) {
                return queued.fault();
            }
        }
        return null;
    }

    private void send(HttpExchange exchange, Answer answer) throws IOException {
        byte[] bytes = answer.body() == null ? new byte[0] : json.writeValueAsBytes(answer.body());
        exchange.getResponseHeaders().set("Content-Type", "application/scim+json");
        exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        } catch (IOException e) {
            // the client stopped waiting (a lost answer): what was done stays done
        }
    }

    private static Map<String, String> query(URI uri) {
        var query = new HashMap<String, String>();
        if (uri.getRawQuery() != null) {
            for (String pair : uri.getRawQuery().split("&")) {
                int equals = pair.indexOf('=');
                String name = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
                String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
                query.put(name, value);
            }
        }
        return query;
    }

    private static void sleep(Duration wait) {
        try {
            Thread.sleep(wait.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
