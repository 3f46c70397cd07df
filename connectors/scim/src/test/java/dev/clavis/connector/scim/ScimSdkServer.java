package dev.clavis.connector.scim;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import de.captaingoldfish.scim.sdk.common.constants.enums.HttpMethod;
import de.captaingoldfish.scim.sdk.common.constants.enums.SortOrder;
import de.captaingoldfish.scim.sdk.common.exceptions.ResourceNotFoundException;
import de.captaingoldfish.scim.sdk.common.resources.Group;
import de.captaingoldfish.scim.sdk.common.resources.ResourceNode;
import de.captaingoldfish.scim.sdk.common.resources.ServiceProvider;
import de.captaingoldfish.scim.sdk.common.resources.User;
import de.captaingoldfish.scim.sdk.common.resources.complex.BulkConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ChangePasswordConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.ETagConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.FilterConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.PatchConfig;
import de.captaingoldfish.scim.sdk.common.resources.complex.SortConfig;
import de.captaingoldfish.scim.sdk.common.resources.multicomplex.AuthenticationScheme;
import de.captaingoldfish.scim.sdk.common.response.ScimResponse;
import de.captaingoldfish.scim.sdk.common.schemas.SchemaAttribute;
import de.captaingoldfish.scim.sdk.common.utils.JsonHelper;
import de.captaingoldfish.scim.sdk.server.endpoints.Context;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceEndpoint;
import de.captaingoldfish.scim.sdk.server.endpoints.ResourceHandler;
import de.captaingoldfish.scim.sdk.server.endpoints.authorize.Authorization;
import de.captaingoldfish.scim.sdk.server.endpoints.base.GroupEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.endpoints.base.UserEndpointDefinition;
import de.captaingoldfish.scim.sdk.server.filter.FilterNode;
import de.captaingoldfish.scim.sdk.server.response.PartialListResponse;
import de.captaingoldfish.scim.sdk.server.schemas.ResourceType;
import de.captaingoldfish.scim.sdk.server.schemas.custom.ResourceTypeFeatures;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Captain-P-Goldfish's SCIM-SDK, an independent implementation of RFC 7643 and RFC 7644, serving an
 * in-memory directory over HTTP on the loopback interface. The SDK does the SCIM: request validation
 * against its schemas, filtering, paging, attribute selection, PATCH and errors; this class only
 * carries HTTP to it and keeps the resources.
 */
final class ScimSdkServer implements AutoCloseable {

    /** The largest page the server serves, declared in its ServiceProviderConfig as filter.maxResults. */
    static final int MAX_RESULTS = 50;

    private final String token;
    private final ResourceEndpoint endpoint;
    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(4);

    /** Something to do just before the next PATCH is handled, as another administrator might. */
    private final AtomicReference<Runnable> beforeNextPatch = new AtomicReference<>();

    /**
     * @param filters whether the server filters; the SDK, told not to, ignores filters and lists everything
     */
    ScimSdkServer(String token, boolean filters) {
        this.token = token;
        ServiceProvider provider = ServiceProvider.builder()
                .filterConfig(FilterConfig.builder().supported(filters).maxResults(MAX_RESULTS).build())
                .patchConfig(PatchConfig.builder().supported(true).build())
                .sortConfig(SortConfig.builder().supported(false).build())
                .changePasswordConfig(ChangePasswordConfig.builder().supported(false).build())
                .bulkConfig(BulkConfig.builder().supported(false).build())
                .eTagConfig(ETagConfig.builder().supported(false).build())
                .authenticationSchemes(List.of(AuthenticationScheme.builder()
                        .name("Bearer")
                        .description("a bearer token (RFC 6750)")
                        .type("oauthbearertoken")
                        .build()))
                .build();
        endpoint = new ResourceEndpoint(provider);
        ResourceType users = endpoint.registerEndpoint(new UserEndpointDefinition(new Users()));
        users.setFeatures(ResourceTypeFeatures.builder().autoFiltering(true).build());
        ResourceType groups = endpoint.registerEndpoint(new GroupEndpointDefinition(new Groups()));
        groups.setFeatures(ResourceTypeFeatures.builder().autoFiltering(true).build());
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(threads);
        server.createContext("/scim/v2", this::handle);
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/scim/v2";
    }

