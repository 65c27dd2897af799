package dev.stride.workout.upload;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.contracts.ErrorCode;
import dev.stride.contracts.EventTypes;
import dev.stride.contracts.Topics;
import dev.stride.contracts.payload.WorkoutUploadRequested;
import dev.stride.kit.events.EventPublisher;
import dev.stride.kit.web.StrideProblemException;
import dev.stride.workout.workouts.FileWorkouts;
import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.Visibility;
import dev.stride.kit.ids.TimeOrderedIds;

/** Accepts an upload: stores it encrypted and queues its work item, or fails a duplicate at once. */
@Service
class UploadService {

    static final String DUPLICATE = "This file was already uploaded.";

    private final UploadStore store;
    private final FileCipher cipher;
    private final EventPublisher events;
    private final UploadFailures failures;
    private final FileWorkouts workouts;
    private final Clock clock = Clock.systemUTC();

    UploadService(UploadStore store, FileCipher cipher, EventPublisher events, UploadFailures failures,
            FileWorkouts workouts) {
        this.store = store;
        this.cipher = cipher;
        this.events = events;
        this.failures = failures;
        this.workouts = workouts;
    }

    @Transactional
    UploadView accept(UUID userId, MultipartUpload.Received file) {
        String sport = file.sport() == null ? null : parse(() -> Sport.fromWire(file.sport()).name(), "sport");
        String visibility = file.visibility() == null ? null
                : parse(() -> Visibility.fromWire(file.visibility()).name(), "visibility");
        if (file.title() != null && file.title().length() > 200) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "The title is longer than 200 characters.");
        }
        UUID id = TimeOrderedIds.next();
        String name = FileNames.sanitize(file.fileName());
        Optional<UploadStore.Upload> same = store.sameFile(userId, file.sha256())
                .filter(u -> u.status() != UploadStatus.DONE || u.workoutId() == null || workouts.exists(u.workoutId()));
        if (same.isPresent()) {
            UploadStore.Upload duplicate = new UploadStore.Upload(id, userId, name, file.content().length,
                    file.sha256(), UploadStatus.FAILED, DUPLICATE, same.get().workoutId(), sport, file.title(),
                    visibility, null);
            store.insert(duplicate, null, clock.instant());
            failures.notifyUser(id, userId, name, DUPLICATE);
            return duplicate.view();
        }
        UploadStore.Upload upload = new UploadStore.Upload(id, userId, name, file.content().length, file.sha256(),
                UploadStatus.QUEUED, null, null, sport, file.title(), visibility, null);
        store.insert(upload, cipher.encrypt(file.content(), id.toString()), clock.instant());
        events.publish(Topics.WORKOUT_UPLOADS, EventTypes.WORKOUT_UPLOAD_REQUESTED, 1, userId.toString(),
                new WorkoutUploadRequested(id));
        return upload.view();
    }

    /** Another user's upload is reported exactly like a missing one. */
    @Transactional(readOnly = true)
    UploadView find(UUID userId, UUID id) {
        return store.find(id).filter(u -> u.userId().equals(userId)).map(UploadStore.Upload::view)
                .orElseThrow(() -> StrideProblemException.notFound("Upload " + id));
    }

    private static String parse(java.util.function.Supplier<String> value, String field) {
        try {
            return value.get();
        } catch (IllegalArgumentException ex) {
            throw new StrideProblemException(ErrorCode.VALIDATION_FAILED, "The " + field + " is not valid.");
        }
    }
}
