package dev.clavis.embedded;

/** The embedded directory cannot start, persist or stop; the message says what to do about it. */
public class EmbeddedDirectoryException extends RuntimeException {

    public EmbeddedDirectoryException(String message) {
        super(message);
    }

    public EmbeddedDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
