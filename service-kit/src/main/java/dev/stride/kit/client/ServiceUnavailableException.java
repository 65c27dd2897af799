package dev.stride.kit.client;

/** Another Stride service could not be reached in time; callers degrade or answer 503. */
public class ServiceUnavailableException extends RuntimeException {

    public ServiceUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
