package dev.stride.contracts;

/** Event type names as they appear in {@link EventEnvelope#type()}. */
public final class EventTypes {

    public static final String USER_REGISTERED = "user-registered";
    public static final String USER_DELETED = "user-deleted";
    public static final String WORKOUT_RECORDED = "workout-recorded";
    /** Workout: a workout's summary changed; the payload is the whole new summary (WorkoutRecorded). */
    public static final String WORKOUT_UPDATED = "workout-updated";
    public static final String WORKOUT_DELETED = "workout-deleted";
    public static final String PROFILE_UPDATED = "profile-updated";
    public static final String CONSENT_CHANGED = "consent-changed";
    public static final String NOTIFICATION_REQUESTED = "notification-requested";
    /** Identity: the user proved control of the account's e-mail address (payload EmailVerified). */
    public static final String EMAIL_VERIFIED = "email-verified";
    /** Identity: the account's e-mail address changed after re-verification (payload EmailChanged). */
    public static final String EMAIL_CHANGED = "email-changed";
    /** Identity: the user changed the account's language or time zone (payload AccountSettingsChanged). */
    public static final String ACCOUNT_SETTINGS_CHANGED = "account-settings-changed";
    /** Identity: the user asked for a copy of their data; every service contributes (payload DataExportRequested). */
    public static final String DATA_EXPORT_REQUESTED = "data-export-requested";

    /** Workout: an uploaded file waits to be processed (topic WORKOUT_UPLOADS, payload WorkoutUploadRequested). */
    public static final String WORKOUT_UPLOAD_REQUESTED = "workout-upload-requested";
    /** Workout: a user beat their best time over a distance (payload PersonalRecordAchieved). */
    public static final String PERSONAL_RECORD_ACHIEVED = "personal-record-achieved";

    /** Workout: a gear item's distance reached its retirement distance (payload GearThresholdReached). */
    public static final String GEAR_THRESHOLD_REACHED = "gear-threshold-reached";

    /** Social: a user started following another (topic SOCIAL_EVENTS, key follower id, payload FollowStarted). */
    public static final String FOLLOW_STARTED = "follow-started";
    /** Social: a follow ended, by unfollow or removal (topic SOCIAL_EVENTS, key follower id, payload FollowEnded). */
    public static final String FOLLOW_ENDED = "follow-ended";

    private EventTypes() {
    }
}
