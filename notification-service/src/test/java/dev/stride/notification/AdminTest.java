package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.notification.message.TemplateCatalog;
import dev.stride.notification.message.UnsubscribeTokens;
import dev.stride.notification.recipient.Category;

@StrideServiceTest
class AdminTest extends NotificationTestBase {

    @Autowired
    UnsubscribeTokens tokens;

    @Test
    void adminEndpointsRefuseUsersAndAnonymousCallers() {
        String user = userToken(UUID.randomUUID());
        UUID any = UUID.randomUUID();
        for (String path : List.of("/api/v1/notifications/admin/stats", "/api/v1/notifications/admin/messages/" + any,
                "/api/v1/notifications/admin/suppressions",
                "/api/v1/notifications/admin/templates/password-reset/preview?locale=en&format=html")) {
            assertThat(http().get(path, user).status()).as(path).isEqualTo(403);
            assertThat(http().get(path, null).status()).as(path).isEqualTo(401);
        }
        assertThat(http().post("/api/v1/notifications/admin/messages/" + any + "/resend", user, "").status())
                .isEqualTo(403);
    }

    @Test
    void statisticsHistoryResendAndSuppressionList() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String key = request(user, "account", "password-changed", Map.of("name", "Lev", "changedAt", "noon"));
        awaitStatus(key, "SENT");
        UUID id = messageId(key);
        String admin = adminToken();

        var stats = http().get("/api/v1/notifications/admin/stats", admin);
        assertThat(stats.status()).isEqualTo(200);
        assertThat(stats.json().get("byCategory").get("account").get("SENT").asLong()).isPositive();

        var history = http().get("/api/v1/notifications/admin/messages/" + id, admin);
        assertThat(history.status()).isEqualTo(200);
        assertThat(history.json().get("message").get("status").asString()).isEqualTo("SENT");
        assertThat(history.json().get("message").get("attempts").asInt()).isEqualTo(1);
        List<String> events = new ArrayList<>();
        history.json().get("events").forEach(e -> events.add(e.get("status").asString()));
        assertThat(events).containsExactly("QUEUED", "SENT");
        assertThat(history.body()).doesNotContain(address);
        assertThat(http().get("/api/v1/notifications/admin/messages/" + UUID.randomUUID(), admin).status())
                .isEqualTo(404);

        var resent = http().post("/api/v1/notifications/admin/messages/" + id + "/resend", admin, "");
        assertThat(resent.status()).as(resent.body()).isEqualTo(202);
        UUID copy = UUID.fromString(resent.json().get("id").asString());
        assertThat(copy).isNotEqualTo(id);
        var mails = awaitMails(address, 2);
        assertThat(mails.get(0).getMessageID()).isNotEqualTo(mails.get(1).getMessageID());

        UUID leaver = register(email(), "en", dayZone());
        var unsubscribed = new TestHttp("http://127.0.0.1:" + port).get(
                "/api/v1/notifications/unsubscribe?token=" + tokens.issue(leaver, Category.PRODUCT), null);
        assertThat(unsubscribed.status()).isEqualTo(200);
        var suppressions = http().get("/api/v1/notifications/admin/suppressions?limit=500", admin);
        assertThat(suppressions.status()).isEqualTo(200);
        assertThat(suppressions.body()).contains(leaver.toString());
    }

    @Test
    void previewRendersEveryTemplateInBothLanguagesWithSampleData() {
        String admin = adminToken();
        for (TemplateCatalog.Spec spec : TemplateCatalog.all()) {
            for (String locale : List.of("ru", "en")) {
                var html = http().send(http().request("/api/v1/notifications/admin/templates/" + spec.id()
                        + "/preview?locale=" + locale + "&format=html", admin).GET().build());
                assertThat(html.status()).as(spec.id()).isEqualTo(200);
                assertThat(html.header("Content-Type")).startsWith("text/html");
                assertThat(html.body()).contains("lang=\"" + locale + "\"")
                        .contains(locale.equals("ru") ? "Здравствуйте, Мария!" : "Hi Мария,");
                var text = http().send(http().request("/api/v1/notifications/admin/templates/" + spec.id()
                        + "/preview?locale=" + locale + "&format=text", admin).GET().build());
                assertThat(text.status()).isEqualTo(200);
                assertThat(text.header("Content-Type")).startsWith("text/plain");
                assertThat(text.body()).startsWith("Subject: ").doesNotContain("<html");
            }
        }
        assertThat(http().get("/api/v1/notifications/admin/templates/nope/preview", admin).status()).isEqualTo(404);
        assertThat(http().get("/api/v1/notifications/admin/templates/password-reset/preview?locale=de", admin).status())
                .isEqualTo(400);
    }
}
