package dev.clavis.platform;

import java.util.List;

/** The input cannot be accepted; {@link #errors()} names each bad field (400). Nothing was changed. */
public class InvalidInputException extends RuntimeException {

    private final List<FieldError> errors;

    public InvalidInputException(String detail, List<FieldError> errors) {
        super(detail);
        this.errors = List.copyOf(errors);
    }

    public InvalidInputException(String field, String message) {
        this(field + ": " + message, List.of(new FieldError(field, message)));
    }

    public List<FieldError> errors() {
        return errors;
    }

    /** @param field where the problem is, e.g. {@code apps[github].roles[admin].risk} */
    public record FieldError(String field, String message) {}
}
