package dev.stride.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.stride.workout.analysis.AnalysisSettings;
import dev.stride.workout.analysis.WorkoutAnalysis;
import dev.stride.workout.analysis.WorkoutAnalyzer;
import dev.stride.workout.parsing.FileFormat;
import dev.stride.workout.parsing.ParsedActivity;
import dev.stride.workout.parsing.WorkoutFileParser;
import dev.stride.workout.workouts.Sport;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The generated files are valid for Stride's parser and carry the track unchanged (small size: fast). */
class WorkoutFilesTest {

    private static SyntheticTrack track;

    @BeforeAll
    static void track() {
        boolean present;
        try {
            present = Files.isDirectory(SyntheticTrack.TestData.workouts());
        } catch (IllegalStateException e) {
            present = false;
        }
        Assumptions.assumeTrue(present, "shared/testdata/workouts is not beside the repository");
        track = SyntheticTrack.fromDefaultSource(4_000);
    }

    @ParameterizedTest
    @ValueSource(strings = {"gpx", "tcx", "fit"})
    void roundTrip(String format) {
        byte[] bytes = switch (format) {
            case "gpx" -> WorkoutFiles.gpx(track);
            case "tcx" -> WorkoutFiles.tcx(track);
            default -> WorkoutFiles.fit(track);
        };
        ParsedActivity parsed = new WorkoutFileParser().parse(new ByteArrayInputStream(bytes), "x." + format);
        assertEquals(FileFormat.valueOf(format.toUpperCase()), parsed.format());
        assertEquals(4_000, parsed.points().size());
        assertEquals(0, parsed.stats().droppedDuplicates());
        assertEquals(Sport.RIDE, parsed.sport());
        assertEquals(track.time[0], parsed.startTime().toEpochMilli());
        if (!format.equals("gpx")) {
            assertEquals(track.lapStarts.length, parsed.laps().size());
        }
        WorkoutAnalysis a = new WorkoutAnalyzer().analyze(parsed, AnalysisSettings.defaults());
        assertEquals(0, a.spikesRemoved(), "turning back must not look like a GPS spike");
        assertEquals(track.totalDistance(), a.distance(), track.totalDistance() * 0.005);
        assertEquals(track.durationMillis() / 1000.0, a.elapsedTime(), 0.001);
        assertTrue(a.averageHeartRate() != null && a.averageHeartRate() > 60);
    }
}
