package dev.stride.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.stride.kit.test.StrideServiceTest;
import dev.stride.kit.test.TestHttp;
import dev.stride.notification.message.UnsubscribeTokens;
import dev.stride.notification.recipient.Category;

@StrideServiceTest
class SuppressionAndUnsubscribeTest extends NotificationTestBase {

    private static final Map<String, String> GEAR = Map.of("name", "Ivan", "gearName", "Pegasus", "distanceKm", "800");
    private static final Map<String, String> OFFER = Map.of("name", "Ivan", "offerTitle", "Shoes -20%",
            "offerUrl", "https://shop.example/o/1");

    @Autowired
    UnsubscribeTokens tokens;

    @Test
    void marketingIsSuppressedWithoutConsentAndProductWhenTurnedOff() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        String offer = request(user, "marketing", "marketing-offer", OFFER);
        awaitStatus(offer, "SUPPRESSED");
        assertThat(reason(offer)).isEqualTo("category marketing turned off");

        setPreferences(user, Map.of("product", false));
        String gear = request(user, "product", "gear-retirement", GEAR);
        awaitStatus(gear, "SUPPRESSED");
        assertThat(reason(gear)).isEqualTo("category product turned off");

        String account = request(user, "account", "password-changed", Map.of("name", "Ivan", "changedAt", "now"));
        awaitStatus(account, "SENT");
        assertThat(mail().messagesTo(address)).hasSize(1);
        assertThat(mail().messagesTo(address).get(0).getSubject()).isEqualTo("Your Stride password was changed");
    }

    @Test
    void oneClickUnsubscribeFromTheMailHeaderTurnsTheCategoryOffAndLaterMailIsSuppressed() throws Exception {
        String address = email();
        UUID user = register(address, "en", dayZone());
        request(user, "product", "gear-retirement", GEAR);
        MimeMessage first = awaitMails(address, 1).get(0);
        String link = first.getHeader("List-Unsubscribe")[0];
        String token = link.substring(link.indexOf("token=") + 6, link.length() - 1);

        // what a mail client does for RFC 8058: POST the form body to the link, without any login
        var answer = http().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                + "/api/v1/notifications/unsubscribe?token=" + token))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("List-Unsubscribe=One-Click")).build());
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(categoryEnabled(user, "product")).isFalse();

        String later = request(user, "product", "gear-retirement", GEAR);
        awaitStatus(later, "SUPPRESSED");
        assertThat(reason(later)).isEqualTo("unsubscribed");
        assertThat(mail().messagesTo(address)).hasSize(1);

        // turning product mail back on in the app lifts the unsubscribe
        setPreferences(user, Map.of("product", true));
        String again = request(user, "product", "gear-retirement", GEAR);
        awaitStatus(again, "SENT");
        assertThat(mail().messagesTo(address)).hasSize(2);
    }

    @Test
    void unsubscribeByGetWorksWithoutLogin() {
        String address = email();
        UUID user = register(address, "ru", dayZone());
        setPreferences(user, Map.of("marketing", true));
        var answer = new TestHttp("http://127.0.0.1:" + port).get(
                "/api/v1/notifications/unsubscribe?token=" + tokens.issue(user, Category.MARKETING), null);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        assertThat(categoryEnabled(user, "marketing")).isFalse();
        assertThat(jdbc.sql("select reason from suppression where user_id = :u and category = 'marketing'")
                .param("u", user).query(String.class).single()).isEqualTo("one-click unsubscribe");
    }

    @Test
    void forgedTamperedOrExpiredTokensAreRefusedAndChangeNothing() {
        String address = email();
        UUID user = register(address, "en", dayZone());
        UUID victim = register(email(), "en", dayZone());
        String genuine = tokens.issue(user, Category.PRODUCT);
        String[] parts = genuine.split("\\.");
        // the payload names another user, the signature is the original one
        String otherPayload = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(
                (victim + ":product:" + Instant.now().plusSeconds(3600).getEpochSecond()).getBytes());
        char last = parts[1].charAt(parts[1].length() - 2);
        String flipped = parts[1].substring(0, parts[1].length() - 2) + (last == 'A' ? 'B' : 'A')
                + parts[1].charAt(parts[1].length() - 1);
        String expired = tokens.issue(user, Category.PRODUCT, Instant.now().minusSeconds(5));

        for (String bad : new String[] { otherPayload + "." + parts[1], parts[0] + "." + flipped, expired,
                "garbage", "" }) {
            var get = new TestHttp("http://127.0.0.1:" + port).get("/api/v1/notifications/unsubscribe?token=" + bad, null);
            var post = new TestHttp("http://127.0.0.1:" + port).post("/api/v1/notifications/unsubscribe?token=" + bad,
                    null, "{}");
            assertThat(get.status()).as(bad).isEqualTo(400);
            assertThat(post.status()).as(bad).isEqualTo(400);
            assertThat(get.json().get("code").asString()).isEqualTo("VALIDATION_FAILED");
        }
        assertThat(categoryEnabled(user, "product")).isTrue();
        assertThat(categoryEnabled(victim, "product")).isTrue();
        assertThat(jdbc.sql("select count(*) from suppression where user_id in (:a, :b)").param("a", user)
                .param("b", victim).query(Integer.class).single()).isZero();
    }

    private boolean categoryEnabled(UUID user, String category) {
        var view = http().get("/api/v1/notifications/preferences", userToken(user));
        assertThat(view.status()).isEqualTo(200);
        return view.json().get("categories").toString()
                .contains("{\"category\":\"" + category + "\",\"enabled\":true");
    }
}
