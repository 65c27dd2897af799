package dev.stride.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

import dev.stride.contracts.EventCodec;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;

@StrideServiceTest
class ConsentTest {

    @LocalServerPort
    int port;

    @Value("${spring.embedded.kafka.brokers}")
    String brokers;

    @Test
    void withoutADecisionNothingIsConsented() {
        var consent = TestHttp.localhost(port).get("/api/v1/marketing/consent", TestTokens.get().user(UUID.randomUUID()))
                .json();

        assertThat(consent.get("marketingEmails").asBoolean()).isFalse();
        assertThat(consent.get("personalizedOffers").asBoolean()).isFalse();
        assertThat(consent.get("updatedAt").isNull()).isTrue();
    }

    @Test
    void changesAreStoredWithHistoryAndPublished() {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);

        http.put("/api/v1/marketing/consent", token, Map.of("marketingEmails", true, "personalizedOffers", false));
        var now = http.put("/api/v1/marketing/consent", token, Map.of("marketingEmails", false, "personalizedOffers", true));

        assertThat(now.status()).isEqualTo(200);
        assertThat(now.json().get("personalizedOffers").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/marketing/consent/history", token).json()).hasSize(2);
        new TestKafka(brokers).readUntil(Topics.MARKETING_EVENTS,
                rs -> rs.stream().filter(r -> r.key().equals(user.toString())).count() == 2, Duration.ofSeconds(30));
    }

    @Test
    void aMissingChoiceIsRejectedAndChangesNothing() {
        TestHttp http = TestHttp.localhost(port);
        String token = TestTokens.get().user(UUID.randomUUID());
        Map<String, Object> partial = new HashMap<>();
        partial.put("marketingEmails", true);

        var response = http.put("/api/v1/marketing/consent", token, partial);

        assertThat(response.status()).isEqualTo(400);
        assertThat(http.get("/api/v1/marketing/consent", token).json().get("marketingEmails").asBoolean()).isFalse();
    }

    @Test
    void userDeletedErasesConsentAndHistory() {
        TestHttp http = TestHttp.localhost(port);
        UUID user = UUID.randomUUID();
        String token = TestTokens.get().user(user);
        http.put("/api/v1/marketing/consent", token, Map.of("marketingEmails", true, "personalizedOffers", true));

        EventCodec codec = new EventCodec();
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(
                codec.envelope(EventTypes.USER_DELETED, 1, Services.GATEWAY, user.toString(), new UserDeleted(user), null)));

        TestKafka.await(() -> http.get("/api/v1/marketing/consent/history", token).json().isEmpty(),
                Duration.ofSeconds(30));
        assertThat(http.get("/api/v1/marketing/consent", token).json().get("marketingEmails").asBoolean()).isFalse();
    }
}
