package dev.stride.workout.parsing;

/**
 * A workout file that cannot be turned into an activity. The message is written for a person
 * (it is shown as the reason of a FAILED upload); {@link #reason()} is a stable code.
 */
public class WorkoutFileException extends RuntimeException {

    /** Stable codes for the ways a file can be rejected. */
    public enum Reason {
        EMPTY_FILE, UNSUPPORTED_FORMAT, MALFORMED, TRUNCATED, CORRUPT, UNSAFE_XML, TOO_LARGE,
        TOO_MANY_POINTS, NO_TRACK, NO_TIMESTAMPS, NOT_AN_ACTIVITY
    }

    private final Reason reason;

    public WorkoutFileException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public WorkoutFileException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
