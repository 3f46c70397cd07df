package dev.clavis.platform;

/** The caller is known but may not do this, e.g. approve their own request (403). */
public class ForbiddenException extends RuntimeException {

    public ForbiddenException(String detail) {
        super(detail);
    }
}
