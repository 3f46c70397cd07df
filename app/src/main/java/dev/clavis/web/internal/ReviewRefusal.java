package dev.clavis.web.internal;

import dev.clavis.platform.InvalidInputException;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A review action the domain refused, as the review screens show it: the domain's own sentence, and the
 * status the API would answer with.
 */
record ReviewRefusal(HttpStatus status, String message, Map<String, String> fields) {

    /** @return null for an exception that is not a refusal (a bug, left to the error page) */
    private static @Nullable ReviewRefusal of(RuntimeException e) {
        HttpStatus status = Refusal.statusOf(e);
        if (status == null) {
            return null;
        }
        Map<String, String> fields = e instanceof InvalidInputException invalid
                ? invalid.errors().stream().collect(Collectors.toMap(InvalidInputException.FieldError::field,
                        InvalidInputException.FieldError::message, (a, b) -> a + "; " + b))
                : Map.of();
        return new ReviewRefusal(status, e.getMessage(), fields);
    }

    /** A domain call's value, or the domain's refusal of it (then the value is null). */
    record Attempt<T>(@Nullable T value, @Nullable ReviewRefusal refusal) {

        boolean refused() {
            return refusal != null;
        }
    }

    /** Runs a domain call; a refusal comes back in the answer, anything else (a bug) is rethrown. */
    static <T> Attempt<T> attempt(Supplier<T> call) {
        try {
            return new Attempt<>(call.get(), null);
        } catch (RuntimeException e) {
            ReviewRefusal refusal = of(e);
            if (refusal == null) {
                throw e;
            }
            return new Attempt<>(null, refusal);
        }
    }
}
