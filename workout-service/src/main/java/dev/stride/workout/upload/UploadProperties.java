package dev.stride.workout.upload;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param maxFileSize   bytes of one file as sent (gzip-compressed or not); more → 413, nothing stored
 * @param stuckAfter    an upload PROCESSING for longer than this is marked FAILED by the sweep
 * @param sweepInterval how often the sweep looks
 */
@ConfigurationProperties("stride.workouts.upload")
public record UploadProperties(DataSize maxFileSize, Duration stuckAfter, Duration sweepInterval) {

    public UploadProperties {
        maxFileSize = maxFileSize == null ? DataSize.ofMegabytes(25) : maxFileSize;
        stuckAfter = stuckAfter == null ? Duration.ofMinutes(15) : stuckAfter;
        sweepInterval = sweepInterval == null ? Duration.ofMinutes(1) : sweepInterval;
    }
}
