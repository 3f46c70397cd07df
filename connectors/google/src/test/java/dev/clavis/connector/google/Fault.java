package dev.clavis.connector.google;

import java.time.Duration;
import java.util.Map;

/**
 * Something the simulator does to the next request that matches, once, instead of or besides
 * answering it normally.
 */
sealed interface Fault {

    /** Answers with an error of {@code x-errors} in directory_v1.json and changes nothing. */
    record Error(String name, Map<String, String> headers) implements Fault {}

    /** Waits this long, then answers normally. */
    record Delay(Duration delay) implements Fault {}

    /** Applies the request, then closes the connection without answering: the response is lost. */
    record LoseResponse() implements Fault {}

    static Fault error(String name) {
        return new Error(name, Map.of());
    }

    static Fault error(String name, String header, String value) {
        return new Error(name, Map.of(header, value));
    }

    static Fault delay(Duration delay) {
        return new Delay(delay);
    }

    static Fault loseResponse() {
        return new LoseResponse();
    }
}
