package dev.stride.contracts;

/**
 * Template ids and parameter names of notification requests: the producer and notification-service
 * must use the same words, or a request lands in the dead-letter topic.
 */
public final class NotificationTemplates {

    public static final String EMAIL_VERIFICATION = "email-verification";
    public static final String PASSWORD_RESET = "password-reset";
    public static final String PASSWORD_CHANGED = "password-changed";
    public static final String EMAIL_CHANGED = "email-changed";

    /** The person's display name, used in the greeting. */
    public static final String NAME = "name";
    /** The https link that verifies an address (email-verification). */
    public static final String VERIFICATION_URL = "verificationUrl";
    /** The https link that resets a password (password-reset). */
    public static final String RESET_URL = "resetUrl";

    private NotificationTemplates() {
    }
}
