package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.payload.AccountSettingsChanged;
import dev.stride.contracts.payload.EmailChanged;
import dev.stride.contracts.payload.EmailVerified;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.kit.test.TestTokens;
import dev.stride.notification.recipient.RecipientStore;

@StrideServiceTest
class RecipientProjectionTest extends NotificationTestBase {

    private void register(UUID user, String email, String timeZone) {
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_REGISTERED, 1, Services.GATEWAY, user.toString(),
                new UserRegistered(user, email, "Мария", "ru", timeZone), null)));
    }

    @Autowired
    private RecipientStore recipients;

    private void identityEvent(UUID user, String type, Object payload, Instant occurredAt) {
        EventEnvelope envelope = codec.envelope(type, 1, Services.GATEWAY, user.toString(), payload, null);
        identityEvent(new EventEnvelope(envelope.eventId(), type, 1, occurredAt, Services.GATEWAY, user.toString(),
                envelope.payload(), null));
    }

    private void identityEvent(EventEnvelope envelope) {
        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, envelope.subjectId(), codec.write(envelope));
    }

    private boolean verified(UUID user) {
        return jdbc.sql("select email_verified from recipient where user_id = :id").param("id", user)
                .query(Boolean.class).optional().orElse(false);
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

    @Test
    void emailVerifiedMarksTheAddressVerifiedOnceAndForAll() {
        UUID user = UUID.randomUUID();
        register(user, "vera@example.org", "UTC");
        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));
        assertThat(preferences(user).json().get("emailVerified").asBoolean()).isFalse();

        EventEnvelope verified = codec.envelope(EventTypes.EMAIL_VERIFIED, 1, Services.GATEWAY, user.toString(),
                new EmailVerified(user), null);
        identityEvent(verified);
        identityEvent(verified);

        TestKafka.await(() -> verified(user), Duration.ofSeconds(30));
        assertThat(preferences(user).json().get("emailVerified").asBoolean()).isTrue();
        assertThat(recipients.email(user)).contains("vera@example.org");
    }

    @Test
    void emailChangedReplacesTheEncryptedAddressAndAnOlderChangeDoesNotComeBack() {
        UUID user = UUID.randomUUID();
        register(user, "old-address@example.org", "UTC");
        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));
        Instant changedAt = Instant.now().plusSeconds(5);

        identityEvent(user, EventTypes.EMAIL_CHANGED, new EmailChanged(user, "new-address@example.org"), changedAt);
        // a replay of an earlier change, delivered late, must not bring an old address back
        identityEvent(user, EventTypes.EMAIL_CHANGED, new EmailChanged(user, "stale@example.org"),
                changedAt.minusSeconds(1));
        identityEvent(user, EventTypes.EMAIL_VERIFIED, new EmailVerified(user), changedAt.plusSeconds(1));

        TestKafka.await(() -> recipients.email(user).orElseThrow().equals("new-address@example.org") && verified(user),
                Duration.ofSeconds(30));
        // the marker is the last event of the user: once it is applied the stale change was handled too
        identityEvent(user, EventTypes.USER_REGISTERED, new UserRegistered(user, "marker@example.org", "Мария", "en",
                "UTC"), changedAt.plusSeconds(2));
        TestKafka.await(() -> recipients.email(user).orElseThrow().equals("marker@example.org"), Duration.ofSeconds(30));
        byte[] stored = jdbc.sql("select email_ciphertext from recipient where user_id = :id").param("id", user)
                .query(byte[].class).single();
        assertThat(new String(stored, StandardCharsets.ISO_8859_1)).doesNotContain("marker").doesNotContain("address");
    }

    @Test
    void addressChangesForAnUnknownOrDeletedUserCreateNobodyAndTheConsumerGoesOn() {
        UUID deleted = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        register(deleted, "deleted@example.org", "UTC");
        TestKafka.await(() -> preferences(deleted).status() == 200, Duration.ofSeconds(30));
        identityEvent(deleted, EventTypes.USER_DELETED, new UserDeleted(deleted), Instant.now());
        EventEnvelope lateChange = codec.envelope(EventTypes.EMAIL_CHANGED, 1, Services.GATEWAY, deleted.toString(),
                new EmailChanged(deleted, "back@example.org"), null);
        EventEnvelope strangerVerified = codec.envelope(EventTypes.EMAIL_VERIFIED, 1, Services.GATEWAY,
                stranger.toString(), new EmailVerified(stranger), null);
        EventEnvelope strangerChange = codec.envelope(EventTypes.EMAIL_CHANGED, 1, Services.GATEWAY,
                stranger.toString(), new EmailChanged(stranger, "s@example.org"), null);
        EventEnvelope lateSettings = codec.envelope(EventTypes.ACCOUNT_SETTINGS_CHANGED, 1, Services.GATEWAY,
                deleted.toString(), new AccountSettingsChanged(deleted, "en", "UTC", Instant.now()), null);
        EventEnvelope strangerSettings = codec.envelope(EventTypes.ACCOUNT_SETTINGS_CHANGED, 1, Services.GATEWAY,
                stranger.toString(), new AccountSettingsChanged(stranger, "ru", "Europe/Moscow", Instant.now()), null);
        identityEvent(lateChange);
        identityEvent(strangerVerified);
        identityEvent(strangerChange);
        identityEvent(lateSettings);
        identityEvent(strangerSettings);

        // handled (recorded as processed, not dead-lettered or retried forever) and nobody created
        TestKafka.await(() -> processed(lateChange) && processed(strangerVerified) && processed(strangerChange)
                && processed(lateSettings) && processed(strangerSettings), Duration.ofSeconds(30));
        assertThat(recipientKnown(deleted)).isFalse();
        assertThat(recipientKnown(stranger)).isFalse();
    }

    @Test
    void aSettingsChangeSwitchesTheLanguageAndTheQuietHoursZoneAndAnOlderOneDoesNotComeBack() throws Exception {
        String address = email();
        // registered in Russian where it is night now: a product mail would wait for the morning
        UUID user = register(address, "ru", nightZone());
        String day = dayZone();
        Instant changedAt = Instant.now().plusSeconds(5);

        identityEvent(new AccountSettingsChanged(user, "en", day, changedAt));
        // an earlier change, delivered late, must not bring the old language and night back
        EventEnvelope stale = identityEvent(new AccountSettingsChanged(user, "ru", nightZone(), changedAt.minusSeconds(1)));
        TestKafka.await(() -> processed(stale), Duration.ofSeconds(30));
        assertThat(recipients.find(user).orElseThrow())
                .satisfies(recipient -> assertThat(recipient.locale()).isEqualTo("en"))
                .satisfies(recipient -> assertThat(recipient.timeZone()).isEqualTo(day));

        String key = request(user, "product", "personal-record", Map.of("effort", "10k", "time", "48:10"));

        var mail = awaitMails(address, 1).get(0);
        awaitStatus(key, "SENT");
        assertThat(mail.getSubject()).isEqualTo("New personal record: 10k");
    }

    private EventEnvelope identityEvent(AccountSettingsChanged change) {
        EventEnvelope envelope = codec.envelope(EventTypes.ACCOUNT_SETTINGS_CHANGED, 1, Services.GATEWAY,
                change.userId().toString(), change, null);
        identityEvent(envelope);
        return envelope;
    }

    private boolean processed(EventEnvelope envelope) {
        return jdbc.sql("select count(*) from stride_processed_event where consumer = 'notification-recipients'"
                + " and event_id = :id").param("id", envelope.eventId()).query(Integer.class).single() == 1;
    }

    @Test
    void anEmailChangeWithAnAddressThatCouldCarryHeadersGoesToTheDeadLetterTopic() {
        UUID user = UUID.randomUUID();
        register(user, "kept@example.org", "UTC");
        TestKafka.await(() -> preferences(user).status() == 200, Duration.ofSeconds(30));

        identityEvent(user, EventTypes.EMAIL_CHANGED, new EmailChanged(user, "x@example.org\r\nBcc: eve@evil.example"),
                Instant.now().plusSeconds(1));

        new TestKafka(brokers).readUntil(Topics.deadLetter(Topics.IDENTITY_EVENTS),
                rs -> rs.stream().anyMatch(r -> r.key().equals(user.toString())), Duration.ofSeconds(30));
        assertThat(recipients.email(user)).contains("kept@example.org");
    }
}
