package dev.clavis.web.internal;

import dev.clavis.platform.ConflictException;
import dev.clavis.platform.ForbiddenException;
import dev.clavis.platform.InvalidInputException;
import dev.clavis.platform.NotFoundException;
import java.util.List;
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
        if (refused instanceof InvalidInputException invalid) {
            return new Refusal(HttpStatus.BAD_REQUEST, invalid.getMessage(), invalid.errors().size() < 2 ? List.of()
                    : invalid.errors().stream().map(e -> e.field() + " " + e.message()).toList());
        }
        if (refused instanceof ConflictException) {
            return new Refusal(HttpStatus.CONFLICT, refused.getMessage(), List.of());
        }
        if (refused instanceof ForbiddenException) {
            return new Refusal(HttpStatus.FORBIDDEN, refused.getMessage(), List.of());
        }
        if (refused instanceof NotFoundException) {
            return new Refusal(HttpStatus.NOT_FOUND, refused.getMessage(), List.of());
        }
        throw refused;
    }
}
