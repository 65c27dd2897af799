package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestKafka;

@StrideServiceTest
class DeliveryReliabilityTest extends NotificationTestBase {

    private static final Map<String, String> RECORD = Map.of("name", "Anna", "effort", "10k", "time", "48:10");

    @Test
    void theSameRequestTwiceIsSentOnce() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String key = "dup-" + UUID.randomUUID();
        String envelope = codec.write(codec.envelope(EventTypes.NOTIFICATION_REQUESTED, 1, Services.WORKOUT,
                user.toString(), new NotificationRequested(user, "product", "personal-record", RECORD, key, null), null));

        publishRaw(user.toString(), envelope); // Kafka redelivers the same record
        publishRaw(user.toString(), envelope);
        request(user, "product", "personal-record", RECORD, key, null); // a producer retry: new event id, same key

        awaitMails(address, 1);
        awaitStatus(key, "SENT");
        Thread.sleep(2000);
        assertThat(mail().messagesTo(address)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from message where idempotency_key = :key").param("key", key)
                .query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void mailsRequestedWhileSmtpIsDownArriveExactlyOnceWhenItReturns() throws Exception {
        String address = email();
        UUID user = register(address, "ru", dayZone());
        List<String> keys = new ArrayList<>();
        mail().stop();
        try {
            for (int i = 0; i < 6; i++) {
                keys.add(request(user, "account", "password-changed", Map.of("name", "Анна", "changedAt", "t" + i)));
            }
            await(() -> keys.stream().allMatch(k -> "RETRYING".equals(status(k))), "all RETRYING");
            assertThat(reason(keys.get(0))).isNotBlank();
            // several failed attempts each, with growing delays
            await(() -> keys.stream().allMatch(k -> attempts(k) >= 2), "two attempts each");
        }
        finally {
            mail().start();
        }
        List<MimeMessage> mails = awaitMails(address, keys.size());
        await(() -> keys.stream().allMatch(k -> "SENT".equals(status(k))), "all SENT");
        Thread.sleep(3000);
        mails = mail().messagesTo(address);
        assertThat(mails).hasSize(keys.size());
        Set<String> ids = new HashSet<>();
        for (MimeMessage mail : mails) {
            ids.add(mail.getMessageID());
        }
        Set<String> expected = new HashSet<>();
        keys.forEach(k -> expected.add("<" + messageId(k) + "@mail.stride.test>"));
        assertThat(ids).isEqualTo(expected);
        List<String> history = jdbc.sql("select status from message_event where message_id = :id order by id")
                .param("id", messageId(keys.get(0))).query(String.class).list();
        assertThat(history).startsWith("QUEUED", "RETRYING").endsWith("SENT");
    }

    @Test
    void aRequestForARecipientNotYetProjectedWaitsForTheRegistration() {
        String address = email();
        UUID user = UUID.randomUUID();
        String key = request(user, "account", "password-changed", Map.of("name", "Olga", "changedAt", "now"));
        TestKafka.await(() -> "waiting for recipient".equals(reason(key)), WAIT);
        assertThat(status(key)).isEqualTo("QUEUED");

        new TestKafka(brokers).send(dev.stride.contracts.Topics.IDENTITY_EVENTS, user.toString(),
                codec.write(codec.envelope(EventTypes.USER_REGISTERED, 1, Services.GATEWAY, user.toString(),
                        new dev.stride.contracts.payload.UserRegistered(user, address, "Olga", "en", "UTC"), null)));
        awaitMails(address, 1);
        awaitStatus(key, "SENT");
    }

    @Test
    void aRequestForARecipientThatNeverAppearsFailsAfterTheBoundedWait() {
        String key = request(UUID.randomUUID(), "account", "password-changed", Map.of("name", "Nobody", "changedAt", "now"));
        TestKafka.await(() -> "FAILED".equals(status(key)), Duration.ofSeconds(60));
        assertThat(reason(key)).isEqualTo("recipient unknown");
        assertThat(attempts(key)).isZero();
    }

    @Test
    void aRequestWithANotBeforeTimeWaitsForIt() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String key = "later-" + UUID.randomUUID();
        request(user, "product", "personal-record", RECORD, key, java.time.Instant.now().plusSeconds(4));
        TestKafka.await(() -> "QUEUED".equals(status(key)), WAIT);
        assertThat(mail().messagesTo(address)).isEmpty();
        awaitMails(address, 1);
        awaitStatus(key, "SENT");
    }

    private int attempts(String key) {
        return jdbc.sql("select attempts from message where idempotency_key = :key").param("key", key)
                .query(Integer.class).single();
    }
}
