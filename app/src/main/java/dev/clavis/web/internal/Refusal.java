package dev.clavis.web.internal;

import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;

/**
 * A module's refusal (bad input, a conflict, a forbidden act, something not there), as a page shows it:
 * the module's own message, and the status the page answers with. Nothing was changed.
 *
 * @param fields each bad field's message, for bad input naming several
 */
record Refusal(HttpStatus status, String message, List<String> fields) {

    /** @throws RuntimeException {@code refused} itself, when it is not one of the modules' refusals */
    static Refusal of(RuntimeException refused) {
        HttpStatus status = statusOf(refused);
        if (status == null) {
            throw refused;
        }
        List<String> fields = refused instanceof InvalidInputException invalid && invalid.errors().size() > 1
                ? invalid.errors().stream().map(e -> e.field() + " " + e.message()).toList()
                : List.of();
        return new Refusal(status, refused.getMessage(), fields);
    }

    /** The status a page answers a module's refusal with; null for an exception that is not one (a bug). */
    static @Nullable HttpStatus statusOf(RuntimeException refused) {
        if (refused instanceof InvalidInputException) {
            return HttpStatus.BAD_REQUEST;
        }
        if (refused instanceof ConflictException) {
            return HttpStatus.CONFLICT;
        }
        if (refused instanceof ForbiddenException) {
            return HttpStatus.FORBIDDEN;
        }
        if (refused instanceof NotFoundException) {
            return HttpStatus.NOT_FOUND;
        }
        return null;
    }
}
