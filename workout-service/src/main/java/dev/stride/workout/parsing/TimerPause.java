package dev.stride.workout.parsing;

/** An interval during which the device timer was stopped (FIT timer stop → start events), epoch ms. */
public record TimerPause(long fromMillis, long toMillis) {

    public boolean contains(long t0, long t1) {
        return t0 >= fromMillis && t1 <= toMillis;
    }
}
