package dev.stride.gateway.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.stride.contracts.EventEnvelope;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventPublisher;

/** The request shapes notification-service accepts (it dead-letters anything else). */
class IdentityNotificationsTest {

    private final List<NotificationRequested> published = new ArrayList<>();
    private final IdentityNotifications notifications = new IdentityNotifications(new EventPublisher() {
        @Override
        public EventEnvelope publish(String topic, String type, int version, String subjectId, Object payload) {
            published.add((NotificationRequested) payload);
            return null;
        }

        @Override
        public void publish(String topic, EventEnvelope envelope) {
            throw new UnsupportedOperationException();
        }
    });

    @Test
    void changeNoticesCarryTheTimeOfTheChange() {
        UUID user = UUID.randomUUID();

        notifications.request(user, IdentityNotifications.EMAIL_CHANGED, Map.of(NotificationTemplates.NAME, "Mia"), "k1");
        notifications.request(user, IdentityNotifications.PASSWORD_CHANGED, Map.of(NotificationTemplates.NAME, "Mia"),
                "k2");

        assertThat(published).allSatisfy(request -> assertThat(request.parameters().get(NotificationTemplates.CHANGED_AT))
                .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC"));
    }

    @Test
    void onlyAnAddressVerificationMayNameItsOwnAddress() {
        UUID user = UUID.randomUUID();
        Map<String, String> redirected = Map.of(NotificationTemplates.NAME, "Mia", NotificationTemplates.RESET_URL,
                "https://stride.test/reset", IdentityNotifications.TO_ADDRESS, "eve@evil.example");

        assertThatThrownBy(() -> notifications.request(user, IdentityNotifications.PASSWORD_RESET, redirected, "k"))
                .isInstanceOf(IllegalArgumentException.class);
        notifications.request(user, IdentityNotifications.EMAIL_VERIFICATION, Map.of(NotificationTemplates.NAME, "Mia",
                NotificationTemplates.VERIFICATION_URL, "https://stride.test/v", IdentityNotifications.TO_ADDRESS,
                "new@example.org"), "k");

        assertThat(published).singleElement().satisfies(request -> assertThat(request.parameters())
                .containsEntry(NotificationTemplates.TO_ADDRESS, "new@example.org")
                .doesNotContainKey(NotificationTemplates.CHANGED_AT));
    }
}
