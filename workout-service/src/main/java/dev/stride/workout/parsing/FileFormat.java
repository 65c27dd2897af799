package dev.stride.workout.parsing;

/** Activity file formats, detected from the content (never from the file name). */
public enum FileFormat {
    GPX, TCX, FIT
}
