package dev.stride.kit.web;

import java.net.URI;

import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

import dev.stride.contracts.ErrorCode;

/** Builds RFC 9457 problem details that always carry a stable {@code code}. */
public final class Problems {

    static final String TYPE_BASE = "https://stride.dev/problems/";

    private Problems() {
    }

    public static ProblemDetail of(ErrorCode code, String detail) {
        return of(code, HttpStatusCode.valueOf(code.status()), detail);
    }

    public static ProblemDetail of(ErrorCode code, HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + code.name().toLowerCase().replace('_', '-')));
        problem.setTitle(title(code));
        problem.setProperty("code", code.name());
        return problem;
    }

    /** The code clients should see for a status that no handler classified more precisely. */
    public static ErrorCode codeFor(int status) {
        return switch (status) {
            case 400 -> ErrorCode.MALFORMED_REQUEST;
            case 401 -> ErrorCode.UNAUTHORIZED;
            case 403 -> ErrorCode.FORBIDDEN;
            case 404 -> ErrorCode.NOT_FOUND;
            case 405 -> ErrorCode.METHOD_NOT_ALLOWED;
            case 406 -> ErrorCode.NOT_ACCEPTABLE;
            case 409 -> ErrorCode.CONFLICT;
            case 413 -> ErrorCode.PAYLOAD_TOO_LARGE;
            case 415 -> ErrorCode.UNSUPPORTED_MEDIA_TYPE;
            case 429 -> ErrorCode.RATE_LIMITED;
            case 502, 503, 504 -> ErrorCode.SERVICE_UNAVAILABLE;
            default -> status >= 500 ? ErrorCode.INTERNAL_ERROR : ErrorCode.MALFORMED_REQUEST;
        };
    }

    static String title(ErrorCode code) {
        return switch (code) {
            case VALIDATION_FAILED -> "Request is invalid";
            case MALFORMED_REQUEST -> "Request cannot be read";
            case UNAUTHORIZED -> "Authentication required";
            case FORBIDDEN -> "Not allowed";
            case NOT_FOUND -> "Not found";
            case METHOD_NOT_ALLOWED -> "Method not allowed";
            case NOT_ACCEPTABLE -> "Representation not available";
            case CONFLICT -> "Conflict";
            case PAYLOAD_TOO_LARGE -> "Request body too large";
            case UNSUPPORTED_MEDIA_TYPE -> "Unsupported media type";
            case WEAK_PASSWORD -> "Password not accepted";
            case RATE_LIMITED -> "Too many requests";
            case INTERNAL_ERROR -> "Internal error";
            case SERVICE_UNAVAILABLE -> "Service unavailable";
        };
    }
}
