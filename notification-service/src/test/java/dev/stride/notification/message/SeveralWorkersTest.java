package dev.stride.notification.message;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

import dev.stride.kit.test.StrideServiceTest;
import dev.stride.notification.NotificationTestBase;
import dev.stride.notification.recipient.RecipientStore;

/**
 * A second, independent worker pool over the same database stands in for a second instance: a
 * burst of mails is claimed by both (for update skip locked) and every mail arrives exactly once.
 */
@StrideServiceTest
class SeveralWorkersTest extends NotificationTestBase {

    @Autowired
    MessageStore messages;
    @Autowired
    InboxStore inbox;
    @Autowired
    SuppressionStore suppressions;
    @Autowired
    RecipientStore recipients;
    @Autowired
    MailRenderer renderer;
    @Autowired
    MailComposer composer;
    @Autowired
    UnsubscribeTokens tokens;
    @Autowired
    NotificationProperties properties;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void twoInstancesDeliverABurstExactlyOnce() throws Exception {
        DeliveryWorker secondInstance = new DeliveryWorker(messages, inbox, suppressions, recipients, renderer, composer,
                tokens, properties, transactions, jdbc);
        secondInstance.start();
        try {
            String address = email();
            UUID user = register(address, "en", "UTC");
            List<String> keys = new ArrayList<>();
            for (int i = 0; i < 40; i++) {
                keys.add(request(user, "account", "password-changed", Map.of("name", "N" + i, "changedAt", "t")));
            }
            await(() -> keys.stream().allMatch(k -> "SENT".equals(status(k))), "all SENT");
            Thread.sleep(1500);
            List<MimeMessage> mails = mail().messagesTo(address);
            Set<String> ids = new HashSet<>();
            for (MimeMessage mail : mails) {
                ids.add(mail.getMessageID());
            }
            assertThat(mails).hasSize(40);
            assertThat(ids).hasSize(40);
            assertThat(jdbc.sql("select count(*) from inbox_item where user_id = :u").param("u", user)
                    .query(Integer.class).single()).isEqualTo(40);
        }
        finally {
            secondInstance.stop();
        }
    }
}
