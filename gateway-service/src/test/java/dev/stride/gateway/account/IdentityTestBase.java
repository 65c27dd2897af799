package dev.stride.gateway.account;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.util.UriComponentsBuilder;

import com.nimbusds.jwt.SignedJWT;

import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.code.HashingAlgorithm;
import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.gateway.GatewayTestBase;
import dev.stride.kit.test.TestKafka;

/**
 * Helpers of the identity-flow tests: HTTP calls with tokens, and what the gateway really put on
 * Kafka (through its outbox), read with a plain consumer.
 */
public abstract class IdentityTestBase extends GatewayTestBase {

    protected static final ParameterizedTypeReference<Map<String, Object>> MAP = new ParameterizedTypeReference<>() {
    };
    protected static final Duration KAFKA_WAIT = Duration.ofSeconds(30);

    protected final EventCodec codec = new EventCodec();

    @org.springframework.beans.factory.annotation.Autowired
    private LoginThrottle loginThrottle;

    /** All tests come from one address: start each from a clean per-IP failure count. */
    @org.junit.jupiter.api.BeforeEach
    void forgetIpFailures() {
        loginThrottle.clear();
    }

    protected TestKafka topics() {
        return new TestKafka(kafka.getBrokersAsString());
    }

    /** Waits until at least {@code count} notification requests for the user and template are on the topic. */
    protected List<NotificationRequested> awaitNotifications(UUID userId, String templateId, int count) {
        List<NotificationRequested> found = new ArrayList<>();
        topics().readUntil(Topics.NOTIFICATION_REQUESTS, records -> {
            found.clear();
            found.addAll(notifications(records, userId, templateId));
            return found.size() >= count;
        }, KAFKA_WAIT);
        return found;
    }

    protected NotificationRequested awaitNotification(UUID userId, String templateId) {
        List<NotificationRequested> all = awaitNotifications(userId, templateId, 1);
        return all.get(all.size() - 1);
    }

    /** Notification requests for the user and template on the topic now (after the relay had time to run). */
    protected List<NotificationRequested> notificationsNow(UUID userId, String templateId) {
        List<NotificationRequested> found = new ArrayList<>();
        List<ConsumerRecord<String, String>> all = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(3).toNanos();
        topics().readUntil(Topics.NOTIFICATION_REQUESTS, records -> {
            all.clear();
            all.addAll(records);
            return System.nanoTime() > deadline;
        }, KAFKA_WAIT);
        found.addAll(notifications(all, userId, templateId));
        return found;
    }

    private List<NotificationRequested> notifications(List<ConsumerRecord<String, String>> records, UUID userId,
            String templateId) {
        List<NotificationRequested> found = new ArrayList<>();
        for (ConsumerRecord<String, String> record : records) {
            EventEnvelope envelope = codec.read(record.value());
            if (!EventTypes.NOTIFICATION_REQUESTED.equals(envelope.type())) {
                continue;
            }
            NotificationRequested request = codec.payload(envelope, NotificationRequested.class);
            if (request.recipientUserId().equals(userId) && request.templateId().equals(templateId)) {
                if (!record.key().equals(userId.toString())) {
                    throw new AssertionError("notification request not keyed by the user id");
                }
                found.add(request);
            }
        }
        return found;
    }

    /** Waits for an identity event of this type about the user. */
    protected EventEnvelope awaitIdentityEvent(String type, UUID userId) {
        return awaitIdentityEvent(type, userId, envelope -> true);
    }

    protected EventEnvelope awaitIdentityEvent(String type, UUID userId, Predicate<EventEnvelope> matching) {
        List<EventEnvelope> found = new ArrayList<>();
        topics().readUntil(Topics.IDENTITY_EVENTS, records -> {
            for (ConsumerRecord<String, String> record : records) {
                EventEnvelope envelope = codec.read(record.value());
                if (type.equals(envelope.type()) && userId.toString().equals(envelope.subjectId())
                        && userId.toString().equals(record.key()) && matching.test(envelope)) {
                    found.add(envelope);
                    return true;
                }
            }
            return false;
        }, KAFKA_WAIT);
        return found.get(0);
    }

