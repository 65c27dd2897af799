package dev.stride.kit.web;

import java.util.List;
import java.util.Map;

import jakarta.validation.ConstraintViolationException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import dev.stride.contracts.ErrorCode;

/**
 * Turns every exception into an RFC 9457 problem detail with a stable {@code code}. Messages of
 * framework exceptions are replaced by our own: they may name classes or internals.
 */
@RestControllerAdvice
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @Override
    protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
            HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = body instanceof ProblemDetail given ? given
                : Problems.of(Problems.codeFor(status.value()), status, null);
        if (problem.getProperties() == null || !problem.getProperties().containsKey("code")) {
            ErrorCode code = Problems.codeFor(status.value());
            problem.setProperty("code", code.name());
            problem.setTitle(Problems.title(code));
            problem.setType(java.net.URI.create(Problems.TYPE_BASE + code.name().toLowerCase().replace('_', '-')));
            problem.setDetail(safeDetail(ex, status));
        }
        return super.handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        if (RequestTooLargeException.isCause(ex)) {
            return handleExceptionInternal(ex, Problems.of(ErrorCode.PAYLOAD_TOO_LARGE,
                    "The request body exceeds the limit of this endpoint."), headers, HttpStatus.CONTENT_TOO_LARGE,
                    request);
        }
        return handleExceptionInternal(ex, Problems.of(ErrorCode.MALFORMED_REQUEST,
                "The request body is not valid JSON for this endpoint."), headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleMethodArgumentNotValid(MethodArgumentNotValidException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, "Some fields are invalid.");
        List<Map<String, String>> errors = ex.getBindingResult().getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "message",
                        String.valueOf(error.getDefaultMessage())))
                .toList();
        problem.setProperty("errors", errors);
        return handleExceptionInternal(ex, problem, headers, status, request);
    }

    @Override
    protected ResponseEntity<Object> handleHandlerMethodValidationException(HandlerMethodValidationException ex,
            HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(ErrorCode.VALIDATION_FAILED, "Some parameters are invalid."),
                headers, HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<Object> typeMismatch(MethodArgumentTypeMismatchException ex, WebRequest request) {
        return handleExceptionInternal(ex, Problems.of(ErrorCode.MALFORMED_REQUEST,
                "Parameter '" + ex.getName() + "' has an invalid value."), new HttpHeaders(), HttpStatus.BAD_REQUEST,
                request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<Object> constraintViolation(ConstraintViolationException ex, WebRequest request) {
        ProblemDetail problem = Problems.of(ErrorCode.VALIDATION_FAILED, "Some fields are invalid.");
        problem.setProperty("errors", ex.getConstraintViolations().stream()
                .map(v -> Map.of("field", String.valueOf(v.getPropertyPath()), "message", v.getMessage())).toList());
        return handleExceptionInternal(ex, problem, new HttpHeaders(), HttpStatus.BAD_REQUEST, request);
    }

    @ExceptionHandler(StrideProblemException.class)
    ResponseEntity<Object> strideProblem(StrideProblemException ex, WebRequest request) {
        return handleExceptionInternal(ex, ex.problem(), new HttpHeaders(),
                HttpStatusCode.valueOf(ex.problem().getStatus()), request);
    }

    /** Let Spring Security's own handlers answer 401/403 with WWW-Authenticate. */
    @ExceptionHandler({ AccessDeniedException.class, AuthenticationException.class })
    void security(RuntimeException ex) {
        throw ex;
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<Object> unexpected(Exception ex, WebRequest request) {
        if (ex instanceof ErrorResponse response) {
            return handleExceptionInternal(ex, null, response.getHeaders(), response.getStatusCode(), request);
        }
        log.error("unhandled error", ex);
        return handleExceptionInternal(ex, Problems.of(ErrorCode.INTERNAL_ERROR, "Something went wrong on our side."),
                new HttpHeaders(), HttpStatus.INTERNAL_SERVER_ERROR, request);
    }

    private static String safeDetail(Exception ex, HttpStatusCode status) {
        if (ex instanceof ErrorResponse response && response.getBody().getDetail() != null && status.is4xxClientError()) {
            // Spring's own 4xx details (method, media type, missing parameter) name no internals
            return response.getBody().getDetail();
        }
        return null;
    }
}
