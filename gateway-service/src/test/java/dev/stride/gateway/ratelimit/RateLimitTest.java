package dev.stride.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.cloud.gateway.filter.ratelimit.RedisRateLimiter;
import org.springframework.data.redis.core.script.RedisScript;
import org.springframework.scripting.support.StaticScriptSource;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

import dev.stride.gateway.GatewayTestBase;
import dev.stride.gateway.routing.EdgeFixtures;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import reactor.core.publisher.Flux;

/**
 * Redis-backed limits through the real gateway: per client IP on the public auth endpoints (the
 * IP taken from X-Forwarded-For only when a trusted proxy sends it), per user on routed API calls;
 * a refusal is a 429 problem with Retry-After, audited and counted.
 */
class RateLimitTest extends GatewayTestBase {

    @Autowired
    ReactiveStringRedisTemplate redis;

    @Autowired
    MeterRegistry meters;

    @Autowired
    @Qualifier(RedisRateLimiter.REDIS_SCRIPT_NAME)
    RedisScript<?> tokenBucketScript;

    private static String randomClientIp() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "203.0.113." + random.nextInt(1, 255) + "," + "198.51." + random.nextInt(0, 255) + "." + random.nextInt(1, 255);
    }

    /** Fires {@code n} requests concurrently; returns the responses (bodies as strings). */
    private static List<ResponseEntity<String>> burst(WebClient client, int n, String path, String forwardedFor,
            String bearer, String body) {
        return Flux.range(0, n).flatMap(i -> {
            WebClient.RequestBodySpec request = client.post().uri(path);
            if (forwardedFor != null) {
                request = request.header("X-Forwarded-For", forwardedFor.replace("{i}", Integer.toString(i)));
            }
            if (bearer != null) {
                request = request.header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer);
            }
            return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchangeToMono(r -> r.toEntity(String.class));
        }, 16).collectList().block(Duration.ofSeconds(60));
    }

    private double rateLimitedEvents() {
        Counter counter = meters.find("stride.security.events").tags("event", "rate_limited", "outcome", "failure").counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void theTokenBucketScriptIsHeldAsTextInsteadOfBeingReadFromTheJarOnEveryRequest() {
        assertThat(ReflectionTestUtils.getField(tokenBucketScript, "scriptSource")).isInstanceOf(StaticScriptSource.class);
        assertThat(tokenBucketScript.getScriptAsString()).contains("redis.call");
    }

    @Test
    void redisRepliesAreHandledOffLettucesSingleConnectionEventLoop() {
        String thread = redis.hasKey("stride-test-thread-probe").map(found -> Thread.currentThread().getName())
                .block(Duration.ofSeconds(10));
        assertThat(thread).doesNotMatch("lettuce-(epoll|nio|kqueue|io_uring)EventLoop.*");
    }

    @Test
    void loginIsLimitedPerClientIpWithARateLimitedProblemAndRetryAfter() {
        String clientIp = randomClientIp().split(",")[0];
        double before = rateLimitedEvents();
        WebClient proxy = EdgeFixtures.webClient(baseUrl(), EdgeFixtures.TRUSTED_PROXY);
        // invalid bodies: cheap (400 from validation), yet each one costs a token, as a credential-stuffing attempt would
        List<ResponseEntity<String>> responses = burst(proxy, 30, "/api/v1/auth/login", clientIp, null, "{}");

        List<ResponseEntity<String>> limited = responses.stream().filter(r -> r.getStatusCode().value() == 429).toList();
        assertThat(limited).as("5/s burst 10: 30 concurrent logins from one IP").hasSizeGreaterThanOrEqualTo(10);
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 400)).hasSizeGreaterThanOrEqualTo(10);
        ResponseEntity<String> refused = limited.get(0);
        assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isEqualTo("1");
        assertThat(refused.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(refused.getBody()).contains("\"code\":\"RATE_LIMITED\"").contains("\"status\":429");
        // the bucket lives in Redis (shared by all gateway instances), keyed by policy and client IP
        assertThat(redis.hasKey("request_rate_limiter.{login." + clientIp + "}.tokens").block()).isTrue();
        assertThat(rateLimitedEvents() - before).isGreaterThanOrEqualTo(limited.size());

        // another client behind the same proxy is not affected
        ResponseEntity<String> other = burst(proxy, 1, "/api/v1/auth/login", randomClientIp().split(",")[0], null, "{}").get(0);
        assertThat(other.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void forwardedForFromAnUntrustedPeerDoesNotEscapeTheLimit() throws InterruptedException {
        // 127.0.0.1 is not a trusted proxy: a different X-Forwarded-For on every request changes nothing
        WebClient direct = EdgeFixtures.webClient(baseUrl(), "127.0.0.1");
        List<ResponseEntity<String>> responses = burst(direct, 50, "/api/v1/auth/refresh", "203.0.113.{i}", null,
                "{\"refreshToken\":\"" + "A".repeat(43) + "\"}");
        assertThat(responses.stream().filter(r -> r.getStatusCode().value() == 429))
                .as("auth policy 10/s burst 20, 50 concurrent requests from one peer; honoured X-Forwarded-For would give 50 buckets")
                .hasSizeGreaterThanOrEqualTo(5);
        assertThat(redis.hasKey("request_rate_limiter.{auth.127.0.0.1}.tokens").block()).isTrue();
        assertThat(redis.hasKey("request_rate_limiter.{auth.203.0.113.7}.tokens").block()).isFalse();
        // let the shared bucket of 127.0.0.1 refill before other tests log in from it
        Thread.sleep(2500);
    }

    @Test
    void everyRoutedApiCallTakesATokenFromTheUsersBucketInRedis() {
        Map<String, Object> login = registerAndLogin(uniqueEmail(), GOOD_PASSWORD);
        String token = (String) login.get("accessToken");
        String sub = subjectOf(token);
        client().get().uri("/api/v1/social/feed").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isOk();
        String tokens = redis.opsForValue().get("request_rate_limiter.{api.user:" + sub + "}.tokens").block();
        assertThat(tokens).as("api policy bucket of the user").isNotNull();
        assertThat(Long.parseLong(tokens)).isLessThan(40);
    }

    @Test
    void aRouteRefusesAUserOverTheLimitButNotAnotherUser() {
        String token = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        String otherToken = (String) registerAndLogin(uniqueEmail(), GOOD_PASSWORD).get("accessToken");
        double before = rateLimitedEvents();
        int limited = 0;
        // test-strict: 1/s, burst 3 (test-only route, same filter as the API routes' "api" policy)
        for (int i = 0; i < 8; i++) {
            int status = client().get().uri("/test-probe/limited/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
                    .exchange().expectBody().returnResult().getStatus().value();
            if (status == 429) {
                limited++;
            }
        }
        assertThat(limited).isGreaterThanOrEqualTo(3);
        client().get().uri("/test-probe/limited/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + token).exchange()
                .expectStatus().isEqualTo(429)
                .expectHeader().valueEquals(HttpHeaders.RETRY_AFTER, "1")
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("RATE_LIMITED");
        assertThat(rateLimitedEvents() - before).isGreaterThanOrEqualTo(limited + 1);
        // the other user (same IP) has a bucket of their own
        client().get().uri("/test-probe/limited/x").header(HttpHeaders.AUTHORIZATION, "Bearer " + otherToken).exchange()
                .expectStatus().isOk();
    }

    private static String subjectOf(String token) {
        try {
            return com.nimbusds.jwt.SignedJWT.parse(token).getJWTClaimsSet().getSubject();
        }
        catch (java.text.ParseException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
