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
    /** When a password or address change happened, formatted for the reader (password-changed, email-changed). */
    public static final String CHANGED_AT = "changedAt";
    /**
     * The address an {@code email-verification} goes to instead of the account's current one: the new
     * address of an e-mail change, which the account does not have yet. Accepted for no other
     * template; notification-service keeps it encrypted and only until the mail is sent.
     */
    public static final String TO_ADDRESS = "toAddress";

    private NotificationTemplates() {
    }
}
