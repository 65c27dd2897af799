package dev.stride.deploy;

/** A failure the launcher reports as one clear line (plus, for a service, its last log lines). */
public class PlatformException extends RuntimeException {

    public PlatformException(String message) {
        super(message);
    }

    public PlatformException(String message, Throwable cause) {
        super(message, cause);
    }
}
