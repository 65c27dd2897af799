package dev.stride.workout.upload;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import org.springframework.stereotype.Component;

import dev.stride.contracts.EventTypes;
import dev.stride.contracts.NotificationTemplates;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.NotificationRequested;
import dev.stride.kit.events.EventPublisher;

/** Marks an upload FAILED and asks notification-service to tell the user, in the caller's transaction. */
@Component
class UploadFailures {

    static final int MAX_ERROR = 500;

    private final UploadStore store;
    private final EventPublisher events;

    UploadFailures(UploadStore store, EventPublisher events) {
        this.store = store;
        this.events = events;
    }

    void fail(UploadStore.Upload upload, String error, UUID existingWorkout, Instant now) {
        String reason = error.length() > MAX_ERROR ? error.substring(0, MAX_ERROR - 1) + "…" : error;
        store.fail(upload.id(), reason, existingWorkout, now);
        notifyUser(upload.id(), upload.userId(), upload.fileName(), reason);
    }

    void notifyUser(UUID uploadId, UUID userId, String fileName, String reason) {
        events.publish(Topics.NOTIFICATION_REQUESTS, EventTypes.NOTIFICATION_REQUESTED, 1, userId.toString(),
                new NotificationRequested(userId, "product", NotificationTemplates.UPLOAD_FAILED,
                        Map.of(NotificationTemplates.FILE_NAME, fileName, NotificationTemplates.REASON, reason,
                                "uploadId", uploadId.toString()),
                        "upload-failed:" + uploadId, null));
    }
}
