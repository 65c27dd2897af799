package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import dev.stride.contracts.Topics;
import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestKafka;

@StrideServiceTest
class DeadLetterTest extends NotificationTestBase {

    @Test
    void badRequestsGoToTheDeadLetterTopicWithTheReasonAndTheConsumerGoesOn() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        Map<String, String> oversized = new HashMap<>(Map.of("name", "x".repeat(5000), "changedAt", "now"));
        String oversizedKey = "bad-size-" + UUID.randomUUID();
        request(user, "account", "password-changed", oversized, oversizedKey, null);
        Map<String, String> tooMany = new HashMap<>(Map.of("name", "n", "changedAt", "now"));
        for (int i = 0; i < 30; i++) {
            tooMany.put("extra" + i, "v");
        }
        String tooManyKey = "bad-count-" + UUID.randomUUID();
        request(user, "account", "password-changed", tooMany, tooManyKey, null);
        String unknownKey = "bad-template-" + UUID.randomUUID();
        request(user, "account", "free-bitcoin", Map.of("name", "n"), unknownKey, null);
        String wrongCategoryKey = "bad-category-" + UUID.randomUUID();
        request(user, "product", "password-reset", Map.of("name", "n", "resetUrl", "https://x.example/r"),
                wrongCategoryKey, null);
        String unsafeLinkKey = "bad-link-" + UUID.randomUUID();
        request(user, "account", "password-reset", Map.of("name", "n", "resetUrl", "javascript:alert(1)"),
                unsafeLinkKey, null);
        String malformedKey = "malformed-" + UUID.randomUUID();
        publishRaw(malformedKey, "{\"eventId\": \"not json");
        String good = request(user, "account", "password-changed", Map.of("name", "Good", "changedAt", "now"));

        List<String> badKeys = List.of(oversizedKey, tooManyKey, unknownKey, wrongCategoryKey, unsafeLinkKey);
        awaitMails(address, 1);
        awaitStatus(good, "SENT");
        List<ConsumerRecord<String, String>> dead = new TestKafka(brokers).readUntil(
                Topics.deadLetter(Topics.NOTIFICATION_REQUESTS),
                rs -> badKeys.stream().allMatch(k -> find(rs, k) != null)
                        && rs.stream().anyMatch(r -> malformedKey.equals(r.key())),
                Duration.ofSeconds(60));
        assertThat(reasonOf(find(dead, oversizedKey))).contains("oversized");
        assertThat(reasonOf(find(dead, tooManyKey))).contains("too many parameters");
        assertThat(reasonOf(find(dead, unknownKey))).contains("unknown template id 'free-bitcoin'");
        assertThat(reasonOf(find(dead, wrongCategoryKey))).contains("belongs to category 'account'");
        assertThat(reasonOf(find(dead, unsafeLinkKey))).contains("https://");
        for (String key : badKeys) {
            assertThat(status(key)).as(key).isNull();
        }
        assertThat(mail().messagesTo(address)).hasSize(1);
    }
}
