package dev.stride.workout.upload;

import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutUploadRequested;
import dev.stride.kit.events.EventHandlers;

/** Consumes the uploads work topic; each work item is processed once (idempotent consumer). */
@Component
class UploadListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(UploadListener.class);

    private final EventHandlers handlers;

    UploadListener(EventHandlers.Factory events, UploadProcessor processor) {
        this.handlers = events.forConsumer("workout-uploads").on(EventTypes.WORKOUT_UPLOAD_REQUESTED,
                WorkoutUploadRequested.class, request -> {
                    if (processor.markProcessing(request.uploadId())) {
                        try {
                            processor.process(request.uploadId());
                        } catch (RuntimeException ex) {
                            log.warn("processing upload {} failed; the work item will be retried", request.uploadId(),
                                    ex);
                            throw ex;
                        }
                    }
                });
    }

    /**
     * Several consumers per instance: a work item spends most of its time waiting for the database,
     * so one thread per partition share keeps both cores busy. Items are keyed by user, so one user's
     * uploads stay in order (duplicate detection by overlapping start time relies on that).
     */
    @KafkaListener(topics = Topics.WORKOUT_UPLOADS, groupId = "workout-service.uploads",
            concurrency = "${stride.workouts.upload.consumers:3}")
    void on(String message) {
        handlers.handle(message);
    }
}
