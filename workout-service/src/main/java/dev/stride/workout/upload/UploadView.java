package dev.stride.workout.upload;

import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonInclude;

/** {@code GET /api/v1/workouts/uploads/{id}}: workoutId when DONE (or the existing one of a duplicate), error when FAILED. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record UploadView(UUID id, UploadStatus status, UUID workoutId, String error) {
}
