package dev.stride.notification.message;

/** Where a message stands in the delivery log. */
public enum MessageStatus {
    /** waiting for its time (not-before, quiet hours, recipient projection) or a worker */
    QUEUED,
    /** handed to the SMTP relay */
    SENT,
    /** a transient SMTP failure; tried again after a backoff */
    RETRYING,
    /** permanently undeliverable (5xx, unknown recipient, retries exhausted) */
    FAILED,
    /** deliberately not sent (category off, unsubscribed, cap reached) */
    SUPPRESSED
}
