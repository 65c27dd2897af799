package dev.stride.gateway.web;

import java.net.ConnectException;
import java.security.cert.CertificateException;

import javax.net.ssl.SSLException;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.factory.SpringCloudCircuitBreakerFilterFactory;
import org.springframework.cloud.gateway.support.ServiceUnavailableException;
import org.springframework.core.annotation.Order;
import org.springframework.core.codec.DecodingException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.stereotype.Component;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.NotAcceptableStatusException;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import org.springframework.web.server.UnsupportedMediaTypeStatusException;
import org.springframework.web.server.WebExceptionHandler;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.Problems;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import reactor.core.publisher.Mono;

/**
 * Turns every failure that reaches the web layer (controllers, routing, "no handler") into a
 * problem detail. Runs before Boot's error handler (order -1), so nothing else renders errors.
 */
@Component
@Order(-2)
class ProblemExceptionHandler implements WebExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemExceptionHandler.class);

    private final ProblemWriter problems;

    ProblemExceptionHandler(ProblemWriter problems) {
        this.problems = problems;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable ex) {
        if (exchange.getResponse().isCommitted()) {
            return Mono.error(ex);
        }
        exchange.getResponse().getHeaders().clear();
        if (ex instanceof ApiException api) {
            exchange.getResponse().getHeaders().addAll(api.headers());
            return problems.write(exchange, HttpStatusCode.valueOf(api.status()), api.code(), api.getMessage(),
                    api.members());
        }
        if (ex instanceof WebExchangeBindException bind) {
            List<Map<String, String>> errors = bind.getFieldErrors().stream()
                    .map(ProblemExceptionHandler::fieldError)
                    .toList();
            return problems.write(exchange, HttpStatus.BAD_REQUEST, ErrorCode.VALIDATION_FAILED,
                    "The request has invalid fields.", Map.of("errors", errors));
        }
        if (ex instanceof UnsupportedMediaTypeStatusException) {
            return problems.write(exchange, ErrorCode.UNSUPPORTED_MEDIA_TYPE, "Unsupported content type.");
        }
        if (ex instanceof NotAcceptableStatusException) {
            return problems.write(exchange, ErrorCode.NOT_ACCEPTABLE, "No acceptable representation.");
        }
        if (ex instanceof MethodNotAllowedException notAllowed) {
            exchange.getResponse().getHeaders().setAllow(notAllowed.getSupportedMethods());
            return problems.write(exchange, ErrorCode.METHOD_NOT_ALLOWED, "Method not allowed.");
        }
        if (ex instanceof ServerWebInputException input) {
            String detail = input.getCause() instanceof DecodingException || input.getReason() == null
                    ? "The request body is not valid JSON of the expected shape."
                    : "The request is malformed.";
            return problems.write(exchange, ErrorCode.MALFORMED_REQUEST, detail);
        }
        if (ex instanceof ResponseStatusException status) {
            return problems.write(exchange, status.getStatusCode(), codeFor(status.getStatusCode()),
                    detailFor(status.getStatusCode()), Map.of());
        }
        if (ex instanceof SpringCloudCircuitBreakerFilterFactory.CircuitBreakerStatusCodeException) {
            // an external upstream (the shop) answered 5xx: counted by its circuit breaker, never relayed
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable.", Map.of());
        }
        if (ex instanceof ServiceUnavailableException || causedBy(ex, CallNotPermittedException.class)) {
            // circuit open (or no instance of the service): answered at once, without calling the upstream
            exchange.getResponse().getHeaders().set("Retry-After", "10");
            return problems.write(exchange, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
        }
        if (causedBy(ex, SSLException.class) || causedBy(ex, CertificateException.class)) {
            // the upstream's certificate is not issued by the trusted CA (or TLS failed): never a hang, never the details
            log.warn("TLS to upstream failed for {}: {}", exchange.getRequest().getPath(), ex.toString());
            return problems.write(exchange, HttpStatus.BAD_GATEWAY, ErrorCode.SERVICE_UNAVAILABLE,
                    "The service is temporarily unavailable.", Map.of());
        }
        if (causedBy(ex, ConnectException.class)) {
            log.warn("upstream unavailable for {}: {}", exchange.getRequest().getPath(), ex.toString());
            exchange.getResponse().getHeaders().set("Retry-After", "5");
            return problems.write(exchange, ErrorCode.SERVICE_UNAVAILABLE, "The service is temporarily unavailable.");
        }
        log.error("unhandled error for {} {}", exchange.getRequest().getMethod(), exchange.getRequest().getPath(), ex);
        return problems.write(exchange, ErrorCode.INTERNAL_ERROR, "An unexpected error occurred.");
    }

    private static Map<String, String> fieldError(FieldError error) {
        return Map.of("field", error.getField(),
                "message", error.getDefaultMessage() == null ? "is invalid" : error.getDefaultMessage());
    }

    private static ErrorCode codeFor(HttpStatusCode status) {
        return Problems.codeFor(status.value());
    }

    private static String detailFor(HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> "No resource at this path.";
            case 413 -> "The request is too large.";
            default -> {
                HttpStatus known = HttpStatus.resolve(status.value());
                yield known != null ? known.getReasonPhrase() + "." : "Error.";
            }
        };
    }

    private static boolean causedBy(Throwable ex, Class<? extends Throwable> type) {
        for (Throwable t = ex; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
