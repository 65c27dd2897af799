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
    /** workout-service: a user beat an earlier best effort (params EFFORT, TIME). */
    public static final String PERSONAL_RECORD = "personal-record";
    /** workout-service: an uploaded file could not be imported (params FILE_NAME, REASON). */
    public static final String UPLOAD_FAILED = "upload-failed";
    /** workout-service: a gear item passed its retirement distance (params GEAR_NAME, DISTANCE_KM). */
    public static final String GEAR_RETIREMENT = "gear-retirement";

    /**
     * The person's display name, used in the greeting. Optional for producers: notification-service
     * fills it from its recipient projection when a request does not carry it.
     */
    public static final String NAME = "name";
    /** The https link that verifies an address (email-verification). */
    public static final String VERIFICATION_URL = "verificationUrl";
    /** The https link that resets a password (password-reset). */
    public static final String RESET_URL = "resetUrl";
    /** When a password or address change happened, formatted for the reader (password-changed, email-changed). */
    public static final String CHANGED_AT = "changedAt";
    /** The best-effort distance as named by workout-service, e.g. {@code 1k}, {@code half marathon} (personal-record). */
    public static final String EFFORT = "effort";
    /** The new best time, formatted m:ss or h:mm:ss (personal-record). */
    public static final String TIME = "time";
    /** The uploaded file's name as the user sent it (upload-failed). */
    public static final String FILE_NAME = "fileName";
    /** Why the file could not be imported, in words a person understands (upload-failed). */
    public static final String REASON = "reason";
    /** The gear item as the user named it (gear-retirement). */
    public static final String GEAR_NAME = "gearName";
    /** The item's total distance in whole kilometres (gear-retirement). */
    public static final String DISTANCE_KM = "distanceKm";
    /**
     * The address an {@code email-verification} goes to instead of the account's current one: the new
     * address of an e-mail change, which the account does not have yet. Accepted for no other
     * template; notification-service keeps it encrypted and only until the mail is sent.
     */
    public static final String TO_ADDRESS = "toAddress";

    private NotificationTemplates() {
    }
}
