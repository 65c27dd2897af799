package dev.stride.workout.upload;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.stride.workout.privacy.PrivacyZones;
import dev.stride.workout.records.PersonalRecords;
import dev.stride.workout.streams.WorkoutStreams;
import dev.stride.workout.workouts.UserWorkoutsErased;
import dev.stride.workout.workouts.WorkoutChanged;

/**
 * Keeps files and tracks in step with workouts, in the transaction of the change: a deleted
 * workout loses its streams, and its upload (with the stored file) goes with its last workout; a
 * deleted user ({@code user-deleted}) loses every upload, file, stream, record and privacy zone.
 */
@Component
class UploadErasure {

    private final UploadStore uploads;
    private final WorkoutStreams streams;
    private final PersonalRecords records;
    private final PrivacyZones zones;

    UploadErasure(UploadStore uploads, WorkoutStreams streams, PersonalRecords records, PrivacyZones zones) {
        this.uploads = uploads;
        this.streams = streams;
        this.records = records;
        this.zones = zones;
    }

    @EventListener
    void on(WorkoutChanged change) {
        if (change.before() != null && change.after() == null) {
            streams.delete(change.before().workoutId());
            uploads.workoutDeleted(change.before().workoutId());
        }
    }

    @EventListener
    void on(UserWorkoutsErased erased) {
        streams.deleteAllOfUser(erased.userId());
        uploads.deleteAllOfUser(erased.userId());
        records.deleteAllOfUser(erased.userId());
        zones.deleteAllOfUser(erased.userId());
    }
}
