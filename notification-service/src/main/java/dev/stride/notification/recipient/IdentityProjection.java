package dev.stride.notification.recipient;

import java.time.ZoneId;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.AccountSettingsChanged;
import dev.stride.contracts.payload.EmailChanged;
import dev.stride.contracts.payload.EmailVerified;
import dev.stride.contracts.payload.UserDeleted;
import dev.stride.contracts.payload.UserRegistered;
import dev.stride.kit.events.EventHandlers;
import dev.stride.kit.events.NonRetryableEventException;
import dev.stride.notification.digest.DigestStore;
import dev.stride.notification.message.MessageErasure;

/**
 * Keeps the recipient projection in step with identity events; {@code user-deleted} also erases the
 * user's delivery log, inbox and unsubscribe entries (dropping queued mail) and the weekly digest's rows.
 *
 * <p>Events of one user arrive in order (one topic, keyed by user id), so an {@code email-changed},
 * {@code email-verified} or {@code account-settings-changed} for a user the projection does not hold
 * means the user was deleted (or registered before this projection existed): it is skipped with a
 * log line naming only the user id, and never re-creates a deleted recipient.
 */
@Component
class IdentityProjection {

    private static final Logger log = LoggerFactory.getLogger(IdentityProjection.class);
    private static final Set<String> LOCALES = Set.of("ru", "en");

    private final EventHandlers handlers;

    IdentityProjection(EventHandlers.Factory events, RecipientStore store, MessageErasure erasure, DigestStore digests) {
        this.handlers = events.forConsumer("notification-recipients")
                .on(EventTypes.USER_REGISTERED, UserRegistered.class, (user, envelope) -> store.upsert(user.userId(),
                        user.email(), displayName(user.displayName()), locale(user.locale()),
                        validZone(user.timeZone()), envelope.occurredAt()))
                .on(EventTypes.EMAIL_CHANGED, EmailChanged.class, (change, envelope) -> {
                    if (!store.changeEmail(change.userId(), validAddress(change.email()), envelope.occurredAt())) {
                        log.info("email-changed for user {} not applied: user unknown here or event older than the projection",
                                change.userId());
                    }
                })
                .on(EventTypes.ACCOUNT_SETTINGS_CHANGED, AccountSettingsChanged.class, change -> {
                    // the gateway validates both; an unknown locale falls back like at registration, a bad zone is refused
                    if (!store.changeSettings(change.userId(), locale(change.locale()), validZone(change.timeZone()),
                            change.changedAt())) {
                        log.info("account-settings-changed for user {} not applied: user unknown here or event older"
                                + " than the projection", change.userId());
                    }
                })
                .on(EventTypes.EMAIL_VERIFIED, EmailVerified.class, verified -> {
                    if (!store.markEmailVerified(verified.userId())) {
                        log.info("email-verified for unknown user {} ignored", verified.userId());
                    }
                })
                .on(EventTypes.USER_DELETED, UserDeleted.class, user -> {
                    store.erase(user.userId());
                    erasure.erase(user.userId());
                    digests.eraseUser(user.userId());
                });
    }

    @KafkaListener(topics = Topics.IDENTITY_EVENTS, groupId = "notification-service.recipients")
    void on(String message) {
        handlers.handle(message);
    }

    private static String locale(String locale) {
        return LOCALES.contains(locale) ? locale : "en";
    }

    /** Only the greeting of the weekly digest uses it; a missing or oversized name is left out, not refused. */
    private static String displayName(String name) {
        return name == null || name.isBlank() || name.length() > 200 ? null : name.strip();
    }

    /** The address is parsed strictly here, so a bad one lands in the DLT rather than failing every mail later. */
    private static String validAddress(String email) {
        if (!MailAddresses.isSingleAddress(email)) {
            throw new NonRetryableEventException("email-changed carries no valid single address");
        }
        return email.trim();
    }

    private static String validZone(String zone) {
        try {
            return ZoneId.of(zone).getId();
        }
        catch (RuntimeException ex) {
            throw new NonRetryableEventException("time zone '" + zone + "' is not a valid zone id", ex);
        }
    }
}
