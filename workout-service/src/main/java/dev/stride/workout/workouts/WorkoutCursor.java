package dev.stride.workout.workouts;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

import dev.stride.contracts.ErrorCode;
import dev.stride.kit.web.StrideProblemException;

/** Opaque keyset cursor: the (startTime, id) of the last item of a page. */
record WorkoutCursor(Instant startTime, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((startTime + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    static WorkoutCursor decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 2);
            return new WorkoutCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        }
        catch (RuntimeException ex) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "The cursor is not one this API issued.");
        }
    }
}
