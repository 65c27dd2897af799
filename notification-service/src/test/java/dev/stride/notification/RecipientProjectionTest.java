package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

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
class RecipientProjectionTest extends NotificationTestBase {

    private void register(UUID user, String email, String timeZone) {
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_REGISTERED, 1, Services.GATEWAY, user.toString(),
                new UserRegistered(user, email, "Мария", "ru", timeZone), null)));
    }

    private TestHttp.Response preferences(UUID user) {
        return TestHttp.localhost(port).get("/api/v1/notifications/preferences", TestTokens.get().user(user));
    }

    @Test
    void registeredUserGetsDefaultPreferencesAndAnEncryptedAddress() {
        UUID user = UUID.randomUUID();
        assertThat(preferences(user).status()).isEqualTo(404);

        register(user, "maria@example.org", "Europe/Moscow");

        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));
        var view = preferences(user);
        assertThat(view.body()).doesNotContain("maria@example.org");
        assertThat(view.json().get("locale").asString()).isEqualTo("ru");
        assertThat(view.json().get("categories").toString())
                .contains("{\"category\":\"account\",\"enabled\":true,\"locked\":true}")
                .contains("{\"category\":\"marketing\",\"enabled\":false,\"locked\":false}");
        byte[] stored = jdbc.sql("select email_ciphertext from recipient where user_id = :id").param("id", user)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("maria");
    }

    @Test
    void userTurnsMarketingOnAndProductOffButNeverAccountMail() {
        UUID user = UUID.randomUUID();
        register(user, "lena@example.org", "Asia/Yekaterinburg");
        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));
        TestHttp http = TestHttp.localhost(port);
        String token = TestTokens.get().user(user);

        var changed = http.put("/api/v1/notifications/preferences", token,
                Map.of("categories", Map.of("marketing", true, "product", false)));
        var refused = http.put("/api/v1/notifications/preferences", token,
                Map.of("categories", Map.of("account", false, "marketing", false)));
        var unknown = http.put("/api/v1/notifications/preferences", token, Map.of("categories", Map.of("spam", true)));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("detail").asString()).contains("cannot be turned off");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(preferences(user).json().get("categories").toString())
                .contains("{\"category\":\"marketing\",\"enabled\":true,\"locked\":false}")
                .contains("{\"category\":\"product\",\"enabled\":false,\"locked\":false}");
    }

    @Test
    void deletedUserIsErasedWithPreferences() {
        UUID user = UUID.randomUUID();
        register(user, "gone@example.org", "UTC");
        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));

        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_DELETED, 1, Services.GATEWAY, user.toString(), new UserDeleted(user), null)));

        TestKafka.await(() -> preferences(user).status() == 404, Duration.ofSeconds(30));
        assertThat(jdbc.sql("select count(*) from preference where user_id = :id").param("id", user)
                .query(Integer.class).single()).isZero();
    }

    @Test
    void eventWithAnInvalidTimeZoneGoesToTheDeadLetterTopicAndTheNextOneIsApplied() {
        UUID bad = UUID.randomUUID();
        UUID good = UUID.randomUUID();
        register(bad, "bad@example.org", "Mars/Olympus_Mons");
        register(good, "good@example.org", "Europe/Paris");

        TestKafka.await(() -> preferences(good).status() == 200, Duration.ofSeconds(30));
        assertThat(preferences(bad).status()).isEqualTo(404);
        new TestKafka(brokers).readUntil(Topics.deadLetter(Topics.IDENTITY_EVENTS),
                rs -> rs.stream().anyMatch(r -> r.key().equals(bad.toString())), Duration.ofSeconds(30));
    }
}
