package dev.stride.contracts.payload;

import java.util.Objects;
import java.util.UUID;

/**
 * Payload of {@code workout-upload-requested} (version 1) on the workout uploads work topic: only
 * the id of the stored upload, never the file or any of its content.
 */
public record WorkoutUploadRequested(UUID uploadId) {

    public WorkoutUploadRequested {
        Objects.requireNonNull(uploadId, "uploadId must not be null");
    }
}
