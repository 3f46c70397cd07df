package dev.clavis.connector.entra.simulator;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Microsoft Graph v1.0 and Entra ID's token endpoint, simulated over HTTPS on the loopback address, with
 * state ({@link SimulatedTenant}), Graph's paging ({@code @odata.nextLink}, delta links) and error shapes,
 * and the permission and licence checks Graph makes. Every request body and every {@code $select} is
 * checked against Graph's CSDL ({@link GraphMetadata}), and so is every entity the simulator answers; what
 * fails is answered as Graph would (400) and kept in {@link #violations()}, so a test can insist on none.
 *
 * <p>Like Graph, {@code DELETE /groups/{id}/members/{id}} without {@code /$ref} deletes the user object;
 * {@link #deletesOtherThanMemberReferences()} lists every such request.
 */
public final class GraphSimulator implements AutoCloseable {

    public static final String CLIENT_ID = "5f1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d";
    public static final String CLIENT_SECRET = "sim~secret.NotForProduction_0123456789";
    public static final Set<String> ALL_PERMISSIONS =
            Set.of("User.Read.All", "User.ReadWrite.All", "GroupMember.Read.All", "GroupMember.ReadWrite.All",
                    "AuditLog.Read.All");

    private static final int DELTA_PAGE = 4;
    private static final Pattern TOKEN_PATH = Pattern.compile("/([^/]+)/oauth2/v2\\.0/token");
    private static final Pattern MEMBER_REFERENCE = Pattern.compile("/groups/[^/]+/members/[^/]+/\\$ref");

    private final String tenantId = UUID.randomUUID().toString();
    private final SimulatedTenant tenant = new SimulatedTenant();
    private final GraphMetadata metadata = GraphMetadata.v1();
    private final TestCertificates.Identity tls = TestCertificates.loopbackServer();
    private final TokenEndpoint tokens = new TokenEndpoint(tenantId, CLIENT_ID, CLIENT_SECRET);
    private final Set<String> permissions = Collections.synchronizedSet(new HashSet<>(ALL_PERMISSIONS));
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<Fault> faults = new CopyOnWriteArrayList<>();
    private final ExecutorService threads = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "graph-simulator");
        thread.setDaemon(true);
        return thread;
    });
    private final HttpsServer server;
    private volatile boolean premium = true;

    private GraphSimulator() throws IOException {
        server = HttpsServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls.serverContext()));
        server.setExecutor(threads);
        server.createContext("/", this::handle);
        server.start();
    }

    public static GraphSimulator start() {
        try {
            return new GraphSimulator();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start the Graph simulator", e);
        }
    }

    public String origin() {
        return "https://127.0.0.1:" + server.getAddress().getPort();
    }

    public String graphBaseUrl() {
        return origin() + "/v1.0";
    }

    public String tenantId() {
        return tenantId;
    }

    public SimulatedTenant tenant() {
        return tenant;
    }

    /** The connector's trust-store setting for this simulator's self-signed certificate. */
    public Path writeTrustStore(Path file, String password) {
        return tls.writeTrustStore(file, password);
    }

    public void registerCertificate(X509Certificate certificate) {
        tokens.registerCertificate(certificate);
    }

    public void revoke(String permission) {
        permissions.remove(permission);
    }

    public void grant(String permission) {
        permissions.add(permission);
    }

    /** Whether the tenant has Entra ID P1 or P2, without which Graph refuses signInActivity. */
    public void premium(boolean premium) {
        this.premium = premium;
    }

    public void inject(Fault fault) {
        faults.add(fault);
    }

    /** Every request received, as {@code METHOD /path?query}. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    public int tokensIssued() {
        return tokens.tokensIssued();
    }

    /** Requests and answers that broke Graph's published metadata; empty when the connector spoke Graph. */
    public List<String> violations() {
        return List.copyOf(violations);
    }

    /** DELETE requests of any form other than {@code /groups/{id}/members/{id}/$ref}. */
    public List<String> deletesOtherThanMemberReferences() {
        return requests.stream()
                .filter(request -> request.startsWith("DELETE "))
                .filter(request -> !MEMBER_REFERENCE.matcher(graphPath(request.substring(7))).matches())
                .toList();
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String rawPath = exchange.getRequestURI().getRawPath();
        String rawQuery = exchange.getRequestURI().getRawQuery();
        requests.add(method + " " + rawPath + (rawQuery == null ? "" : "?" + rawQuery));
        byte[] requestBody;
        try (InputStream in = exchange.getRequestBody()) {
            requestBody = in.readAllBytes();
        }
        try {
            Matcher token = TOKEN_PATH.matcher(rawPath);
            if (method.equals("POST") && token.matches()) {
                var answer = tokens.token(token.group(1), new String(requestBody, StandardCharsets.UTF_8),
                        origin() + rawPath, origin() + "/.default");
                send(exchange, answer.status(), answer.body(), null);
                return;
            }
            if (!rawPath.startsWith("/v1.0/")) {
                throw new GraphError(404, "UnknownPath", "No simulated endpoint at " + rawPath);
            }
            String path = graphPath(exchange.getRequestURI().getPath());
            boolean loseResponse = false;
            for (Fault fault : faults) {
                if (fault.claim(method, path)) {
                    switch (fault.kind) {
                        case ANSWER -> {
                            sendError(exchange, new GraphError(fault.status, fault.code, fault.message), fault.retryAfter);
                            return;
                        }
                        case DELAY -> sleep(fault.delay.toMillis());
                        case LOSE_RESPONSE -> loseResponse = true;
                    }
                    break;
                }
            }
            authenticate(exchange);
            var request = new Request(method, path, query(rawQuery), requestBody);
            Answer answer = route(request);
            if (loseResponse) {
                // the change is made; the client never hears so
                exchange.close();
                return;
            }
            checkAnswer(request, answer);
            send(exchange, answer.status(), answer.body(), null);
        } catch (GraphError error) {
            sendError(exchange, error, null);
        } catch (RuntimeException e) {
            violations.add("simulator failure on " + method + " " + rawPath + ": " + e);
            sendError(exchange, new GraphError(500, "generalException", e.toString()), null);
        }
    }

    private record Request(String method, String path, Map<String, String> query, byte[] body) {

        JsonNode json() {
            try {
                return SimulatedTenant.JSON.readTree(body);
            } catch (JacksonException e) {
                throw GraphError.badRequest("Invalid JSON: " + e.getOriginalMessage());
            }
        }
    }

    /**
     * @param entityType the type of the answered entity, or of each element of {@code value} when
     *     {@code collection}; null for answers without entities
     */
    private record Answer(int status, @Nullable JsonNode body, @Nullable String entityType, boolean collection) {

        static Answer noContent() {
            return new Answer(204, null, null, false);
        }
    }

    private Answer route(Request request) {
        String[] segments = request.path().substring(1).split("/");
        String method = request.method();
        if (segments[0].equals("users")) {
            if (segments.length == 1 && method.equals("GET")) {
                require("User.Read.All");
                return listUsers(request);
            }
            if (segments.length == 1 && method.equals("POST")) {
                require("User.ReadWrite.All");
                return createUser(request);
            }
            if (segments.length == 2 && segments[1].equals("delta") && method.equals("GET")) {
                require("User.Read.All");
                return userDelta(request);
            }
            if (segments.length == 2 && method.equals("GET")) {
                require("User.Read.All");
                return getUser(request, segments[1]);
            }
            if (segments.length == 2 && method.equals("PATCH")) {
                require("User.ReadWrite.All");
                return updateUser(request, segments[1]);
            }
            if (segments.length == 2 && method.equals("DELETE")) {
                require("User.ReadWrite.All");
                existingUser(segments[1]);
                tenant.deleteUser(segments[1]);
                return Answer.noContent();
            }
            if (segments.length == 4 && segments[2].equals("manager") && segments[3].equals("$ref")
                    && method.equals("PUT")) {
                require("User.ReadWrite.All");
                existingUser(segments[1]);
                String manager = referencedId(request);
                if (tenant.user(manager).isEmpty()) {
                    throw GraphError.notFound(manager);
                }
                tenant.setManager(segments[1], manager);
                return Answer.noContent();
            }
        }
        if (segments[0].equals("groups")) {
            if (segments.length == 1 && method.equals("GET")) {
                require("GroupMember.Read.All");
                return listGroups(request);
            }
            if (segments.length == 2 && segments[1].equals("delta") && method.equals("GET")) {
                require("GroupMember.Read.All");
                return groupDelta(request);
            }
            if (segments.length == 2 && method.equals("GET")) {
                require("GroupMember.Read.All");
                ObjectNode group = tenant.group(segments[1]).orElseThrow(() -> GraphError.notFound(segments[1]));
                allowOnly(request, "$select");
                return new Answer(200, project(group, "microsoft.graph.group", selected(request, "microsoft.graph.group",
                        List.of("id", "displayName", "description", "mailEnabled", "mailNickname", "securityEnabled")),
                        "groups/$entity"), "microsoft.graph.group", false);
            }
            if (segments.length == 2 && method.equals("DELETE")) {
                tenant.group(segments[1]).orElseThrow(() -> GraphError.notFound(segments[1]));
                tenant.deleteGroup(segments[1]);
                return Answer.noContent();
            }
            if (segments.length == 3 && segments[2].equals("members") && method.equals("GET")) {
                require("GroupMember.Read.All");
                return listMembers(request, segments[1]);
            }
            if (segments.length == 4 && segments[2].equals("members") && segments[3].equals("$ref")
                    && method.equals("POST")) {
                require("GroupMember.ReadWrite.All");
                return addMember(request, segments[1]);
            }
            if (segments.length == 5 && segments[2].equals("members") && segments[4].equals("$ref")
                    && method.equals("DELETE")) {
                require("GroupMember.ReadWrite.All");
                tenant.group(segments[1]).orElseThrow(() -> GraphError.notFound(segments[1]));
                if (!tenant.removeMember(segments[1], segments[3])) {
                    throw GraphError.notFound(segments[3]);
                }
                return Answer.noContent();
            }
            if (segments.length == 4 && segments[2].equals("members") && method.equals("DELETE")) {
                // what Graph does with the reference's target when /$ref is left out
                require("User.ReadWrite.All");
                existingUser(segments[3]);
                tenant.deleteUser(segments[3]);
                return Answer.noContent();
            }
        }
        if (segments[0].equals("directoryObjects") && segments.length == 2 && method.equals("DELETE")) {
            existingUser(segments[1]);
            tenant.deleteUser(segments[1]);
            return Answer.noContent();
        }
        throw new GraphError(400, "BadRequest", "Resource not found for the segment '" + segments[0] + "'.");
    }

    private Answer listUsers(Request request) {
        allowOnly(request, "$select", "$expand", "$top", "$skiptoken", "$filter");
        List<String> select = selected(request, "microsoft.graph.user", DEFAULT_USER_FIELDS);
        boolean withSignIn = select.contains("signInActivity");
        int top = top(request, withSignIn ? 120 : 999);
        boolean manager = expandsManager(request);
        List<ObjectNode> users = filteredById(request, tenant.users());
        return page(request, users, top, user -> projectUser(user, select, manager), "microsoft.graph.user",
                "users(" + String.join(",", select) + ")");
    }

    private Answer getUser(Request request, String idOrPrincipalName) {
        allowOnly(request, "$select", "$expand");
        ObjectNode user = tenant.user(idOrPrincipalName)
                .or(() -> tenant.userByPrincipalName(idOrPrincipalName))
                .orElseThrow(() -> GraphError.notFound(idOrPrincipalName));
        List<String> select = selected(request, "microsoft.graph.user", DEFAULT_USER_FIELDS);
        if (select.contains("signInActivity") && !user.path("id").asString().equals(idOrPrincipalName)) {
            throw GraphError.badRequest("Get By Key only supports UserId and the key has to be a valid Guid");
        }
        ObjectNode projected = projectUser(user, select, expandsManager(request));
        projected.put("@odata.context", graphBaseUrl() + "/$metadata#users(" + String.join(",", select) + ")/$entity");
        return new Answer(200, projected, "microsoft.graph.user", false);
    }

    private Answer createUser(Request request) {
        JsonNode body = validBody(request, "microsoft.graph.user");
        for (String property : List.of("accountEnabled", "displayName", "mailNickname", "userPrincipalName")) {
            if (!body.has(property)) {
                throw GraphError.badRequest("Property '" + property + "' is required when creating the user.");
            }
        }
        if (!body.path("passwordProfile").path("password").isString()) {
            throw GraphError.badRequest("Property 'passwordProfile' is required when creating the user.");
        }
        String principal = body.path("userPrincipalName").asString();
        if (tenant.userByPrincipalName(principal).isPresent()) {
            throw GraphError.badRequest("Another object with the same value for property userPrincipalName already exists.");
        }
        String id = tenant.createUser((ObjectNode) body);
        ObjectNode created = projectUser(tenant.user(id).orElseThrow(), DEFAULT_USER_FIELDS, false);
        created.put("@odata.context", graphBaseUrl() + "/$metadata#users/$entity");
        return new Answer(201, created, "microsoft.graph.user", false);
    }

    private Answer updateUser(Request request, String id) {
        existingUser(id);
        JsonNode body = validBody(request, "microsoft.graph.user");
        for (String readOnly : List.of("id", "signInActivity", "passwordProfile")) {
            if (body.has(readOnly)) {
                throw GraphError.badRequest("Property '" + readOnly + "' is read-only and cannot be set.");
            }
        }
        tenant.update(id, body);
        return Answer.noContent();
    }

    private Answer listGroups(Request request) {
        allowOnly(request, "$select", "$top", "$skiptoken", "$filter");
        List<String> select = selected(request, "microsoft.graph.group", DEFAULT_GROUP_FIELDS);
        List<ObjectNode> groups = filteredById(request, tenant.groups());
        return page(request, groups, top(request, 999), group -> project(group, "microsoft.graph.group", select, null),
                "microsoft.graph.group", "groups(" + String.join(",", select) + ")");
    }

    private Answer listMembers(Request request, String groupId) {
        tenant.group(groupId).orElseThrow(() -> GraphError.notFound(groupId));
        allowOnly(request, "$select", "$top", "$skiptoken");
        List<String> select = selected(request, "microsoft.graph.directoryObject", List.of("id"));
        List<ObjectNode> members = tenant.members(groupId).stream()
                .map(id -> tenant.directoryObject(id).orElseThrow())
                .toList();
        return page(request, members, top(request, 999), member -> {
            ObjectNode projected = SimulatedTenant.JSON.createObjectNode().put("@odata.type", member.path("@odata.type").asString());
            for (String field : select) {
                projected.set(field, member.path(field).isMissingNode() ? null : member.get(field));
            }
            return projected;
        }, "microsoft.graph.directoryObject", "directoryObjects");
    }

    private Answer addMember(Request request, String groupId) {
        String memberId = referencedId(request);
        tenant.group(groupId).orElseThrow(() -> GraphError.notFound(groupId));
        if (tenant.directoryObject(memberId).isEmpty()) {
            throw GraphError.notFound(memberId);
        }
        if (!tenant.addMember(groupId, memberId)) {
            throw GraphError.badRequest(
                    "One or more added object references already exist for the following modified properties: 'members'.");
        }
        return Answer.noContent();
    }

    private Answer userDelta(Request request) {
        allowOnly(request, "$select", "$deltatoken", "$skiptoken");
        DeltaState state = deltaState(request, "microsoft.graph.user");
        var changed = new LinkedHashMap<String, Boolean>();
        for (SimulatedTenant.Change change : tenant.changesSince(state.from())) {
            switch (change.kind()) {
                case USER -> changed.put(change.id(), true);
                case USER_REMOVED -> changed.put(change.id(), false);
                default -> { }
            }
        }
        List<ObjectNode> entries = new ArrayList<>();
        for (var entry : changed.entrySet()) {
            var user = tenant.user(entry.getKey());
            if (entry.getValue() && user.isPresent()) {
                List<String> fields = state.select().stream().filter(field -> !field.equals("manager")).toList();
                entries.add(project(user.get(), "microsoft.graph.user", fields, null));
            } else if (!entry.getValue()) {
                ObjectNode removed = SimulatedTenant.JSON.createObjectNode().put("id", entry.getKey());
                removed.putObject("@removed").put("reason", "deleted");
                entries.add(removed);
            }
        }
        return deltaPage("/users/delta", state, entries, "microsoft.graph.user");
    }

    private Answer groupDelta(Request request) {
        allowOnly(request, "$select", "$deltatoken", "$skiptoken");
        DeltaState state = deltaState(request, "microsoft.graph.group");
        var entries = new LinkedHashMap<String, ObjectNode>();
        for (SimulatedTenant.Change change : tenant.changesSince(state.from())) {
            ObjectNode entry = entries.computeIfAbsent(change.id(),
                    id -> SimulatedTenant.JSON.createObjectNode().put("id", id));
            switch (change.kind()) {
                case GROUP -> tenant.group(change.id()).ifPresent(group -> {
                    for (String field : state.select()) {
                        if (!field.equals("members")) {
                            entry.set(field, group.path(field).isMissingNode() ? null : group.get(field));
                        }
                    }
                });
                case GROUP_REMOVED -> entry.putObject("@removed").put("reason", "deleted");
                case MEMBER_ADDED, MEMBER_REMOVED -> {
                    if (state.select().contains("members")) {
                        ArrayNode delta = entry.has("members@delta")
                                ? (ArrayNode) entry.get("members@delta") : entry.putArray("members@delta");
                        ObjectNode member = delta.addObject()
                                .put("@odata.type", memberType(change.memberId()))
                                .put("id", change.memberId());
                        if (change.kind() == SimulatedTenant.ChangeKind.MEMBER_REMOVED) {
                            member.putObject("@removed").put("reason", "deleted");
                        }
                    }
                }
                default -> entries.remove(change.id());
            }
        }
        return deltaPage("/groups/delta", state, List.copyOf(entries.values()), "microsoft.graph.group");
    }

    private String memberType(String id) {
        return tenant.directoryObject(id).map(object -> object.path("@odata.type").asString())
                .orElse("#microsoft.graph.user");
    }

    /** Where a delta round starts and what it selects, carried in its tokens as Graph carries them. */
    private record DeltaState(int from, int offset, List<String> select, boolean latest) {}

    private DeltaState deltaState(Request request, String type) {
        String token = request.query().get("$deltatoken");
        String skip = request.query().get("$skiptoken");
        if (skip != null || (token != null && !token.equals("latest"))) {
            String[] parts = new String(Base64.getUrlDecoder().decode(skip != null ? skip : token),
                    StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3) {
                throw new GraphError(400, "syncStateNotFound",
                        "The sync state generation is not found. The delta token is expired and data must be synchronized again.");
            }
            return new DeltaState(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]),
                    List.of(parts[2].split(",")), false);
        }
        List<String> select = selected(request, type, List.of("id"));
        return new DeltaState(token == null ? 0 : tenant.position(), 0, select, token != null);
    }

    private Answer deltaPage(String path, DeltaState state, List<ObjectNode> entries, String type) {
        ObjectNode page = SimulatedTenant.JSON.createObjectNode();
        page.put("@odata.context", graphBaseUrl() + "/$metadata#" + path.split("/")[1]);
        ArrayNode value = page.putArray("value");
        int end = state.latest() ? state.offset() : Math.min(entries.size(), state.offset() + DELTA_PAGE);
        for (ObjectNode entry : entries.subList(Math.min(state.offset(), entries.size()), end)) {
            value.add(entry);
        }
        String select = String.join(",", state.select());
        if (end < entries.size() && !state.latest()) {
            page.put("@odata.nextLink", graphBaseUrl() + path + "?$skiptoken=" + stateToken(state.from(), end, select));
        } else {
            page.put("@odata.deltaLink", graphBaseUrl() + path + "?$deltatoken="
                    + stateToken(tenant.position(), 0, select));
        }
        return new Answer(200, page, type, true);
    }

    private static String stateToken(int from, int offset, String select) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((from + "|" + offset + "|" + select).getBytes(StandardCharsets.UTF_8));
    }

    private static final List<String> DEFAULT_USER_FIELDS = List.of("businessPhones", "displayName", "givenName",
            "jobTitle", "mail", "mobilePhone", "officeLocation", "preferredLanguage", "surname", "userPrincipalName",
            "id");
    private static final List<String> DEFAULT_GROUP_FIELDS =
            List.of("id", "displayName", "description", "mailEnabled", "mailNickname", "securityEnabled");

    private ObjectNode projectUser(ObjectNode user, List<String> select, boolean withManager) {
        if (select.contains("signInActivity")) {
            require("AuditLog.Read.All");
            if (!premium) {
                throw new GraphError(403, "Authentication_RequestFromNonPremiumTenantOrB2CTenant",
                        "Neither tenant is B2C or tenant doesn't have premium license");
            }
            if (!user.has("signInActivity")) {
                user.putObject("signInActivity")
                        .put("lastSignInDateTime", "0001-01-01T00:00:00Z")
                        .put("lastSignInRequestId", "")
                        .put("lastNonInteractiveSignInDateTime", "0001-01-01T00:00:00Z")
                        .put("lastNonInteractiveSignInRequestId", "");
            }
        }
        ObjectNode projected = project(user, "microsoft.graph.user", select, null);
        if (withManager) {
            tenant.manager(user.path("id").asString()).ifPresent(manager -> projected.putObject("manager")
                    .put("@odata.type", "#microsoft.graph.user").put("id", manager));
        }
        return projected;
    }

    private ObjectNode project(ObjectNode object, String type, List<String> select, @Nullable String context) {
        ObjectNode projected = SimulatedTenant.JSON.createObjectNode();
        if (context != null) {
            projected.put("@odata.context", graphBaseUrl() + "/$metadata#" + context);
        }
        for (String field : select) {
            if (metadata.isNavigation(type, field)) {
                continue;
            }
            JsonNode value = object.get(field);
            projected.set(field, value == null ? null : value.deepCopy());
        }
        return projected;
    }

    private Answer page(Request request, List<ObjectNode> all, int top,
            java.util.function.Function<ObjectNode, ObjectNode> projection, String type, String context) {
        int offset = 0;
        String skip = request.query().get("$skiptoken");
        if (skip != null) {
            offset = Integer.parseInt(new String(Base64.getUrlDecoder().decode(skip), StandardCharsets.UTF_8));
        }
        ObjectNode page = SimulatedTenant.JSON.createObjectNode();
        page.put("@odata.context", graphBaseUrl() + "/$metadata#" + context);
        ArrayNode value = page.putArray("value");
        int end = Math.min(all.size(), offset + top);
        for (ObjectNode item : all.subList(Math.min(offset, all.size()), end)) {
            value.add(projection.apply(item));
        }
        if (end < all.size()) {
            var query = new LinkedHashMap<>(request.query());
            query.remove("$skiptoken");
            query.put("$skiptoken", Base64.getUrlEncoder().withoutPadding()
                    .encodeToString(Integer.toString(end).getBytes(StandardCharsets.UTF_8)));
            page.put("@odata.nextLink", graphBaseUrl() + request.path() + "?" + encode(query));
        }
        return new Answer(200, page, type, true);
    }

    private List<ObjectNode> filteredById(Request request, List<ObjectNode> objects) {
        String filter = request.query().get("$filter");
        if (filter == null) {
            return objects;
        }
        Matcher in = Pattern.compile("id in \\(((?:'[^']*'\\s*,\\s*)*'[^']*')\\)").matcher(filter.strip());
        if (!in.matches()) {
            violations.add("unsupported $filter: " + filter);
            throw GraphError.badRequest("Unsupported query.");
        }
        List<String> ids = new ArrayList<>();
        for (String quoted : in.group(1).split(",")) {
            ids.add(quoted.strip().replaceAll("^'|'$", ""));
        }
        if (ids.size() > 15) {
            violations.add("more than 15 values in an 'in' filter: " + filter);
            throw GraphError.badRequest("Too many child clauses specified in search filter expression containing"
                    + " 'OR' operators: " + ids.size() + ". Max allowed: 15.");
        }
        return objects.stream().filter(object -> ids.contains(object.path("id").asString())).toList();
    }

    private List<String> selected(Request request, String type, List<String> defaults) {
        String select = request.query().get("$select");
        if (select == null) {
            return defaults;
        }
        List<String> fields = List.of(select.split(","));
        List<String> problems = metadata.checkSelect(type, fields);
        if (!problems.isEmpty()) {
            violations.add(request.method() + " " + request.path() + ": " + problems);
            throw GraphError.badRequest(problems.get(0));
        }
        var withId = new ArrayList<>(fields);
        if (!withId.contains("id")) {
            withId.add(0, "id");
        }
        return withId;
    }

    private boolean expandsManager(Request request) {
        String expand = request.query().get("$expand");
        if (expand == null) {
            return false;
        }
        if (!expand.equals("manager") && !expand.equals("manager($select=id)")) {
            violations.add("unsupported $expand: " + expand);
            throw GraphError.badRequest("Parsing OData Select and Expand failed: " + expand);
        }
        return true;
    }

    private int top(Request request, int limit) {
        String top = request.query().get("$top");
        if (top == null) {
            return 100;
        }
        int value;
        try {
            value = Integer.parseInt(top);
        } catch (NumberFormatException e) {
            throw GraphError.badRequest("Invalid page size specified: '" + top + "'.");
        }
        if (value < 1 || value > limit) {
            violations.add("$top=" + top + " above Graph's limit of " + limit + " for " + request.path());
            throw GraphError.badRequest("Invalid page size specified: '" + top + "'. Must be between 1 and " + limit
                    + " inclusive.");
        }
        return value;
    }

    private void allowOnly(Request request, String... options) {
        for (String option : request.query().keySet()) {
            if (!List.of(options).contains(option)) {
                violations.add("query option " + option + " on " + request.method() + " " + request.path());
                throw GraphError.badRequest("Query option '" + option + "' is not allowed.");
            }
        }
    }

    private JsonNode validBody(Request request, String type) {
        JsonNode body = request.json();
        List<String> problems = metadata.check(type, body);
        if (!problems.isEmpty()) {
            violations.add(request.method() + " " + request.path() + " body: " + problems);
            throw GraphError.badRequest(problems.get(0));
        }
        return body;
    }

    /** The id in a reference body, {@code {"@odata.id": "https://graph.microsoft.com/v1.0/directoryObjects/{id}"}}. */
    private String referencedId(Request request) {
        JsonNode body = request.json();
        JsonNode link = body.path("@odata.id");
        Matcher reference = Pattern.compile(Pattern.quote(graphBaseUrl()) + "/(?:directoryObjects|users|groups)/([^/?]+)")
                .matcher(link.asString(""));
        if (body.size() != 1 || !link.isString() || !reference.matches()) {
            violations.add(request.method() + " " + request.path() + ": not a reference body: " + body);
            throw GraphError.badRequest("Invalid object identifier '" + link + "'.");
        }
        return URLDecoder.decode(reference.group(1), StandardCharsets.UTF_8);
    }

    private void existingUser(String id) {
        if (tenant.user(id).isEmpty()) {
            throw GraphError.notFound(id);
        }
    }

    private void require(String permission) {
        String write = permission.replace(".Read.All", ".ReadWrite.All");
        if (!permissions.contains(permission) && !permissions.contains(write)) {
            throw GraphError.forbidden();
        }
    }

    private void authenticate(HttpExchange exchange) {
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        if (authorization == null || !authorization.startsWith("Bearer ")) {
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token is empty.");
        }
        if (!tokens.isValid(authorization.substring("Bearer ".length()))) {
            throw new GraphError(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        }
    }

    /** Every entity the simulator answers must itself fit Graph's metadata. */
    private void checkAnswer(Request request, Answer answer) {
        if (answer.body() == null || answer.entityType() == null) {
            return;
        }
        List<JsonNode> entities = new ArrayList<>();
        if (answer.collection()) {
            answer.body().path("value").forEach(entities::add);
        } else {
            entities.add(answer.body());
        }
        for (JsonNode entity : entities) {
            List<String> problems = metadata.check(answer.entityType(), entity);
            if (!problems.isEmpty()) {
                violations.add("the simulator's answer to " + request.method() + " " + request.path() + ": " + problems);
                throw new GraphError(500, "generalException", "answer does not fit Graph's metadata: " + problems);
            }
        }
    }

    private void send(HttpExchange exchange, int status, @Nullable JsonNode body, @Nullable String retryAfter)
            throws IOException {
        exchange.getResponseHeaders().set("request-id", UUID.randomUUID().toString());
        String clientRequestId = exchange.getRequestHeaders().getFirst("client-request-id");
        if (clientRequestId != null) {
            // Graph and Entra ID echo the caller's id, which msal4j checks
            exchange.getResponseHeaders().set("client-request-id", clientRequestId);
        }
        if (retryAfter != null) {
            exchange.getResponseHeaders().set("Retry-After", retryAfter);
        }
        if (body == null) {
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
            return;
        }
        byte[] bytes = SimulatedTenant.JSON.writeValueAsBytes(body);
        exchange.getResponseHeaders().set("Content-Type", "application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private void sendError(HttpExchange exchange, GraphError error, @Nullable String retryAfter) throws IOException {
        ObjectNode body = SimulatedTenant.JSON.createObjectNode();
        ObjectNode inner = body.putObject("error").put("code", error.code).put("message", error.getMessage())
                .putObject("innerError");
        inner.put("date", Instant.now().toString().substring(0, 19))
                .put("request-id", UUID.randomUUID().toString())
                .put("client-request-id", String.valueOf(exchange.getRequestHeaders().getFirst("client-request-id")));
        send(exchange, error.status, body, retryAfter);
    }

    private static String graphPath(String rawPathAndQuery) {
        String path = rawPathAndQuery.split("\\?", 2)[0];
        return path.startsWith("/v1.0") ? path.substring("/v1.0".length()) : path;
    }

    private static Map<String, String> query(@Nullable String rawQuery) {
        var query = new LinkedHashMap<String, String>();
        if (rawQuery == null) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String key = URLDecoder.decode(equals < 0 ? pair : pair.substring(0, equals), StandardCharsets.UTF_8);
            String value = equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8);
            if (query.put(key, value) != null) {
                throw GraphError.badRequest("Query option '" + key + "' was specified more than once.");
            }
        }
        return query;
    }

    private static String encode(Map<String, String> query) {
        var parts = new ArrayList<String>();
        query.forEach((key, value) -> parts.add(key + "="
                + java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20")));
        return String.join("&", parts);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
