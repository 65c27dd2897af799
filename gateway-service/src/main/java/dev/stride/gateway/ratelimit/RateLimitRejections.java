package dev.stride.gateway.ratelimit;

import java.util.Map;
import java.util.UUID;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.audit.SecurityAudit;
import dev.stride.gateway.web.ProblemWriter;
import reactor.core.publisher.Mono;

/** A refused request: audit event {@value #EVENT} (reason = policy) and a 429 problem with {@code Retry-After}. */
@Component
class RateLimitRejections {

    static final String EVENT = "rate_limited";

    private final ProblemWriter problems;
    private final SecurityAudit audit;

    RateLimitRejections(ProblemWriter problems, SecurityAudit audit) {
        this.problems = problems;
        this.audit = audit;
    }

    Mono<Void> reject(ServerWebExchange exchange, String policy, String ip, UUID userId, long retryAfterSeconds) {
        audit.record(EVENT, SecurityAudit.Outcome.FAILURE, userId, null, ip, policy);
        exchange.getResponse().getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
        return problems.write(exchange, HttpStatus.TOO_MANY_REQUESTS, ErrorCode.RATE_LIMITED,
                "Too many requests; retry later.", Map.of("retryAfterSeconds", retryAfterSeconds));
    }
}
