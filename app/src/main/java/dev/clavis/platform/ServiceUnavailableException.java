package dev.clavis.platform;

/** Something Clavis depends on does not answer; the caller may try again later (503). */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String detail, Throwable cause) {
        super(detail, cause);
    }
}
