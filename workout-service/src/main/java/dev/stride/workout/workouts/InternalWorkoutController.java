package dev.stride.workout.workouts;

import java.util.UUID;

import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** Service-to-service API: needs a service token for workout-service with scope internal. */
@RestController
class InternalWorkoutController {

    private final WorkoutRepository workouts;

    InternalWorkoutController(WorkoutRepository workouts) {
        this.workouts = workouts;
    }

    @GetMapping("/internal/v1/users/{userId}/workout-summary")
    @Transactional(readOnly = true)
    WorkoutSummary summary(@PathVariable UUID userId) {
        return workouts.summaryOf(userId);
    }
}
