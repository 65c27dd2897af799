package dev.stride.social;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;

@StrideServiceTest
class ProfileTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    private final EventCodec codec = new EventCodec();

    private void publishIdentity(String type, UUID user, Object payload) {
        EventEnvelope envelope = codec.envelope(type, 1, Services.GATEWAY, user.toString(), payload, Map.of());
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(envelope));
    }

    @Test
    void registrationCreatesTheProfileAndDeletionErasesIt() {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);
        assertThat(http.get("/api/v1/social/profiles/me", token).status()).isEqualTo(404);

        publishIdentity(EventTypes.USER_REGISTERED, user,
                new UserRegistered(user, "ana@example.org", "Ana <script>", "en", "Europe/Berlin"));

        TestKafka.await(() -> http.get("/api/v1/social/profiles/me", token).status() == 200, Duration.ofSeconds(30));
        var profile = http.get("/api/v1/social/profiles/me", token).json();
        assertThat(profile.get("displayName").asString()).isEqualTo("Ana <script>");
        assertThat(profile.toString()).doesNotContain("ana@example.org");
        assertThat(profile.get("activity").isNull()).as("no service identity in this test: totals absent").isTrue();

        publishIdentity(EventTypes.USER_DELETED, user, new UserDeleted(user));
        TestKafka.await(() -> http.get("/api/v1/social/profiles/me", token).status() == 404, Duration.ofSeconds(30));
    }

    @Test
    void ownerEditsTheProfileAndOthersSeeItOnlyWhilePublic() {
        TestHttp http = TestHttp.localhost(port);
        UUID owner = UUID.randomUUID();
        String token = TestTokens.get().user(owner);
        String stranger = TestTokens.get().user(UUID.randomUUID());

        var updated = http.put("/api/v1/social/profiles/me", token,
                Map.of("displayName", "Ivan", "city", "Kazan", "bio", "5k runner"));
        assertThat(updated.status()).isEqualTo(200);
        assertThat(http.get("/api/v1/social/profiles/" + owner, stranger).json().get("city").asString())
                .isEqualTo("Kazan");

        http.put("/api/v1/social/profiles/me", token, Map.of("displayName", "Ivan", "visibility", "private"));

        assertThat(http.get("/api/v1/social/profiles/" + owner, stranger).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/social/profiles/" + owner, token).status()).isEqualTo(200);
    }

    @Test
    void blankOrOversizedFieldsAreRejected() {
        TestHttp http = TestHttp.localhost(port);
        String token = TestTokens.get().user(UUID.randomUUID());

        var blank = http.put("/api/v1/social/profiles/me", token, Map.of("displayName", " "));
        var huge = http.put("/api/v1/social/profiles/me", token, Map.of("displayName", "x", "bio", "y".repeat(501)));

        assertThat(blank.status()).isEqualTo(400);
        assertThat(huge.status()).isEqualTo(400);
        assertThat(huge.json().get("errors").toString()).contains("bio");
        assertThat(http.get("/api/v1/social/profiles/me", token).status()).isEqualTo(404);
    }
}
