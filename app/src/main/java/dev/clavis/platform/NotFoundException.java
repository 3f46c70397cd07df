package dev.clavis.platform;

/** The thing asked for does not exist (404). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String detail) {
        super(detail);
    }
}
