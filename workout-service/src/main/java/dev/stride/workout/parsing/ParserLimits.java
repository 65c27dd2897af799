package dev.stride.workout.parsing;

/**
 * Bounds applied while a file is read.
 *
 * @param maxCompressedBytes   bytes accepted from the caller's stream (the upload as sent)
 * @param maxDecompressedBytes bytes accepted after gzip decompression (counted while streaming,
 *                             so a gzip bomb fails as soon as it crosses the bound)
 * @param maxPoints            track points accepted (records for FIT)
 * @param requireTimestamps    when true (the default for workouts) a track without timestamps is
 *                             rejected; when false it is returned with {@link TrackPoints#NO_TIME}
 */
public record ParserLimits(long maxCompressedBytes, long maxDecompressedBytes, int maxPoints,
        boolean requireTimestamps) {

    public static final long DEFAULT_MAX_COMPRESSED_BYTES = 25L * 1024 * 1024;
    public static final long DEFAULT_MAX_DECOMPRESSED_BYTES = 200L * 1024 * 1024;
    public static final int DEFAULT_MAX_POINTS = 2_000_000;

    public ParserLimits {
        if (maxCompressedBytes <= 0 || maxDecompressedBytes <= 0 || maxPoints <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }

    public static ParserLimits defaults() {
        return new ParserLimits(DEFAULT_MAX_COMPRESSED_BYTES, DEFAULT_MAX_DECOMPRESSED_BYTES,
                DEFAULT_MAX_POINTS, true);
    }

    public ParserLimits withMaxPoints(int points) {
        return new ParserLimits(maxCompressedBytes, maxDecompressedBytes, points, requireTimestamps);
    }

    public ParserLimits withMaxBytes(long compressed, long decompressed) {
        return new ParserLimits(compressed, decompressed, maxPoints, requireTimestamps);
    }

    public ParserLimits allowingMissingTimestamps() {
        return new ParserLimits(maxCompressedBytes, maxDecompressedBytes, maxPoints, false);
    }
}
