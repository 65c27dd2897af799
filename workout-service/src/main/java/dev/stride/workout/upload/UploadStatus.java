package dev.stride.workout.upload;

/** Where an upload is: stored and waiting, being processed, done (a workout exists) or failed (a reason). */
public enum UploadStatus {
    QUEUED, PROCESSING, DONE, FAILED
}
