package dev.stride.notification.message;

import java.util.UUID;

import org.springframework.stereotype.Component;

/**
 * Erases what the delivery side keeps of a deleted user: the delivery log (queued mail included, so
 * it is never sent), the inbox and the unsubscribe entries. Runs in the transaction of the
 * {@code user-deleted} handler. A mail a worker is sending at that very moment can still go out;
 * its SENT update then finds no row and nothing is kept.
 */
@Component
public class MessageErasure {

    private final MessageStore messages;
    private final InboxStore inbox;
    private final SuppressionStore suppressions;

    MessageErasure(MessageStore messages, InboxStore inbox, SuppressionStore suppressions) {
        this.messages = messages;
        this.inbox = inbox;
        this.suppressions = suppressions;
    }

    public void erase(UUID userId) {
        messages.eraseUser(userId);
        inbox.eraseUser(userId);
        suppressions.eraseUser(userId);
    }
}
