package dev.stride.workout.workouts;

import java.util.UUID;

/**
 * Chooses the gear of a new workout; implemented by the gear package so that workouts do not
 * depend on how gear is stored.
 */
public interface GearChoice {

    /**
     * @param requested the gear id the client sent, or null
     * @return {@code requested} when it is one of the user's items; else the user's default item for
     *         the sport (null when there is none)
     * @throws dev.stride.kit.web.StrideProblemException 400 when {@code requested} is not one of the
     *         user's items
     */
    UUID gearFor(UUID userId, Sport sport, UUID requested);
}
