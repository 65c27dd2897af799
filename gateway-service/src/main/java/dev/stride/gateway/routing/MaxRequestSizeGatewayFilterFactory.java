package dev.stride.gateway.routing;

import java.util.List;
import java.util.Map;

import org.springframework.cloud.gateway.filter.GatewayFilter;
import org.springframework.cloud.gateway.filter.factory.AbstractGatewayFilterFactory;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;

import dev.stride.contracts.ErrorCode;
import dev.stride.gateway.web.ApiException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * {@code MaxRequestSize=1MB} on routes. Like Spring Cloud Gateway's {@code RequestSize} filter it
 * refuses a declared {@code Content-Length} above the limit before anything is sent upstream, but
 * answers with a 413 problem detail (the stock filter answers an empty body and leaks an
 * {@code errorMessage} header). A body without {@code Content-Length} (chunked, HTTP/2 streams) is
 * counted while it is relayed and the exchange fails as soon as it passes the limit; the service
 * may already have seen the first bytes then, which is why each service enforces its own limit too.
 */
@Component
public class MaxRequestSizeGatewayFilterFactory extends AbstractGatewayFilterFactory<MaxRequestSizeGatewayFilterFactory.Config> {

    public MaxRequestSizeGatewayFilterFactory() {
        super(Config.class);
    }

    @Override
    public List<String> shortcutFieldOrder() {
        return List.of("maxSize");
    }

    @Override
    public GatewayFilter apply(Config config) {
        long max = config.getMaxSize().toBytes();
        return (exchange, chain) -> {
            ServerHttpRequest request = exchange.getRequest();
            long declared = request.getHeaders().getContentLength();
            if (declared > max) {
                return Mono.error(tooLarge(max));
            }
            if (declared >= 0) {
                return chain.filter(exchange);
            }
            ServerHttpRequest counted = new ServerHttpRequestDecorator(request) {
                @Override
                public Flux<DataBuffer> getBody() {
                    long[] seen = { 0 };
                    return super.getBody().handle((buffer, sink) -> {
                        seen[0] += buffer.readableByteCount();
                        if (seen[0] > max) {
                            DataBufferUtils.release(buffer);
                            sink.error(tooLarge(max));
                        }
                        else {
                            sink.next(buffer);
                        }
                    });
                }
            };
            return chain.filter(exchange.mutate().request(counted).build());
        };
    }

    private static ApiException tooLarge(long max) {
        return new ApiException(ErrorCode.PAYLOAD_TOO_LARGE, "The request body is too large.",
                Map.of("maxBytes", max), HttpHeaders.EMPTY);
    }

    public static class Config {

        private DataSize maxSize = DataSize.ofMegabytes(1);

        public DataSize getMaxSize() {
            return maxSize;
        }

        public void setMaxSize(DataSize maxSize) {
            this.maxSize = maxSize;
        }
    }
}
