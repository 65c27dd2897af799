package dev.stride.workout.analysis;

import dev.stride.workout.workouts.Sport;

/**
 * Per-sport speeds used by the analysis.
 *
 * @param movingThreshold m/s; a step slower than this is "stopped" for moving time
 * @param maxPlausibleSpeed m/s; a GPS step faster than this is a spike and is ignored
 * @param met metabolic equivalent used by the calorie estimate when neither the device nor power says
 */
record SportProfile(double movingThreshold, double maxPlausibleSpeed, double met) {

    static SportProfile of(Sport sport) {
        return switch (sport) {
            case RUN, TRAIL_RUN -> new SportProfile(0.5, 12.5, 9.8);
            case WALK, HIKE -> new SportProfile(0.3, 7.0, 4.0);
            case RIDE, MOUNTAIN_BIKE, VIRTUAL_RIDE -> new SportProfile(1.0, 35.0, 7.5);
            case SWIM_POOL, SWIM_OPEN_WATER -> new SportProfile(0.15, 4.0, 7.0);
            case ROW -> new SportProfile(0.3, 8.0, 7.0);
            case SKI_ALPINE -> new SportProfile(0.5, 45.0, 5.3);
            case SKI_CROSS_COUNTRY -> new SportProfile(0.5, 15.0, 9.0);
            case STRENGTH, OTHER -> new SportProfile(1.0 / 3.6, 70.0, 6.0);
        };
    }
}
