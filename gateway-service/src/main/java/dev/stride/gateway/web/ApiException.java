package dev.stride.gateway.web;

import java.util.Map;

import org.springframework.http.HttpHeaders;

import dev.stride.contracts.ErrorCode;

/**
 * A failure with a known client-facing shape: rendered as an RFC 9457 problem with {@code code},
 * {@code detail} (safe to show) and optional extra members and response headers.
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final transient Map<String, Object> members;
    private final transient HttpHeaders headers;

    public ApiException(ErrorCode code, String detail) {
        this(code, detail, Map.of(), HttpHeaders.EMPTY);
    }

    public ApiException(ErrorCode code, String detail, Map<String, Object> members, HttpHeaders headers) {
        this(code, code.status(), detail, members, headers);
    }

    /** With an HTTP status other than the code's usual one (e.g. 502 with {@code SERVICE_UNAVAILABLE}). */
    public ApiException(ErrorCode code, int status, String detail, Map<String, Object> members, HttpHeaders headers) {
        super(detail, null, false, false);
        this.code = code;
        this.status = status;
        this.members = Map.copyOf(members);
        this.headers = headers;
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> members() {
        return members;
    }

    public HttpHeaders headers() {
        return headers;
    }
}
