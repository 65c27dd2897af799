package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Services;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.kit.test.TestKafka;
import dev.stride.notification.message.UnsubscribeTokens;
import dev.stride.notification.recipient.Category;

@StrideServiceTest
class ErasureTest extends NotificationTestBase {

    @Autowired
    UnsubscribeTokens tokens;

    @Test
    void userDeletedErasesMessagesInboxSuppressionsAndDropsQueuedMail() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String sent = request(user, "account", "password-changed", Map.of("name", "Zoe", "changedAt", "now"));
        awaitStatus(sent, "SENT");
        String queued = "later-" + UUID.randomUUID();
        request(user, "account", "password-changed", Map.of("name", "Zoe", "changedAt", "later"), queued,
                Instant.now().plusSeconds(6));
        awaitStatus(queued, "QUEUED");
        assertThat(new TestHttp("http://127.0.0.1:" + port).get(
                "/api/v1/notifications/unsubscribe?token=" + tokens.issue(user, Category.PRODUCT), null).status())
                .isEqualTo(200);
        assertThat(count("inbox_item", user)).isEqualTo(1);
        assertThat(count("suppression", user)).isEqualTo(1);

        new TestKafka(brokers).send(Topics.IDENTITY_EVENTS, user.toString(), codec.write(codec.envelope(
                EventTypes.USER_DELETED, 1, Services.GATEWAY, user.toString(), new UserDeleted(user), null)));

        TestKafka.await(() -> !recipientKnown(user), WAIT);
        assertThat(jdbc.sql("select count(*) from message where recipient_user_id = :u").param("u", user)
                .query(Integer.class).single()).isZero();
        assertThat(count("inbox_item", user)).isZero();
        assertThat(count("suppression", user)).isZero();
        assertThat(jdbc.sql("select count(*) from message_event e where not exists "
                + "(select 1 from message m where m.id = e.message_id)").query(Integer.class).single()).isZero();
        Thread.sleep(8000); // past the queued mail's not-before time
        assertThat(mail().messagesTo(address)).hasSize(1);
        assertThat(http().get("/api/v1/notifications", userToken(user)).json().get("items")).isEmpty();
    }

    private int count(String table, UUID user) {
        return jdbc.sql("select count(*) from " + table + " where user_id = :u").param("u", user)
                .query(Integer.class).single();
    }
}
