package dev.stride.gateway.account;

import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
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
     * for the user: the verification of a new address during an e-mail change. notification-service
     * accepts it for {@link #EMAIL_VERIFICATION} only.
     */
    static final String TO_ADDRESS = NotificationTemplates.TO_ADDRESS;
    static final int VERSION = 1;
    /** Templates that tell when the change happened; the request time is that moment. */
    private static final Set<String> STAMPED = Set.of(PASSWORD_CHANGED, EMAIL_CHANGED);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final EventPublisher events;
    private final Clock clock = Clock.systemUTC();

    IdentityNotifications(EventPublisher events) {
        this.events = events;
    }

    void request(UUID userId, String templateId, Map<String, String> parameters, String idempotencyKey) {
        if (parameters.containsKey(TO_ADDRESS) && !EMAIL_VERIFICATION.equals(templateId)) {
            throw new IllegalArgumentException("only " + EMAIL_VERIFICATION + " may name its own address");
        }
        Map<String, String> complete = new LinkedHashMap<>(parameters);
        if (STAMPED.contains(templateId)) {
            // notification-service refuses these templates without the time (they went to the DLT before)
            complete.putIfAbsent(NotificationTemplates.CHANGED_AT, STAMP.format(clock.instant()));
        }
        events.publish(Topics.NOTIFICATION_REQUESTS, EventTypes.NOTIFICATION_REQUESTED, VERSION, userId.toString(),
                new NotificationRequested(userId, CATEGORY, templateId, complete, idempotencyKey, null));
    }
}
