package dev.clavis.connector.entra.simulator;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * Something the simulator does to the next {@code times} requests whose method and path (below
 * {@code /v1.0}) match, instead of or besides serving them.
 */
public final class Fault {

    enum Kind { ANSWER, DELAY, LOSE_RESPONSE }

    final Kind kind;
    final String method;
    final Pattern path;
    final int status;
    final @Nullable String retryAfter;
    final String code;
    final String message;
    final Duration delay;
    private final AtomicInteger remaining;

    private Fault(Kind kind, String method, String pathRegex, int times, int status, @Nullable String retryAfter,
            String code, String message, Duration delay) {
        this.kind = kind;
        this.method = method;
        this.path = Pattern.compile(pathRegex);
        this.remaining = new AtomicInteger(times);
        this.status = status;
        this.retryAfter = retryAfter;
        this.code = code;
        this.message = message;
        this.delay = delay;
    }

    /** Graph's throttling answer: 429 with Retry-After in seconds. */
    public static Fault throttled(String method, String pathRegex, int retryAfterSeconds) {
        return new Fault(Kind.ANSWER, method, pathRegex, 1, 429, Integer.toString(retryAfterSeconds),
                "TooManyRequests", "Too many requests", Duration.ZERO);
    }

    /** 429 whose Retry-After is an HTTP date rather than seconds, which RFC 9110 allows. */
    public static Fault throttledUntil(String method, String pathRegex, java.time.Instant until) {
        String date = java.time.format.DateTimeFormatter.RFC_1123_DATE_TIME.format(until.atZone(java.time.ZoneOffset.UTC));
        return new Fault(Kind.ANSWER, method, pathRegex, 1, 429, date, "TooManyRequests", "Too many requests",
                Duration.ZERO);
    }

    /** 503 Service Unavailable, as Graph answers when overloaded, with Retry-After. */
    public static Fault unavailable(String method, String pathRegex, int retryAfterSeconds) {
        return new Fault(Kind.ANSWER, method, pathRegex, 1, 503, Integer.toString(retryAfterSeconds),
                "serviceNotAvailable", "The service is temporarily unavailable. Please retry later.", Duration.ZERO);
    }

    public static Fault internalError(String method, String pathRegex) {
        return new Fault(Kind.ANSWER, method, pathRegex, 1, 500, null, "generalException",
                "An unexpected error occurred.", Duration.ZERO);
    }

    /** Serves the request only after the delay. */
    public static Fault slow(String method, String pathRegex, Duration delay) {
        return new Fault(Kind.DELAY, method, pathRegex, 1, 0, null, "", "", delay);
    }

    /** Applies the request, then drops the connection before answering. */
    public static Fault lostResponse(String method, String pathRegex) {
        return new Fault(Kind.LOSE_RESPONSE, method, pathRegex, 1, 0, null, "", "", Duration.ZERO);
    }

    boolean claim(String requestMethod, String requestPath) {
        if (!method.equals(requestMethod) || !path.matcher(requestPath).matches()) {
            return false;
        }
        return remaining.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }
}
