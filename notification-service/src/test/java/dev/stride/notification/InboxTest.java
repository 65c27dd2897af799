package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.stride.kit.test.StrideServiceTest;
import tools.jackson.databind.JsonNode;

@StrideServiceTest
class InboxTest extends NotificationTestBase {

    @Test
    void deliveredMailAppearsInTheInboxWithPagingAndReadMarks() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        for (int i = 1; i <= 3; i++) {
            String key = request(user, "product", "upload-failed",
                    Map.of("name", "Kim", "fileName", "run" + i + ".fit", "reason", "not a FIT file"));
            awaitStatus(key, "SENT");
        }
        String suppressed = request(user, "marketing", "marketing-offer",
                Map.of("name", "Kim", "offerTitle", "x", "offerUrl", "https://shop.example/x"));
        awaitStatus(suppressed, "SUPPRESSED");
        String token = userToken(user);

        var first = http().get("/api/v1/notifications?limit=2", token);
        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("unreadCount").asInt()).isEqualTo(3);
        List<JsonNode> items = new ArrayList<>();
        first.json().get("items").forEach(items::add);
        assertThat(items).hasSize(2);
        assertThat(items.get(0).get("title").asString()).isEqualTo("We could not read run3.fit");
        assertThat(items.get(0).get("body").asString()).isEqualTo("We could not import the file run3.fit: not a FIT file");
        assertThat(items.get(0).get("read").asBoolean()).isFalse();
        String cursor = first.json().get("nextCursor").asString();

        var second = http().get("/api/v1/notifications?limit=2&cursor=" + cursor, token);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("items").get(0).get("title").asString()).isEqualTo("We could not read run1.fit");
        assertThat(second.json().get("nextCursor").isNull()).isTrue();

        String id = items.get(0).get("id").asString();
        assertThat(http().post("/api/v1/notifications/" + id + "/read", token, "").status()).isEqualTo(204);
        assertThat(http().get("/api/v1/notifications", token).json().get("unreadCount").asInt()).isEqualTo(2);
        // someone else's item is not found for another user, and nothing changes
        assertThat(http().post("/api/v1/notifications/" + items.get(1).get("id").asString() + "/read",
                userToken(UUID.randomUUID()), "").status()).isEqualTo(404);
        assertThat(http().get("/api/v1/notifications", token).json().get("unreadCount").asInt()).isEqualTo(2);

        var all = http().post("/api/v1/notifications/read-all", token, "");
        assertThat(all.json().get("marked").asInt()).isEqualTo(2);
        var after = http().get("/api/v1/notifications", token).json();
        assertThat(after.get("unreadCount").asInt()).isZero();
        after.get("items").forEach(item -> assertThat(item.get("read").asBoolean()).isTrue());

        assertThat(http().get("/api/v1/notifications?limit=0", token).status()).isEqualTo(400);
        assertThat(http().get("/api/v1/notifications?cursor=bm90LWEtY3Vyc29y", token).status()).isEqualTo(400);
        assertThat(http().get("/api/v1/notifications", null).status()).isEqualTo(401);
    }
}
