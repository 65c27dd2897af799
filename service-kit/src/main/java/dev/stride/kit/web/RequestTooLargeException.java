package dev.stride.kit.web;

import java.io.IOException;

/** Raised while reading a body that goes past the endpoint's limit, also without Content-Length. */
class RequestTooLargeException extends IOException {

    RequestTooLargeException(long limit) {
        super("request body exceeds " + limit + " bytes");
    }

    static boolean isCause(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof RequestTooLargeException) {
                return true;
            }
        }
        return false;
    }
}
