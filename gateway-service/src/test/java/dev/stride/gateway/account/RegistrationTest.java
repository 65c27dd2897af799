package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.gateway.GatewayTestBase;

class RegistrationTest extends GatewayTestBase {

    private final EventCodec codec = new EventCodec();

    @Test
    void registrationStoresAnEncryptedAccountAndPublishesUserRegistered() {
        String email = uniqueEmail();
        register(email, GOOD_PASSWORD).expectStatus().isAccepted()
                .expectBody().jsonPath("$.status").isEqualTo("verification-pending")
                .jsonPath("$.id").doesNotExist();

        EventEnvelope event = awaitRegistration(email);
        UserRegistered payload = codec.payload(event, UserRegistered.class);
        assertThat(event.type()).isEqualTo(EventTypes.USER_REGISTERED);
        assertThat(event.version()).isEqualTo(1);
        assertThat(event.producer()).isEqualTo(Services.GATEWAY);
        assertThat(event.subjectId()).isEqualTo(payload.userId().toString());
        assertThat(payload.displayName()).isEqualTo("Runner");
        assertThat(payload.locale()).isEqualTo("en");
        assertThat(payload.timeZone()).isEqualTo("Europe/Moscow");

        Map<String, Object> row = jdbc.sql("SELECT email_ciphertext, email_index, password_hash, roles::text AS roles FROM account WHERE id = :id")
                .param("id", payload.userId()).query().singleRow();
        String ciphertext = new String((byte[]) row.get("email_ciphertext"), StandardCharsets.ISO_8859_1);
        assertThat(ciphertext).doesNotContain(email).doesNotContain("example.org");
        assertThat((byte[]) row.get("email_index")).hasSize(32);
        assertThat((String) row.get("password_hash")).startsWith("$argon2id$v=19$m=19456,t=2,p=1$");
        assertThat(row.get("roles")).isEqualTo("{USER}");
        // uuid version 7 (time-ordered)
        assertThat(payload.userId().version()).isEqualTo(7);
    }

    @Test
    void aSecondRegistrationOfTheSameEmailAnswersTheSameAndChangesNothing() {
        String email = uniqueEmail();
        byte[] first = register(email, GOOD_PASSWORD).expectStatus().isAccepted().expectBody().returnResult().getResponseBody();
        UUID id = codec.payload(awaitRegistration(email), UserRegistered.class).userId();
        String hashBefore = jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", id).query(String.class).single();

        byte[] second = register(" " + email.toUpperCase() + " ", "another password 99 x").expectStatus().isAccepted()
                .expectBody().returnResult().getResponseBody();

        assertThat(second).isEqualTo(first);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE id = :id").param("id", id).query(Long.class).single()).isEqualTo(1);
        assertThat(jdbc.sql("SELECT password_hash FROM account WHERE id = :id").param("id", id).query(String.class).single())
                .isEqualTo(hashBefore);
        login(email, GOOD_PASSWORD).expectStatus().isOk();
        login(email, "another password 99 x").expectStatus().isUnauthorized();
    }

    @Test
    void weakPasswordsAreRefusedWithTheReason() {
        assertWeak("kate.runner@example.org", "short pw 1", "TOO_SHORT");
        assertWeak("kate.runner@example.org", "x".repeat(129), "TOO_LONG");
        assertWeak("kate.runner@example.org", "my STRIDE password 1", "CONTAINS_SERVICE_NAME");
        assertWeak("kate.runner@example.org", "hello Kate.Runner 2024", "CONTAINS_EMAIL");
        // NFKC first: 12 code points that compose to 6, and full-width letters that are "STRIDE"
        assertWeak("kate.runner@example.org", "e\u0301".repeat(6), "TOO_SHORT");
        assertWeak("kate.runner@example.org", "my \uFF33\uFF34\uFF32\uFF29\uFF24\uFF25 password", "CONTAINS_SERVICE_NAME");
        assertWeak("kate.runner@example.org", "123456789012", "COMMON_PASSWORD");
    }

    @Test
    void aCommonPasswordIsRefusedWithTheReasonAndCreatesNothing() {
        String email = uniqueEmail();
        String displayName = "Common " + UUID.randomUUID().toString().substring(0, 8);
        long accountsBefore = jdbc.sql("SELECT count(*) FROM account").query(Long.class).single();

        client().post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", email, "password", "passwordpassword", "displayName", displayName,
                        "locale", "en", "timeZone", "Europe/Moscow"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.reason").isEqualTo("COMMON_PASSWORD")
                .jsonPath("$.detail").value(detail -> assertThat((String) detail).contains("common or breached"));

        assertThat(jdbc.sql("SELECT count(*) FROM account").query(Long.class).single()).isEqualTo(accountsBefore);
        assertThat(jdbc.sql("SELECT count(*) FROM account WHERE display_name = :name").param("name", displayName)
                .query(Long.class).single()).isZero();
        login(email, "passwordpassword").expectStatus().isUnauthorized();
        // the address is still free: registering it properly creates the account and its event now
        register(email, GOOD_PASSWORD).expectStatus().isAccepted();
        assertThat(codec.payload(awaitRegistration(email), UserRegistered.class).email()).isEqualTo(email);
    }

    @Test
    void invalidFieldsAreListed() {
        client().post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("email", "not-an-email", "password", GOOD_PASSWORD, "displayName", "Runner", "locale", "de",
                        "timeZone", "Mars/Olympus"))
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("VALIDATION_FAILED")
                .jsonPath("$.errors[?(@.field == 'email')]").exists()
                .jsonPath("$.errors[?(@.field == 'locale')]").exists()
                .jsonPath("$.errors[?(@.field == 'timeZone')]").exists()
                .jsonPath("$.errors[?(@.field == 'password')]").doesNotExist();
    }

    @Test
    void malformedJsonIsA400WithoutInternals() {
        byte[] body = client().post().uri("/api/v1/auth/register").contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"email\": \"a@b.c\", \"password\": ")
                .exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.code").isEqualTo("MALFORMED_REQUEST")
                .returnResult().getResponseBody();
        String text = new String(body, StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Exception").doesNotContain("jackson").doesNotContain("at dev.");
    }

    private void assertWeak(String email, String password, String reason) {
        register(email, password).expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.code").isEqualTo("WEAK_PASSWORD")
                .jsonPath("$.reason").isEqualTo(reason)
                .jsonPath("$.detail").isNotEmpty();
    }

    private EventEnvelope awaitRegistration(String email) {
        Properties config = new Properties();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.getBrokersAsString());
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "registration-test-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            consumer.subscribe(List.of(Topics.IDENTITY_EVENTS));
            Instant deadline = Instant.now().plusSeconds(30);
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    EventEnvelope envelope = codec.read(record.value());
                    if (EventTypes.USER_REGISTERED.equals(envelope.type())
                            && email.equals(codec.payload(envelope, UserRegistered.class).email())) {
                        assertThat(record.key()).isEqualTo(envelope.subjectId());
                        return envelope;
                    }
                }
            }
        }
        throw new AssertionError("no user-registered event for " + email + " on " + Topics.IDENTITY_EVENTS);
    }
}
