package dev.stride.notification.message;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventHandlers;
import dev.stride.kit.events.NonRetryableEventException;
import dev.stride.notification.recipient.Category;
import dev.stride.notification.recipient.MailAddresses;

/**
 * Turns {@code notification-requested} events into QUEUED rows of the delivery log. A request that
 * can never be delivered (unknown template, wrong category, oversized or unsafe parameters) is
 * refused with {@link NonRetryableEventException}, so it lands in the dead-letter topic with the
 * reason and the consumer moves on. The idempotency key is unique in the table: a second request
 * with the same key, on this or another instance, inserts nothing.
 */
@Component
class NotificationIntake {

    /** The consumer group every instance joins, so each request is handled by one of them. */
    static final String GROUP = "notification-service.requests";
    static final int MAX_PARAMETERS = 20;
    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_VALUE_LENGTH = 1000;
    static final int MAX_TOTAL_BYTES = 8 * 1024;
    static final int MAX_KEY_LENGTH = 200;

    private final EventHandlers handlers;
    private final MessageStore messages;
    private final DeliveryWorker worker;
    private final Clock clock = Clock.systemUTC();

    NotificationIntake(EventHandlers.Factory events, MessageStore messages, DeliveryWorker worker) {
        this.messages = messages;
        this.worker = worker;
        this.handlers = events.forConsumer("notification-requests")
                .on(EventTypes.NOTIFICATION_REQUESTED, NotificationRequested.class, this::accept);
    }

    @KafkaListener(topics = Topics.NOTIFICATION_REQUESTS, groupId = GROUP, containerPostProcessor = "commitPerPoll")
    void on(String message) {
        handlers.handle(message);
    }

    private void accept(NotificationRequested request) {
        validate(request);
        Instant now = clock.instant();
        Instant notBefore = request.notBefore() != null && request.notBefore().isAfter(now) ? request.notBefore() : now;
        // the explicit address is personal data: it leaves the parameters and is stored encrypted apart
        Map<String, String> parameters = new HashMap<>(request.parameters());
        String toAddress = parameters.remove(NotificationTemplates.TO_ADDRESS);
        boolean recorded = messages.insertIfAbsent(UUID.randomUUID(), request.idempotencyKey(),
                request.recipientUserId(), request.category(), request.templateId(), parameters,
                toAddress == null ? null : toAddress.trim(), notBefore, now);
        if (recorded && TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    worker.nudge();
                }
            });
        }
    }

    static void validate(NotificationRequested request) {
        TemplateCatalog.Spec spec = TemplateCatalog.find(request.templateId()).orElseThrow(
                () -> new NonRetryableEventException("unknown template id '" + clip(request.templateId()) + "'"));
        Category category = Category.fromWire(request.category());
        if (category == null) {
            throw new NonRetryableEventException("unknown category '" + clip(request.category()) + "'");
        }
        if (category != spec.category()) {
            throw new NonRetryableEventException("template '" + spec.id() + "' belongs to category '"
                    + spec.category().wireName() + "', not '" + category.wireName() + "'");
        }
        String key = request.idempotencyKey();
        if (key.isBlank() || key.length() > MAX_KEY_LENGTH) {
            throw new NonRetryableEventException("idempotency key must have 1.." + MAX_KEY_LENGTH + " characters");
        }
        Map<String, String> parameters = request.parameters();
        if (parameters.size() > MAX_PARAMETERS) {
            throw new NonRetryableEventException("too many parameters: " + parameters.size() + " > " + MAX_PARAMETERS);
        }
        int total = 0;
        for (Map.Entry<String, String> entry : parameters.entrySet()) {
            if (entry.getKey().length() > MAX_NAME_LENGTH) {
                throw new NonRetryableEventException("parameter name longer than " + MAX_NAME_LENGTH + " characters");
            }
            if (entry.getValue() == null) {
                throw new NonRetryableEventException("parameter '" + clip(entry.getKey()) + "' is null");
            }
            if (entry.getValue().length() > MAX_VALUE_LENGTH) {
                throw new NonRetryableEventException("parameter '" + clip(entry.getKey()) + "' is oversized: "
                        + entry.getValue().length() + " > " + MAX_VALUE_LENGTH + " characters");
            }
            total += entry.getKey().getBytes(StandardCharsets.UTF_8).length
                    + entry.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        if (total > MAX_TOTAL_BYTES) {
            throw new NonRetryableEventException("parameters are oversized: " + total + " > " + MAX_TOTAL_BYTES + " bytes");
        }
        for (String name : spec.params()) {
            if (name.equals(NotificationTemplates.NAME)) {
                continue; // filled from the recipient projection when the producer does not know it
            }
            String value = parameters.get(name);
            if (value == null || value.isBlank()) {
                throw new NonRetryableEventException("template '" + spec.id() + "' needs parameter '" + name + "'");
            }
        }
        if (parameters.containsKey(NotificationTemplates.TO_ADDRESS)) {
            // the value is never put into the reason: it is an address, and reasons are logged and kept
            if (!spec.acceptsToAddress()) {
                throw new NonRetryableEventException("parameter '" + NotificationTemplates.TO_ADDRESS
                        + "' is accepted only by '" + NotificationTemplates.EMAIL_VERIFICATION + "', not by '"
                        + spec.id() + "'");
            }
            if (!MailAddresses.isSingleAddress(parameters.get(NotificationTemplates.TO_ADDRESS))) {
                throw new NonRetryableEventException("parameter '" + NotificationTemplates.TO_ADDRESS
                        + "' is not one plain address (local@domain, no name, no list, no control characters)");
            }
        }
        if (spec.actionParam() != null && !isHttpsUrl(parameters.get(spec.actionParam()))) {
            throw new NonRetryableEventException("parameter '" + spec.actionParam() + "' must be an https:// URL");
        }
    }

    private static boolean isHttpsUrl(String value) {
        try {
            java.net.URI uri = new java.net.URI(value);
            return "https".equalsIgnoreCase(uri.getScheme()) && uri.getHost() != null;
        }
        catch (java.net.URISyntaxException ex) {
            return false;
        }
    }

    private static String clip(String value) {
        return value.length() <= 64 ? value : value.substring(0, 64) + "…";
    }
}
