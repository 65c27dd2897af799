package dev.stride.contracts;

import java.util.List;

/**
 * Kafka topic names. Every topic is keyed by user id. Its dead-letter topic is
 * {@link #deadLetter(String)} and has as many partitions as the topic itself.
 */
public final class Topics {

    /** Identity events from gateway-service: user-registered, user-deleted. */
    public static final String IDENTITY_EVENTS = "stride.identity.events.v1";
    /** Workout events from workout-service: workout-recorded, -updated, -deleted. */
    public static final String WORKOUT_EVENTS = "stride.workout.events.v1";
    /** Social events from social-service: profile-updated, follow-started, follow-ended (keyed by the follower). */
    public static final String SOCIAL_EVENTS = "stride.social.events.v1";
    /** Marketing events from marketing-service: consent-changed. */
    public static final String MARKETING_EVENTS = "stride.marketing.events.v1";
    /** Requests to notification-service from any module. */
    public static final String NOTIFICATION_REQUESTS = "stride.notification.requests.v1";
    /**
     * Work items of workout-service itself: one {@code workout-upload-requested} per stored upload,
     * carrying only the upload id (the file stays encrypted in the database).
     */
    public static final String WORKOUT_UPLOADS = "stride.workout.uploads.v1";

    public static final List<String> ALL = List.of(IDENTITY_EVENTS, WORKOUT_EVENTS, SOCIAL_EVENTS, MARKETING_EVENTS,
            NOTIFICATION_REQUESTS, WORKOUT_UPLOADS);

    /** Suffix spring-kafka's DeadLetterPublishingRecoverer appends since 3.3. */
    public static final String DEAD_LETTER_SUFFIX = "-dlt";

    private Topics() {
    }

    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
