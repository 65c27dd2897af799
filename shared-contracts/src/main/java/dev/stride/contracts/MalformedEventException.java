package dev.stride.contracts;

/** An event that can never be processed as sent: retrying will not help, it belongs in the DLT. */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
