package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestKafka;

/**
 * The e-mail change as the gateway requests it: the verification link for the new address names that
 * address ({@code toAddress}); the notice goes to the address the projection holds (the old one).
 */
@StrideServiceTest
class EmailChangeMailTest extends NotificationTestBase {

    private static final String LINK = "https://stride.test/api/v1/auth/verify-email?token=t";

    private Map<String, String> verification(String toAddress) {
        return Map.of(NotificationTemplates.NAME, "Мария", NotificationTemplates.VERIFICATION_URL, LINK,
                NotificationTemplates.TO_ADDRESS, toAddress);
    }

    private String storedRow(String key) {
        return jdbc.sql("select parameters::text || coalesce(reason, '') from message where idempotency_key = :key")
                .param("key", key).query(String.class).single()
                + jdbc.sql("select coalesce(string_agg(coalesce(e.reason, ''), ' '), '') from message_event e join message m"
                        + " on m.id = e.message_id where m.idempotency_key = :key").param("key", key)
                        .query(String.class).single();
    }

    private byte[] toAddressCiphertext(String key) {
        return jdbc.sql("select to_address_ciphertext from message where idempotency_key = :key").param("key", key)
                .query(byte[].class).optional().orElse(null);
    }

    @Test
    void theLinkForANewAddressGoesToThatAddressAndTheNoticeToTheOldOne() throws Exception {
        String oldAddress = email();
        String newAddress = email();
        UUID user = register(oldAddress, "en", dayZone());

        String link = request(user, "account", NotificationTemplates.EMAIL_VERIFICATION, verification(newAddress));
        String notice = request(user, "account", NotificationTemplates.EMAIL_CHANGED,
                Map.of(NotificationTemplates.NAME, "Мария", NotificationTemplates.CHANGED_AT, "2026-05-01 09:30 UTC"));

        MimeMessage toNew = awaitMails(newAddress, 1).get(0);
        MimeMessage toOld = awaitMails(oldAddress, 1).get(0);
        awaitStatus(link, "SENT");
        awaitStatus(notice, "SENT");
        assertThat(toNew.getSubject()).isEqualTo("Confirm your email address");
        assertThat(toNew.getHeader("To")[0]).isEqualTo(newAddress);
        assertThat(toOld.getSubject()).isEqualTo("Your Stride email address is being changed");
        assertThat(mail().messagesTo(oldAddress)).hasSize(1);
        assertThat(mail().messagesTo(newAddress)).hasSize(1);
        // after sending, the named address is gone from the store; the row remembers only that there was one
        assertThat(toAddressCiphertext(link)).isNull();
        assertThat(storedRow(link)).doesNotContain(newAddress).doesNotContain(NotificationTemplates.TO_ADDRESS);
        assertThat(jdbc.sql("select own_address from message where idempotency_key = :key").param("key", link)
                .query(Boolean.class).single()).isTrue();
    }

    @Test
    void whileQueuedTheNamedAddressIsKeptOnlyEncrypted() {
        String oldAddress = email();
        String newAddress = email();
        UUID user = register(oldAddress, "ru", dayZone());
        String key = "email-change-verification:" + UUID.randomUUID();

        request(user, "account", NotificationTemplates.EMAIL_VERIFICATION, verification(newAddress), key,
                Instant.now().plus(Duration.ofHours(1)));

        awaitStatus(key, "QUEUED");
        byte[] ciphertext = toAddressCiphertext(key);
        assertThat(ciphertext).isNotNull();
        assertThat(new String(ciphertext, StandardCharsets.ISO_8859_1)).doesNotContain(newAddress.substring(0, 10));
        assertThat(storedRow(key)).doesNotContain(newAddress);
    }

    @Test
    void anAddressNamedForAnyOtherTemplateOrNotOnePlainAddressIsRefusedWithoutEchoingIt() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String evil = "eve@evil.example";
        String redirectedReset = "redirect-" + UUID.randomUUID();
        request(user, "account", NotificationTemplates.PASSWORD_RESET, Map.of(NotificationTemplates.NAME, "n",
                NotificationTemplates.RESET_URL, "https://stride.test/reset?token=t", NotificationTemplates.TO_ADDRESS,
                evil), redirectedReset, null);
        String list = "list-" + UUID.randomUUID();
        request(user, "account", NotificationTemplates.EMAIL_VERIFICATION, verification(email() + ", " + evil), list,
                null);
        String named = "named-" + UUID.randomUUID();
        request(user, "account", NotificationTemplates.EMAIL_VERIFICATION, verification("Eve <" + evil + ">"), named,
                null);
        String injected = "injected-" + UUID.randomUUID();
        request(user, "account", NotificationTemplates.EMAIL_VERIFICATION,
                verification("x@example.org\r\nBcc: " + evil), injected, null);
        String good = request(user, "account", NotificationTemplates.PASSWORD_CHANGED,
                Map.of(NotificationTemplates.NAME, "Good", NotificationTemplates.CHANGED_AT, "now"));

        List<String> refused = List.of(redirectedReset, list, named, injected);
        List<ConsumerRecord<String, String>> dead = new TestKafka(brokers).readUntil(
                Topics.deadLetter(Topics.NOTIFICATION_REQUESTS),
                rs -> refused.stream().allMatch(k -> find(rs, k) != null), Duration.ofSeconds(60));
        assertThat(reasonOf(find(dead, redirectedReset))).contains("accepted only by 'email-verification'");
        for (String key : List.of(list, named, injected)) {
            assertThat(reasonOf(find(dead, key))).contains("not one plain address").doesNotContain(evil);
        }
        awaitStatus(good, "SENT");
        for (String key : refused) {
            assertThat(status(key)).as(key).isNull();
        }
        assertThat(mail().messagesTo(evil)).isEmpty();
        assertThat(awaitMails(address, 1)).hasSize(1);
    }

    @Test
    void aMailToANamedAddressIsNotResentToTheProjectedOne() {
        String oldAddress = email();
        String newAddress = email();
        UUID user = register(oldAddress, "en", dayZone());
        String key = request(user, "account", NotificationTemplates.EMAIL_VERIFICATION, verification(newAddress));
        awaitStatus(key, "SENT");

        var resent = http().post("/api/v1/notifications/admin/messages/" + messageId(key) + "/resend", adminToken(), "");

        assertThat(resent.status()).isEqualTo(409);
        assertThat(resent.body()).doesNotContain(newAddress);
        assertThat(mail().messagesTo(oldAddress)).isEmpty();
    }
}
