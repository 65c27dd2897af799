package dev.stride.workout.upload;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.stride.workout.analysis.AnalysisSettings;
import dev.stride.workout.analysis.WorkoutAnalysis;
import dev.stride.workout.analysis.WorkoutAnalyzer;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.WorkoutFileException;
import dev.stride.workout.parsing.WorkoutFileParser;
import dev.stride.workout.records.PersonalRecords;
import dev.stride.workout.settings.AthleteSettings;
import dev.stride.workout.streams.WorkoutStreams;
import dev.stride.workout.workouts.FileWorkout;
import dev.stride.workout.workouts.FileWorkouts;
import dev.stride.workout.workouts.Sport;
import dev.stride.workout.workouts.Visibility;

/**
 * Turns a stored upload into workouts: decrypt, parse, analyze, check for an overlapping
 * workout, then record one workout per session (a multisport FIT file makes one per session,
 * transitions included) with its streams and best efforts, and mark the upload DONE — all in the
 * transaction of the work item (with {@code WorkoutChanged} and the {@code workout-recorded}
 * events). A file Stride cannot read ends FAILED with the parser's message; anything else is
 * thrown, retried by the kit's error handler and finally dead-lettered (then the sweep fails it).
 */
@Service
class UploadProcessor {

    static final String OVERLAP = "You already have a %s workout at this time.";
    static final String NO_POINTS = "The file has no track points.";

    private static final Logger log = LoggerFactory.getLogger(UploadProcessor.class);

    private final UploadStore store;
    private final FileCipher cipher;
    private final UploadFailures failures;
    private final FileWorkouts workouts;
    private final WorkoutStreams streams;
    private final PersonalRecords records;
    private final AthleteSettings athletes;
    private final WorkoutFileParser parser;
    private final WorkoutAnalyzer analyzer = new WorkoutAnalyzer();
    private final Clock clock = Clock.systemUTC();

    UploadProcessor(UploadStore store, FileCipher cipher, UploadFailures failures, FileWorkouts workouts,
            WorkoutStreams streams, PersonalRecords records, AthleteSettings athletes, UploadProperties properties) {
        this.store = store;
        this.cipher = cipher;
        this.failures = failures;
        this.workouts = workouts;
        this.streams = streams;
        this.records = records;
        this.athletes = athletes;
        this.parser = new WorkoutFileParser(dev.stride.workout.parsing.ParserLimits.defaults()
                .withMaxBytes(properties.maxFileSize().toBytes(),
                        dev.stride.workout.parsing.ParserLimits.DEFAULT_MAX_DECOMPRESSED_BYTES));
    }

    /** Committed on its own, before the work, so that the status shows PROCESSING while it runs. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public boolean markProcessing(UUID uploadId) {
        return store.markProcessing(uploadId, clock.instant());
    }

    /** Runs in the transaction of the idempotent consumer. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void process(UUID uploadId) {
        Optional<UploadStore.Upload> found = store.findForUpdate(uploadId);
        if (found.isEmpty() || found.get().status() == UploadStatus.DONE
                || found.get().status() == UploadStatus.FAILED) {
            return;
        }
        UploadStore.Upload upload = found.get();
        byte[] content = cipher.decrypt(store.content(uploadId), uploadId.toString());
        ParsedActivity parsed;
        try {
            parsed = parser.parse(content, upload.fileName());
        } catch (WorkoutFileException e) {
            log.info("upload {} rejected: {}", uploadId, e.reason());
            failures.fail(upload, e.getMessage(), null, clock.instant());
            return;
        }
        List<ParsedActivity> sessions = new ArrayList<>();
        for (int i = 0; i < parsed.sessions().size(); i++) {
            ParsedActivity session = parsed.session(i);
            if (session.points().size() > 0) {
                sessions.add(session);
            }
        }
        if (sessions.isEmpty()) {
            failures.fail(upload, NO_POINTS, null, clock.instant());
            return;
        }
        Sport requested = upload.requestedSport() == null || sessions.size() > 1 ? null
                : Sport.valueOf(upload.requestedSport());
        List<WorkoutAnalysis> analyses = new ArrayList<>();
        AnalysisSettings analysisSettings = athletes.analysisFor(upload.userId());
        for (ParsedActivity session : sessions) {
            WorkoutAnalysis a = analyzer.analyze(session, analysisSettings);
            Sport sport = requested != null ? requested : a.sport();
            if (a.startTime() == null) {
                failures.fail(upload, "The file has no timestamps.", null, clock.instant());
                return;
            }
            Optional<UUID> existing = workouts.overlapping(upload.userId(), sport, a.startTime(),
                    a.elapsedTime() == null ? 0 : a.elapsedTime());
            if (existing.isPresent()) {
                failures.fail(upload, String.format(OVERLAP, sport.wireName()), existing.get(), clock.instant());
                return;
            }
            analyses.add(a);
        }
        List<UUID> created = new ArrayList<>();
        Visibility visibility = upload.requestedVisibility() == null ? null
                : Visibility.valueOf(upload.requestedVisibility());
        for (int i = 0; i < sessions.size(); i++) {
            ParsedActivity session = sessions.get(i);
            WorkoutAnalysis a = analyses.get(i);
            Sport sport = requested != null ? requested : a.sport();
            UUID workoutId = workouts.record(new FileWorkout(upload.userId(), sport, upload.requestedTitle(),
                    visibility, a.startTime(), a.elapsedTime(), a.movingTime(), a.distance(), a.elevationGain(),
                    a.elevationLoss(), a.averageSpeed(), a.maxSpeed(), a.averageHeartRate(), a.maxHeartRate(),
                    a.averageCadence(), a.averagePower(), a.maxPower(), a.calories(), session.deviceManufacturer(),
                    session.deviceModel(), a.splitsKm(), a.splitsMile(), a.laps(), a.bestEfforts(), a.heartRateZones(),
                    a.polyline()));
            streams.store(workoutId, upload.userId(), session.points());
            records.recordEfforts(upload.userId(), workoutId, sport, a.startTime(), a.bestEfforts());
            created.add(workoutId);
        }
        store.done(uploadId, parsed.format().name(), created, clock.instant());
    }
}
