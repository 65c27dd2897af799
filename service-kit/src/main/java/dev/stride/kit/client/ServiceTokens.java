package dev.stride.kit.client;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

/**
 * Client-credentials tokens from the gateway, one per target audience, reused until shortly
 * before they expire so that a busy service does not ask for a token per call.
 */
public class ServiceTokens {

    private static final Duration RENEW_BEFORE = Duration.ofSeconds(30);

    private final RestClient gateway;
    private final String clientId;
    private final String secret;
    private final Clock clock;
    private final Map<String, Token> cache = new ConcurrentHashMap<>();

    ServiceTokens(RestClient gateway, String clientId, String secret, Clock clock) {
        this.gateway = gateway;
        this.clientId = clientId;
        this.secret = secret;
        this.clock = clock;
    }

    /** A token whose audience is {@code service}, fresh for at least 30 s. */
    public String tokenFor(String service) {
        Token token = cache.get(service);
        if (token == null || token.expiresAt().isBefore(clock.instant().plus(RENEW_BEFORE))) {
            token = fetch(service);
            cache.put(service, token);
        }
        return token.value();
    }

    private Token fetch(String service) {
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("grant_type", "client_credentials");
        form.add("audience", service);
        String basic = Base64.getEncoder()
                .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8));
        JsonNode body = gateway.post().contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("Authorization", "Basic " + basic).body(form).retrieve().body(JsonNode.class);
        if (body == null || !body.hasNonNull("access_token")) {
            throw new IllegalStateException("the token endpoint answered without an access_token");
        }
        long expiresIn = body.path("expires_in").asLong(60);
        return new Token(body.get("access_token").asString(), clock.instant().plusSeconds(expiresIn));
    }

    private record Token(String value, Instant expiresAt) {
    }
}