    /** A request made in-process with the server's own token, as its administrator would, not over HTTP. */
    ScimResponse administer(HttpMethod method, String pathAndQuery, String body) {
        return endpoint.handleRequest(baseUrl() + pathAndQuery, method, body,
                Map.of("Authorization", "Bearer " + token, "Content-Type", "application/scim+json"),
                new Context(new BearerToken(token)));
    }

    void beforeNextPatch(Runnable change) {
        beforeNextPatch.set(change);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            var headers = new HashMap<String, String>();
            exchange.getRequestHeaders().forEach((name, values) -> headers.put(name, values.get(0)));
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = exchange.getRequestURI().getRawQuery();
            if (exchange.getRequestMethod().equals("PATCH")) {
                Runnable change = beforeNextPatch.getAndSet(null);
                if (change != null) {
                    change.run();
                }
            }
            String url = "http://127.0.0.1:" + server.getAddress().getPort() + exchange.getRequestURI().getRawPath()
                    + (query == null ? "" : "?" + query);
            ScimResponse response = endpoint.handleRequest(url, HttpMethod.valueOf(exchange.getRequestMethod()),
                    body.isEmpty() ? null : body, headers, new Context(new BearerToken(token)));
            response.getHttpHeaders().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = response.getHttpStatus() == 204 ? new byte[0]
                    : response.toString().getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(response.getHttpStatus(), bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** The SDK's authentication hook: the request must carry exactly the server's bearer token. */
    private record BearerToken(String token) implements Authorization {

        @Override
        public Set<String> getClientRoles() {
            return Set.of();
        }

        @Override
        public boolean authenticate(Map<String, String> headers, Map<String, String> queryParameters) {
            return headers.entrySet().stream()
                    .anyMatch(h -> h.getKey().equalsIgnoreCase("Authorization")
                            && h.getValue().equals("Bearer " + token));
        }
    }

    /** The SDK learns the resource class from the handler's generic superclass, so each type has its own. */
    private static final class Users extends InMemory<User> {

        Users() {
            super(User.class);
        }
    }

    private static final class Groups extends InMemory<Group> {

        Groups() {
            super(Group.class);
        }
    }

    /**
     * Resources in creation order, handed out as copies so that nothing the SDK does to an answer changes
     * what is stored. Filtering, paging and attribute selection are left to the SDK (auto-filtering).
     */
    private abstract static class InMemory<T extends ResourceNode> extends ResourceHandler<T> {

        private final Class<T> type;
        private final Map<String, T> resources = new LinkedHashMap<>();

        InMemory(Class<T> type) {
            this.type = type;
        }

        @Override
        public synchronized T createResource(T resource, Context context) {
            String id = UUID.randomUUID().toString();
            resource.setId(id);
            Instant now = Instant.now();
            resource.getMeta().ifPresent(meta -> {
                meta.setCreated(now);
                meta.setLastModified(now);
            });
            resources.put(id, copy(resource));
            return resource;
        }

        @Override
        public synchronized T getResource(String id, List<SchemaAttribute> attributes,
                List<SchemaAttribute> excludedAttributes, Context context) {
            T resource = resources.get(id);
            return resource == null ? null : copy(resource);
        }

        @Override
        public synchronized PartialListResponse<T> listResources(long startIndex, int count, FilterNode filter,
                SchemaAttribute sortBy, SortOrder sortOrder, List<SchemaAttribute> attributes,
                List<SchemaAttribute> excludedAttributes, Context context) {
            List<T> all = new ArrayList<>();
            resources.values().forEach(resource -> all.add(copy(resource)));
            return PartialListResponse.<T>builder().resources(all).totalResults(all.size()).build();
        }

        @Override
        public synchronized T updateResource(T resource, Context context) {
            String id = resource.getId().orElseThrow();
            if (!resources.containsKey(id)) {
                throw new ResourceNotFoundException("no resource " + id, null, null);
            }
            resource.getMeta().ifPresent(meta -> meta.setLastModified(Instant.now()));
            resources.put(id, copy(resource));
            return resource;
        }

        @Override
        public synchronized void deleteResource(String id, Context context) {
            if (resources.remove(id) == null) {
                throw new ResourceNotFoundException("no resource " + id, null, null);
            }
        }

        private T copy(T resource) {
            return JsonHelper.copyResourceToObject(resource.deepCopy(), type);
        }
    }
}
