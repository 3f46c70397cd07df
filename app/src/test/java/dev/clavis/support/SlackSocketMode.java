package dev.clavis.support;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.java_websocket.WebSocket;
import org.java_websocket.handshake.ClientHandshake;
import org.java_websocket.server.WebSocketServer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Slack's side of Socket Mode, for {@link SlackSimulator}: the WebSocket server whose address
 * {@code apps.connections.open} hands out. Each connection opened with a ticket Slack issued is
 * greeted with {@code hello}; the test pushes envelopes ({@code slash_commands}, {@code interactive},
 * {@code events_api}) as Slack frames them, and every message the app sends back is kept. An
 * acknowledgement must name an envelope that was sent and not yet acknowledged, and carry nothing
 * but {@code envelope_id} and {@code payload}; anything else is a violation.
 */
public final class SlackSocketMode implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Server server = new Server(FreePorts.next());
    private final Set<String> tickets = ConcurrentHashMap.newKeySet();
    private final List<WebSocket> open = new CopyOnWriteArrayList<>();
    private final Map<String, JsonNode> acks = new LinkedHashMap<>();
    private final Set<String> sent = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    private final List<String> connectionsOpened = new CopyOnWriteArrayList<>();

    SlackSocketMode() {
        server.setReuseAddr(true);
        server.start();
    }

    /** What {@code apps.connections.open} answers: a one-time address to connect to. */
    String issueUrl() {
        String ticket = UUID.randomUUID().toString();
        tickets.add(ticket);
        return "ws://127.0.0.1:" + server.getPort() + "/link/?ticket=" + ticket;
    }

    public boolean connected() {
        return !open.isEmpty();
    }

    /** How many connections the app has opened so far. */
    public int connectionsOpened() {
        return connectionsOpened.size();
    }

    /**
     * Sends an envelope to the app, as Slack does (a retry carries the same {@code envelope_id} and
     * a {@code retry_attempt} above 0).
     *
     * @return the envelope's id
     */
    public String push(String envelopeId, String type, JsonNode payload, int retryAttempt) {
        ObjectNode envelope = JSON.createObjectNode();
        envelope.put("envelope_id", envelopeId);
        envelope.put("type", type);
        envelope.set("payload", payload);
        envelope.put("accepts_response_payload", !type.equals("events_api"));
        envelope.put("retry_attempt", retryAttempt);
        envelope.put("retry_reason", retryAttempt == 0 ? "" : "timeout");
        WebSocket socket = open.isEmpty() ? null : open.get(open.size() - 1);
        if (socket == null) {
            throw new IllegalStateException("the app has no Socket Mode connection open");
        }
        synchronized (this) {
            sent.add(envelopeId);
            acks.remove(envelopeId);
        }
        socket.send(envelope.toString());
        return envelopeId;
    }

    public String push(String type, JsonNode payload) {
        return push(UUID.randomUUID().toString(), type, payload, 0);
    }

    /** The acknowledgement of an envelope, once the app has sent it. */
    public synchronized java.util.Optional<JsonNode> ack(String envelopeId) {
        return java.util.Optional.ofNullable(acks.get(envelopeId));
    }

    /** Closes every open connection, as Slack does when it refreshes them. */
    public void dropConnections() {
        open.forEach(socket -> socket.close(1001, "refresh requested"));
    }

    List<String> violations() {
        return new ArrayList<>(violations);
    }

    @Override
    public void close() {
        try {
            server.stop(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private synchronized void acknowledged(String message) {
        JsonNode ack;
        try {
            ack = JSON.readTree(message);
        } catch (RuntimeException e) {
            violations.add("socket mode: a message that is not JSON: " + message);
            return;
        }
        String id = ack.path("envelope_id").asString("");
        if (!sent.contains(id)) {
            violations.add("socket mode: an acknowledgement of no envelope sent: " + message);
        } else if (acks.containsKey(id)) {
            violations.add("socket mode: a second acknowledgement of " + id);
        }
        ack.propertyNames().forEach(name -> {
            if (!name.equals("envelope_id") && !name.equals("payload")) {
                violations.add("socket mode: an acknowledgement with " + name + ": " + message);
            }
        });
        acks.put(id, ack);
    }

    private final class Server extends WebSocketServer {

        Server(int port) {
            super(new InetSocketAddress("127.0.0.1", port));
        }

        @Override
        public void onOpen(WebSocket socket, ClientHandshake handshake) {
            String descriptor = handshake.getResourceDescriptor();
            String ticket = descriptor.contains("ticket=") ? descriptor.substring(descriptor.indexOf("ticket=") + 7) : "";
            if (!tickets.remove(ticket)) {
                violations.add("socket mode: a connection without a ticket apps.connections.open issued: " + descriptor);
                socket.close(1008, "invalid ticket");
                return;
            }
            open.add(socket);
            connectionsOpened.add(ticket);
            socket.send("{\"type\":\"hello\",\"num_connections\":" + open.size()
                    + ",\"debug_info\":{\"host\":\"simulated\",\"approximate_connection_time\":18060},\"connection_info\":{\"app_id\":\"ASIM\"}}");
        }

        @Override
        public void onClose(WebSocket socket, int code, String reason, boolean remote) {
            open.remove(socket);
        }

        @Override
        public void onMessage(WebSocket socket, String message) {
            acknowledged(message);
        }

        @Override
        public void onError(WebSocket socket, Exception e) {
            // A connection's own failure closes it (onClose); the server's is seen by the test as no connection.
        }

        @Override
        public void onStart() {
            // Ready: connections are accepted from here on.
        }
    }
}
