package dev.stride.workout.upload;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An upload whose work item failed every retry (dead-lettered) stays PROCESSING; this sweep marks
 * those older than {@code stride.workouts.upload.stuck-after} FAILED and tells the user. Safe with
 * several replicas: rows are claimed with {@code FOR UPDATE SKIP LOCKED}.
 */
@Component
class UploadSweep {

    static final String STUCK = "processing failed; try again";
    private static final Logger log = LoggerFactory.getLogger(UploadSweep.class);

    private final UploadStore store;
    private final UploadFailures failures;
    private final UploadProperties properties;
    private final Clock clock = Clock.systemUTC();

    UploadSweep(UploadStore store, UploadFailures failures, UploadProperties properties) {
        this.store = store;
        this.failures = failures;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${stride.workouts.upload.sweep-interval:60s}", initialDelayString = "${stride.workouts.upload.sweep-interval:60s}")
    void scheduled() {
        int failed = sweep(clock.instant());
        if (failed > 0) {
            log.warn("marked {} uploads stuck in PROCESSING as FAILED", failed);
        }
    }

    @Transactional
    int sweep(Instant now) {
        var stuck = store.stuck(now.minus(properties.stuckAfter()), 100);
        for (UploadStore.Upload upload : stuck) {
            failures.fail(upload, STUCK, null, now);
        }
        return stuck.size();
    }
}
