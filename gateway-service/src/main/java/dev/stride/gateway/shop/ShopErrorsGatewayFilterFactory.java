package dev.stride.gateway.shop;

import java.util.Map;

import org.reactivestreams.Publisher;
import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.NettyWriteResponseFilter;
import org.springframework.cloud.gateway.filter.OrderedGatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.stereotype.Component;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ProblemWriter;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code ShopErrors} on the shop route: the shop's error bodies never reach the client. Its 4xx
 * become Stride problems (404 → {@code NOT_FOUND}, 400/422 → {@code MALFORMED_REQUEST},
 * 409 → {@code CONFLICT}; 401/403/429 mean our key or quota is wrong, not the user's request →
 * 502 {@code SERVICE_UNAVAILABLE}); a 5xx fails the exchange with a 502 {@code SERVICE_UNAVAILABLE}
 * problem. 500/502/503/504 are turned into failures by the {@code CircuitBreaker} filter's
 * {@code statusCodes} before any body is written (so they count towards opening the circuit) and
 * rendered as 502 problems by {@code ProblemExceptionHandler}; other 5xx are rewritten here.
 * Runs before {@link NettyWriteResponseFilter} so that it sees the response before it is written.
 */
@Component
class ShopErrorsGatewayFilterFactory extends AbstractGatewayFilterFactory<Object> {

    private final ProblemWriter problems;

    ShopErrorsGatewayFilterFactory(ProblemWriter problems) {
        super(Object.class);
        this.problems = problems;
    }

    @Override
    public GatewayFilter apply(Object config) {
        return new OrderedGatewayFilter((exchange, chain) -> {
            ServerHttpResponse original = exchange.getResponse();
            ServerHttpResponseDecorator decorated = new ServerHttpResponseDecorator(original) {
                @Override
                public Mono<Void> writeWith(Publisher<? extends DataBuffer> body) {
                    HttpStatusCode status = getStatusCode();
                    if (status == null || !status.isError()) {
                        return super.writeWith(body);
                    }
                    Mono<Void> discard = Flux.from(body).doOnNext(DataBufferUtils::release).then();
                    return discard.then(Mono.defer(() -> {
                        getHeaders().clear();
                        byte[] bytes = problemFor(exchange, this, status);
                        return super.writeWith(Mono.just(bufferFactory().wrap(bytes)));
                    }));
                }
            };
            return chain.filter(exchange.mutate().response(decorated).build());
        }, NettyWriteResponseFilter.WRITE_RESPONSE_FILTER_ORDER - 1);
    }

    private byte[] problemFor(org.springframework.web.server.ServerWebExchange exchange, ServerHttpResponse response,
            HttpStatusCode status) {
        return switch (status.value()) {
            case 404 -> problems.prepare(exchange, response, HttpStatus.NOT_FOUND, ErrorCode.NOT_FOUND,
                    "No such product or order.", Map.of());
            case 400, 422 -> problems.prepare(exchange, response, HttpStatus.BAD_REQUEST, ErrorCode.MALFORMED_REQUEST,
                    "The shop rejected the request.", Map.of());
            case 409 -> problems.prepare(exchange, response, HttpStatus.CONFLICT, ErrorCode.CONFLICT,
                    "The shop rejected the request in its current state.", Map.of());
            default -> problems.prepare(exchange, response, HttpStatus.BAD_GATEWAY, ErrorCode.SERVICE_UNAVAILABLE,
                    "The shop is temporarily unavailable.", Map.of());
        };
    }
}
