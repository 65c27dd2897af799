package dev.stride.workout.parsing;

/**
 * Totals as the recording device wrote them (FIT session / TCX laps). Every value may be null:
 * absent means the file did not say.
 *
 * @param distance    metres
 * @param elapsedTime seconds, wall-clock from start to end
 * @param timerTime   seconds the device timer ran (pauses excluded)
 * @param calories    kcal
 * @param ascent      metres
 * @param descent     metres
 */
public record DeviceTotals(Double distance, Double elapsedTime, Double timerTime, Double calories,
        Double ascent, Double descent) {

    public static final DeviceTotals NONE = new DeviceTotals(null, null, null, null, null, null);

    public boolean isEmpty() {
        return distance == null && elapsedTime == null && timerTime == null && calories == null
                && ascent == null && descent == null;
    }
}
