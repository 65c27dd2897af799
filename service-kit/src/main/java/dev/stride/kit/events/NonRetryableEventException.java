package dev.stride.kit.events;

/** Thrown by a listener for a record that will fail the same way every time; sent straight to the DLT. */
public class NonRetryableEventException extends RuntimeException {

    public NonRetryableEventException(String message) {
        super(message);
    }

    public NonRetryableEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