    protected static String tokenOf(String link) {
        return UriComponentsBuilder.fromUri(URI.create(link)).build().getQueryParams().getFirst("token");
    }

    protected static UUID userIdOf(String accessToken) {
        try {
            return UUID.fromString(SignedJWT.parse(accessToken).getJWTClaimsSet().getSubject());
        }
        catch (java.text.ParseException ex) {
            throw new AssertionError(ex);
        }
    }

    protected static Object claim(String accessToken, String name) {
        try {
            return SignedJWT.parse(accessToken).getJWTClaimsSet().getClaim(name);
        }
        catch (java.text.ParseException ex) {
            throw new AssertionError(ex);
        }
    }

    /** Registers, logs in and returns the login body plus {@code userId}. */
    protected Session newUser(String email) {
        Map<String, Object> tokens = registerAndLogin(email, GOOD_PASSWORD);
        String access = (String) tokens.get("accessToken");
        return new Session(email, userIdOf(access), access, (String) tokens.get("refreshToken"));
    }

    protected Session loginSession(String email, String password) {
        Map<String, Object> tokens = login(email, password).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
        String access = (String) tokens.get("accessToken");
        return new Session(email, userIdOf(access), access, (String) tokens.get("refreshToken"));
    }

    protected WebTestClient.ResponseSpec call(HttpMethod method, String path, String accessToken, Object body) {
        WebTestClient.RequestBodySpec spec = client().method(method).uri(path);
        if (accessToken != null) {
            spec.header(HttpHeaders.AUTHORIZATION, "Bearer " + accessToken);
        }
        if (body != null) {
            return spec.contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
        }
        return spec.exchange();
    }

    protected WebTestClient.ResponseSpec post(String path, Object body) {
        return call(HttpMethod.POST, path, null, body);
    }

    protected WebTestClient.ResponseSpec refresh(String refreshToken) {
        return post("/api/v1/auth/refresh", Map.of("refreshToken", refreshToken));
    }

    protected WebTestClient.ResponseSpec loginWithCode(String email, String password, String code) {
        return post("/api/v1/auth/login", Map.of("email", email, "password", password, "totpCode", code));
    }

    /** The RFC 6238 code of {@code secret} for the time step {@code offset} steps from now. */
    protected static String totpCode(String secret, int offset) {
        try {
            long step = System.currentTimeMillis() / 1000 / 30 + offset;
            return new DefaultCodeGenerator(HashingAlgorithm.SHA1, 6).generate(secret, step);
        }
        catch (dev.samstevens.totp.exceptions.CodeGenerationException ex) {
            throw new AssertionError(ex);
        }
    }

    /**
     * Enrols TOTP for the session's user (confirming with the code of the previous time step, so
     * that the current and next steps stay usable for logins) and returns secret and recovery codes.
     */
    @SuppressWarnings("unchecked")
    protected Enrolment enrolTotp(Session session, String password) {
        Map<String, Object> started = call(HttpMethod.POST, "/api/v1/auth/totp/enrolment", session.accessToken(),
                Map.of("password", password)).expectStatus().isOk().expectBody(MAP).returnResult().getResponseBody();
        String secret = (String) started.get("secret");
        Map<String, Object> confirmed = call(HttpMethod.POST, "/api/v1/auth/totp/confirmation", session.accessToken(),
                Map.of("code", totpCode(secret, -1))).expectStatus().isOk().expectBody(MAP).returnResult()
                .getResponseBody();
        return new Enrolment(secret, (String) started.get("otpauthUri"), (List<String>) confirmed.get("recoveryCodes"));
    }

    protected record Session(String email, UUID userId, String accessToken, String refreshToken) {
    }

    protected record Enrolment(String secret, String otpauthUri, List<String> recoveryCodes) {
    }
}
