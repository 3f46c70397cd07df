package dev.clavis.platform;

/** The request contradicts the current state, e.g. a second open request or a decision already made (409). */
public class ConflictException extends RuntimeException {

    public ConflictException(String detail) {
        super(detail);
    }
}
