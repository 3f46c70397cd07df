package dev.clavis.support;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A Slack workspace over HTTP, for the Slack app's tests: its Web API (the methods Clavis uses) keeps
 * users, direct messages with their edits, and open modals, and answers with Slack's shapes and errors
 * ({@code users_not_found}, {@code message_not_found}, {@code hash_conflict}, {@code 429} with
 * {@code Retry-After}). Every Web API call is checked against Slack's published OpenAPI description
 * (method known, arguments known, required ones present, booleans boolean); a call that breaks it is
 * answered {@code invalid_arguments} and kept in {@link #violations()}. Arguments are read as Slack
 * reads them: query string and form-encoded body, or a JSON body for the methods that take one. It also serves
 * {@code response_url}s and keeps what was posted to them, and Socket Mode ({@link #socketMode()}):
 * {@code apps.connections.open}, which the published description predates, is checked as Slack documents
 * it (an app-level token, no arguments besides) and answers the address of the simulated WebSocket.
 */
public final class SlackSimulator implements AutoCloseable {

    public static final String BOT_TOKEN = "xoxb-simulated-bot-token";
    public static final String APP_TOKEN = "xapp-1-ASIM-1-simulated-app-token";

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final JsonNode SPEC = loadSpec();
    /** The methods here that Slack's documentation says also take a JSON body; the others take forms only. */
    private static final Set<String> JSON_METHODS = Set.of("chat.postMessage", "chat.update", "views.open", "views.update");

    private final HttpServer server;
    private final SlackSocketMode socketMode = new SlackSocketMode();
    private final Map<String, String> emails = new HashMap<>();
    private final Map<String, Message> messages = new LinkedHashMap<>();
    private final List<Call> calls = new ArrayList<>();
    private final Map<String, List<JsonNode>> responses = new HashMap<>();
    private final Map<String, View> views = new HashMap<>();
    private final List<String> violations = new ArrayList<>();
    private final AtomicLong clock = new AtomicLong(1_700_000_000_000L);
    private final AtomicInteger rateLimited = new AtomicInteger();
    private final AtomicInteger rateLimitedAnswers = new AtomicInteger();
    private volatile boolean down;

    /** A message as it is now, and every text it showed. */
    public record Message(String channel, String ts, String user, JsonNode blocks, String text, List<String> history) {}

    public record Call(String method, Map<String, String> arguments, Instant at) {}

    public record View(String id, String hash, JsonNode view, String triggerId) {}

    public SlackSimulator() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/api/", this::api);
        server.createContext("/response/", this::response);
        server.start();
    }

    public String apiBaseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/api/";
    }

    public String responseUrl(String id) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/response/" + id;
    }

    public synchronized void user(String id, String email) {
        emails.put(id, email);
    }

    /** The direct-message channel between the app and a user. */
    public static String dm(String userId) {
        return "D" + userId;
    }

    public synchronized List<Message> messagesTo(String userId) {
        return messages.values().stream().filter(m -> m.channel().equals(dm(userId))).toList();
    }

    public synchronized List<JsonNode> responsesTo(String id) {
        return List.copyOf(responses.getOrDefault(id, List.of()));
    }

    public synchronized List<Call> calls(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).toList();
    }

    /** The modal opened with this trigger, as it is now. */
    public synchronized java.util.Optional<View> viewOpenedBy(String triggerId) {
        return views.values().stream().filter(v -> triggerId.equals(v.triggerId())).findFirst();
    }

    /** How many calls were answered 429. */
    public int rateLimitedCalls() {
        return rateLimitedAnswers.get();
    }

    public synchronized List<String> violations() {
        var all = new ArrayList<>(violations);
        all.addAll(socketMode.violations());
        return all;
    }

    /** Slack's end of the app's Socket Mode connections. */
    public SlackSocketMode socketMode() {
        return socketMode;
    }

    /** The next {@code count} Web API calls are answered 429 with {@code Retry-After: 1}. */
    public void rateLimitNext(int count) {
        rateLimited.set(count);
    }

    /** While down, every Web API call is answered 503. */
    public void down(boolean down) {
        this.down = down;
    }

    private void api(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestURI().getPath().substring("/api/".length());
        String unreadable = null;
        Map<String, String> arguments;
        try {
            arguments = arguments(method, exchange);
        } catch (IllegalArgumentException e) {
            unreadable = e.getMessage();
            arguments = Map.of();
        }
        if (down) {
            send(exchange, 503, "{\"ok\":false,\"error\":\"service_unavailable\"}");
            return;
        }
        if (rateLimited.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            rateLimitedAnswers.incrementAndGet();
            exchange.getResponseHeaders().add("Retry-After", "1");
            send(exchange, 429, "{\"ok\":false,\"error\":\"ratelimited\"}");
            return;
        }
        String answer;
        synchronized (this) {
            calls.add(new Call(method, arguments, Instant.now()));
            String authorization = exchange.getRequestHeaders().getFirst("Authorization");
            String violation = unreadable != null ? unreadable
                    : method.equals("apps.connections.open") ? connectionsOpenViolation(arguments, authorization)
                    : violation(method, arguments, authorization);
            if (violation != null) {
                violations.add(method + ": " + violation);
                answer = error(violation.startsWith("auth") ? "invalid_auth" : "invalid_arguments");
            } else {
                answer = handle(method, arguments).toString();
            }
        }
        send(exchange, 200, answer);
    }

    private ObjectNode handle(String method, Map<String, String> arguments) {
        return switch (method) {
            case "users.info" -> {
                String email = emails.get(arguments.get("user"));
                yield email == null ? errorNode("user_not_found") : ok().set("user", userNode(arguments.get("user"), email));
            }
            case "users.lookupByEmail" -> emails.entrySet().stream()
                    .filter(e -> e.getValue().equalsIgnoreCase(arguments.get("email"))).findFirst()
                    .map(e -> (ObjectNode) ok().set("user", userNode(e.getKey(), e.getValue())))
                    .orElseGet(() -> errorNode("users_not_found"));
            case "chat.postMessage" -> post(arguments);
            case "chat.update" -> update(arguments);
            case "views.open" -> openView(arguments);
            case "views.update" -> updateView(arguments);
            case "apps.connections.open" -> ok().put("url", socketMode.issueUrl());
            default -> errorNode("unknown_method");
        };
    }

    private ObjectNode post(Map<String, String> arguments) {
        String channel = arguments.get("channel");
        if (!emails.containsKey(channel)) {
            return errorNode("channel_not_found");
        }
        String ts = nextTs();
        var message = new Message(dm(channel), ts, channel, blocks(arguments), arguments.getOrDefault("text", ""),
                new ArrayList<>(List.of(everything(arguments))));
        messages.put(message.channel() + "/" + ts, message);
        ObjectNode answer = ok();
        answer.put("channel", message.channel());
        answer.put("ts", ts);
        return answer;
    }

    private ObjectNode update(Map<String, String> arguments) {
        String key = arguments.get("channel") + "/" + arguments.get("ts");
        Message old = messages.get(key);
        if (old == null) {
            return errorNode("message_not_found");
        }
        var history = new ArrayList<>(old.history());
        history.add(everything(arguments));
        messages.put(key, new Message(old.channel(), old.ts(), old.user(), blocks(arguments), arguments.getOrDefault("text", ""), history));
        ObjectNode answer = ok();
        answer.put("channel", old.channel());
        answer.put("ts", old.ts());
        return answer;
    }

    private ObjectNode openView(Map<String, String> arguments) {
        String id = "V" + nextTs().replace(".", "");
        var view = new View(id, nextTs(), JSON.readTree(arguments.get("view")), arguments.get("trigger_id"));
        views.put(id, view);
        return ok().set("view", viewNode(view));
    }

    private ObjectNode updateView(Map<String, String> arguments) {
        View old = views.get(arguments.get("view_id"));
        if (old == null) {
            return errorNode("not_found");
        }
        if (arguments.containsKey("hash") && !arguments.get("hash").equals(old.hash())) {
            return errorNode("hash_conflict");
        }
        var view = new View(old.id(), nextTs(), JSON.readTree(arguments.get("view")), old.triggerId());
        views.put(view.id(), view);
        return ok().set("view", viewNode(view));
    }

    private void response(HttpExchange exchange) throws IOException {
        String id = exchange.getRequestURI().getPath().substring("/response/".length());
        JsonNode body;
        try (InputStream in = exchange.getRequestBody()) {
            body = JSON.readTree(in.readAllBytes());
        }
        synchronized (this) {
            responses.computeIfAbsent(id, k -> new ArrayList<>()).add(body);
        }
        send(exchange, 200, "ok");
    }

    /** As Slack's documentation of the method has it: an app-level token, and no argument. */
    private static String connectionsOpenViolation(Map<String, String> arguments, String authorization) {
        if (!("Bearer " + APP_TOKEN).equals(authorization)) {
            return "auth: apps.connections.open takes the app-level token";
        }
        return arguments.isEmpty() ? null : "the argument " + arguments.keySet() + " is not one of apps.connections.open's";
    }

    /** Against the OpenAPI description: the method, each argument's name and, for booleans, its type. */
    private String violation(String method, Map<String, String> arguments, String authorization) {
        if (!("Bearer " + BOT_TOKEN).equals(authorization)) {
            return "auth: the bot token is missing or wrong";
        }
        JsonNode path = SPEC.path("paths").path("/" + method);
        if (path.isMissingNode()) {
            return "the Web API has no method " + method;
        }
        JsonNode operation = path.has("post") ? path.get("post") : path.get("get");
        Set<String> known = new HashSet<>();
        for (JsonNode parameter : operation.path("parameters")) {
            String name = parameter.path("name").asString();
            known.add(name);
            if (name.equals("token")) {
                continue;
            }
            if (parameter.path("required").asBoolean(false) && !arguments.containsKey(name)) {
                return "the required argument " + name + " is missing";
            }
            String value = arguments.get(name);
            if (value != null && parameter.path("type").asString("").equals("boolean") && !value.matches("true|false|1|0")) {
                return name + " must be a boolean, not " + value;
            }
        }
        for (String name : arguments.keySet()) {
            if (!known.contains(name)) {
                return "the argument " + name + " is not one of " + method + "'s";
            }
        }
        return null;
    }

    /**
     * The arguments as Slack reads them: from the query string and a form-encoded body, or, for the
     * methods that take one, a JSON body (strings as they are, objects and arrays as their JSON).
     */
    private static Map<String, String> arguments(String method, HttpExchange exchange) throws IOException {
        var arguments = new LinkedHashMap<String, String>();
        String query = exchange.getRequestURI().getRawQuery();
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String type = String.valueOf(exchange.getRequestHeaders().getFirst("Content-Type")).split(";")[0].strip().toLowerCase();
        if (type.equals("application/json")) {
            if (!JSON_METHODS.contains(method)) {
                throw new IllegalArgumentException(method + " does not take a JSON body");
            }
            JSON.readTree(body).properties().forEach(argument -> arguments.put(argument.getKey(),
                    argument.getValue().isString() ? argument.getValue().asString() : argument.getValue().toString()));
            body = "";
        } else if (!body.isEmpty() && !type.equals("application/x-www-form-urlencoded")) {
            throw new IllegalArgumentException("a body of type " + type + " is neither form-encoded nor JSON");
        }
        for (String part : ((query == null ? "" : query) + "&" + body).split("&")) {
            if (!part.isEmpty()) {
                int equals = part.indexOf('=');
                arguments.put(URLDecoder.decode(equals < 0 ? part : part.substring(0, equals), StandardCharsets.UTF_8),
                        equals < 0 ? "" : URLDecoder.decode(part.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return arguments;
    }

    private static JsonNode blocks(Map<String, String> arguments) {
        return arguments.containsKey("blocks") ? JSON.readTree(arguments.get("blocks")) : JSON.createArrayNode();
    }

    /** The text and every text inside the blocks: what a person reading the message sees. */
    private static String everything(Map<String, String> arguments) {
        return arguments.getOrDefault("text", "") + "\n" + arguments.getOrDefault("blocks", "");
    }

    private String nextTs() {
        long micros = clock.incrementAndGet();
        return micros / 1_000_000 + "." + String.format("%06d", micros % 1_000_000);
    }

    private static ObjectNode userNode(String id, String email) {
        ObjectNode user = JSON.createObjectNode();
        user.put("id", id);
        user.put("name", email.substring(0, email.indexOf('@')));
        user.putObject("profile").put("email", email);
        return user;
    }

    private static ObjectNode viewNode(View view) {
        ObjectNode node = ((ObjectNode) view.view()).deepCopy();
        node.put("id", view.id());
        node.put("hash", view.hash());
        return node;
    }

    private static ObjectNode ok() {
        return JSON.createObjectNode().put("ok", true);
    }

    private static ObjectNode errorNode(String error) {
        return JSON.createObjectNode().put("ok", false).put("error", error);
    }

    private static String error(String error) {
        return errorNode(error).toString();
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    private static JsonNode loadSpec() {
        try (InputStream in = SlackSimulator.class.getResourceAsStream("/specs/slack/slack_web_openapi_v2.json")) {
            return JSON.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        socketMode.close();
        server.stop(0);
    }
}
