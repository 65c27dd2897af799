package dev.stride.contracts;

/** Event type names as they appear in {@link EventEnvelope#type()}. */
public final class EventTypes {

    public static final String USER_REGISTERED = "user-registered";
    public static final String USER_DELETED = "user-deleted";
    public static final String WORKOUT_RECORDED = "workout-recorded";
    public static final String WORKOUT_UPDATED = "workout-updated";
    public static final String WORKOUT_DELETED = "workout-deleted";
    public static final String PROFILE_UPDATED = "profile-updated";
    public static final String CONSENT_CHANGED = "consent-changed";
    public static final String NOTIFICATION_REQUESTED = "notification-requested";

    private EventTypes() {
    }
}
