package dev.stride.gateway.account;

import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventPublisher;

/** Mails of the account flows, requested from notification-service through the outbox (call inside a transaction). */
@Component
class IdentityNotifications {

    static final String CATEGORY = "account";
    static final String EMAIL_VERIFICATION = NotificationTemplates.EMAIL_VERIFICATION;
    static final String PASSWORD_RESET = NotificationTemplates.PASSWORD_RESET;
    static final String PASSWORD_CHANGED = NotificationTemplates.PASSWORD_CHANGED;
    static final String EMAIL_CHANGED = NotificationTemplates.EMAIL_CHANGED;
    /**
     * Parameter that sends the mail to this address instead of the one notification-service knows
     * for the user: the verification of a new address during an e-mail change.
     */
    static final String TO_ADDRESS = "toAddress";
    static final int VERSION = 1;

    private final EventPublisher events;

    IdentityNotifications(EventPublisher events) {
        this.events = events;
    }

    void request(UUID userId, String templateId, Map<String, String> parameters, String idempotencyKey) {
        events.publish(Topics.NOTIFICATION_REQUESTS, EventTypes.NOTIFICATION_REQUESTED, VERSION, userId.toString(),
                new NotificationRequested(userId, CATEGORY, templateId, parameters, idempotencyKey, null));
    }
}
