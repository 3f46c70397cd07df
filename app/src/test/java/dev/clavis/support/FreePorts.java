package dev.clavis.support;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ports for servers a test starts and must find again (the embedded directory, across restarts).
 * They come from below Linux's ephemeral range (32768–60999): a port the system hands out for
 * "any free port" is also what it hands to the next outgoing connection (to PostgreSQL, an HTTP
 * client, another build on the same machine), which can take it before the test's server binds it.
 */
public final class FreePorts {

    private static final int FIRST = 20_000;
    private static final int LAST = 32_000;

    private FreePorts() {}

    public static int next() {
        for (int attempt = 0; attempt < 100; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(FIRST, LAST + 1);
            try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
                return socket.getLocalPort();
            } catch (IOException taken) {
                // try another
            }
        }
        throw new IllegalStateException("no free port between " + FIRST + " and " + LAST + " after 100 tries");
    }
}
